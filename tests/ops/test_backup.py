"""A backup restored into an empty instance is the same instance: every table row by row (every
column; datetimes to the microsecond), every sequence, every file byte by byte.

The data is made by the services a user triggers: a plan, a report filled in with two evidence
files and a link, submitted, scored by a reviewer, accepted, published (two of its files
written into the generated storage), an API token. The
archive is written by `shudarga backup` from this test's database (committed: pg_dump reads it
from another session); the restore goes into a database created for the test (a new SQLite
file, or a new PostgreSQL database dropped afterwards) and new evidence and generated folders. The comparison
is then shown to catch a missing row and a missing file.
"""

from __future__ import annotations

import os
import time
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.storage import FileSystemStorage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import FileField

from shudarga.api.tokens import token_create
from shudarga.cli import main
from shudarga.ops.archive import walk
from shudarga.ops.backup import file_areas, object_areas, restore
from shudarga.orgs.models import Organization, ReviewerAssignment
from shudarga.plans.models import Evidence, ReportEvent
from shudarga.plans.reports.filling import evidence_add_file, evidence_add_link
from shudarga.plans.reports.workflow import report_accept, report_submit
from shudarga.plans.review.publication import report_publish
from shudarga.plans.review.scoring import review_agree, review_score
from shudarga.portal.files import publication_file
from tests.personas import PDF, PNG
from tests.review.conftest import by_number, fill

pytestmark = pytest.mark.django_db(transaction=True)

SECONDS = 60  # a bound for backup and restore of this small instance, not an expectation


@pytest.fixture
def published(report, officer, head, evidence_root, generated_root, django_user_model):
    """The half-year report through every step, with files, a link, scores and a token, and
    two files written from its publication."""
    fill(report, officer)
    results = by_number(report)
    for name, content in (("тушаал.pdf", PDF), ("зураг.png", PNG)):
        evidence_add_file(
            user=officer,
            result=results["1.1"],
            upload=SimpleUploadedFile(name, content + os.urandom(64)),
            title=f"Нотлох баримт {name}",
        )
    evidence_add_link(user=officer, result=results["1.2"], url="https://example.mn/тайлан")
    report_submit(user=head, report=report)
    reviewer = django_user_model.objects.create_user(username="tuyaa", password="pw")
    ReviewerAssignment.objects.create(
        user=reviewer, node=Organization.objects.get(name="Өвөрхангай")
    )
    for result in by_number(report).values():
        score = Decimal("30") if result.measure.number == "1.1" else result.score
        review_score(user=reviewer, result=result, score=score, not_due=result.not_due, comment="")
    review_agree(user=reviewer, report=report)
    report_accept(user=reviewer, report=report)
    publication = report_publish(user=head, report=report)
    for fmt in ("json", "csv"):
        publication_file(publication=publication, fmt=fmt)
    token_create(user=officer, name="backup test")
    return report


def tables(db: BaseDatabaseWrapper) -> list[str]:
    """Every table, SQLite's own sqlite_sequence included (Django's introspection skips it)."""
    with db.cursor() as cursor:
        if db.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        else:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        return sorted(row[0] for row in cursor.fetchall())


def schema(db: BaseDatabaseWrapper) -> list[tuple]:
    with db.cursor() as cursor:
        if db.vendor == "sqlite":
            cursor.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
        else:
            cursor.execute(
                "SELECT 'index', indexname, tablename, indexdef FROM pg_indexes"
                " WHERE schemaname = current_schema() UNION ALL"
                " SELECT 'sequence', sequencename, '', last_value::text FROM pg_sequences"
                " WHERE schemaname = current_schema()"
            )
        return sorted(cursor.fetchall(), key=repr)


def rows(db: BaseDatabaseWrapper, table: str) -> tuple[list[str], list[tuple]]:
    """The table's columns and all its rows, as the driver returns them (datetimes whole)."""
    with db.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {db.ops.quote_name(table)}")
        columns = [column[0] for column in cursor.description]
        return columns, sorted(cursor.fetchall(), key=repr)


def assert_same_database(source: BaseDatabaseWrapper, restored: BaseDatabaseWrapper) -> int:
    assert tables(restored) == tables(source)
    assert schema(restored) == schema(source)
    compared = 0
    for table in tables(source):
        columns, expected = rows(source, table)
        assert rows(restored, table) == (columns, expected), table
        compared += bool(expected)
    return compared


def files(root: Path) -> dict[str, tuple[bytes, int]]:
    return {name: (path.read_bytes(), path.stat().st_mtime_ns) for name, path in walk(root)}


def test_a_backup_restored_into_an_empty_instance_is_the_same_instance(
    published, evidence_root, generated_root, empty_database, tmp_path, capsys
):
    stamps = list(Evidence.objects.values_list("uploaded_at", flat=True))
    stamps += ReportEvent.objects.values_list("at", flat=True)
    assert any(stamp.microsecond for stamp in stamps)  # so "the same" means to the microsecond
    assert len(files(evidence_root)) == 2
    assert len(files(generated_root)) == 2
    archive = tmp_path / "backup.tar"
    started = time.monotonic()

    assert main(["--lang", "en", "backup", "-o", str(archive)]) == 0
    assert capsys.readouterr().out.startswith(f"Backup written: {archive} — ")
    areas = {area: tmp_path / "restored" / area for area in ("evidence", "generated")}
    summary = restore(archive, connection=empty_database, areas=areas)

    assert time.monotonic() - started < SECONDS
    assert summary.files == 4
    assert summary.unapplied == ()
    compared = assert_same_database(connection, empty_database)
    assert compared >= 20, "most tables hold rows, so the comparison compares something"
    assert files(areas["evidence"]) == files(evidence_root)
    assert files(areas["generated"]) == files(generated_root)

    # The comparison fails when a table's rows or a file are missing from the restore.
    with empty_database.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Evidence._meta.db_table}")
    with pytest.raises(AssertionError):
        assert_same_database(connection, empty_database)
    next(areas["evidence"].rglob("*.png")).unlink()
    assert files(areas["evidence"]) != files(evidence_root)


def test_every_stored_file_lies_in_an_area_the_backup_copies(settings):
    """A new FileField or storage (say, of generated reports) must lie under file_areas()."""
    roots = [root.resolve() for root in file_areas().values()]
    fields = [
        field
        for model in apps.get_models(include_auto_created=True)
        for field in model._meta.get_fields()
        if isinstance(field, FileField)
    ]
    # "staticfiles" is collected from the code at each start; "default" stores nothing here
    # (a FileField on it would fail below: its folder is no area).
    aliases = set(settings.STORAGES) - {"staticfiles", "default"}
    stores = [field.storage for field in fields] + [storages[alias] for alias in aliases]
    assert fields and aliases
    for storage in stores:
        # Tests keep every storage in a folder (the bucket's case is tests/ops/test_s3.py).
        assert isinstance(storage, FileSystemStorage), storage
        assert any(Path(storage.location).resolve().is_relative_to(r) for r in roots), storage
    assert object_areas() == {}
