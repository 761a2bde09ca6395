"""`shudarga backup` and `shudarga restore`: every refusal is one line, exit status 2, and
leaves the database and the evidence files as they were (the round trip: tests/ops)."""

from __future__ import annotations

import io
import json
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from shudarga.cli import main
from shudarga.ops.archive import walk
from shudarga.plans.models import Evidence
from shudarga.plans.reports.filling import evidence_add_file
from tests.personas import PDF

# Committed data: pg_dump reads from its own session, SQLite's backup needs no open transaction.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def instance(results, officer, evidence_root, generated_root):
    """This test database with a report, its user and one evidence file (no generated one)."""
    evidence_add_file(user=officer, result=results["1.1"], upload=SimpleUploadedFile("а.pdf", PDF))
    return evidence_root


@pytest.fixture
def archive(instance, tmp_path, capsys) -> Path:
    path = tmp_path / "backup.tar"
    assert main(["backup", "-o", str(path)]) == 0
    capsys.readouterr()
    return path


def state(evidence_root: Path) -> tuple:
    files = {name: path.read_bytes() for name, path in walk(evidence_root)}
    return get_user_model().objects.count(), Evidence.objects.count(), files


def refused(capsys, *argv: str) -> str:
    status = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("shudarga: ")
    return err


def rewritten(archive: Path, target: Path, change: Callable[[dict], None]) -> Path:
    """A copy of ``archive`` whose manifest ``change`` edited (its members untouched)."""
    with tarfile.open(archive) as source, tarfile.open(target, "w") as out:
        for member in source:
            data = source.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(data)
                change(manifest)
                data = json.dumps(manifest).encode()
                member.size = len(data)
            out.addfile(member, io.BytesIO(data))
    return target


def test_backup_names_the_archive_by_date_in_a_folder_and_refuses_to_overwrite(
    instance, tmp_path, capsys
):
    folder = tmp_path / "backups"
    folder.mkdir()
    assert main(["--lang", "en", "backup", "-o", str(folder)]) == 0
    [written] = folder.glob("shudarga-*.tar")
    out = capsys.readouterr().out
    assert out.startswith(f"Backup written: {written} — ") and ", 1 files," in out
    assert oct(written.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in folder.iterdir()] == [written.name]  # no temporary file left
    before = written.read_bytes()
    assert "the file already exists" in refused(capsys, "backup", "-o", str(written))
    assert written.read_bytes() == before


def test_restore_refuses_an_instance_that_holds_data_without_force(archive, instance, capsys):
    before = state(instance)
    err = refused(capsys, "restore", str(archive))
    assert "already holds data (1 users, 4 organizations, 1 plans, 1 files)" in err
    assert "add --force" in err
    assert state(instance) == before


def test_restore_checks_every_checksum_before_it_changes_anything(archive, instance, capsys):
    member = "database.sqlite3" if connection.vendor == "sqlite" else "database.pgdump"
    with tarfile.open(archive) as tar:
        offset = tar.getmember(member).offset_data
    damaged = bytearray(archive.read_bytes())
    damaged[offset + 100] ^= 0xFF
    archive.write_bytes(bytes(damaged))
    before = state(instance)
    err = refused(capsys, "restore", "--force", str(archive))
    assert "is damaged (its size or sha256 differs); nothing was changed" in err
    assert state(instance) == before
    assert [p.name for p in instance.parent.iterdir() if p.name.startswith(".")] == []


def test_restore_refuses_an_archive_of_another_database_vendor(archive, instance, tmp_path, capsys):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    changed = rewritten(
        archive, tmp_path / "other.tar", lambda m: m["database"].update(vendor=other)
    )
    err = refused(capsys, "restore", "--force", str(changed))
    ours, theirs = ("SQLite", "PostgreSQL") if other == "postgresql" else ("PostgreSQL", "SQLite")
    assert f"the backup is of a {theirs} database and this instance runs {ours}" in err
    assert f"restore it into a {theirs} instance" in err


def test_restore_refuses_an_archive_of_a_newer_shudarga(archive, instance, tmp_path, capsys):
    changed = rewritten(
        archive,
        tmp_path / "newer.tar",
        lambda m: m["database"]["migrations"].append("plans.9999_from_the_future"),
    )
    err = refused(capsys, "restore", "--force", str(changed))
    assert "made by a newer Shudarga (plans.9999_from_the_future)" in err


def test_restore_refuses_a_cut_short_or_foreign_archive_or_one_with_unlisted_members(
    archive, instance, tmp_path, capsys
):
    before = state(instance)
    cut = tmp_path / "cut.tar"
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    assert "not a Shudarga backup archive, or a damaged one" in refused(
        capsys, "restore", "--force", str(cut)
    )
    foreign = tmp_path / "foreign.tar"
    with tarfile.open(foreign, "w") as tar:
        tar.add(Path(__file__), arcname="notes.txt")
    assert "not a Shudarga backup archive" in refused(capsys, "restore", "--force", str(foreign))
    sneaky = tmp_path / "sneaky.tar"
    with tarfile.open(archive) as source, tarfile.open(sneaky, "w") as out:
        evil = tarfile.TarInfo("../../outside.txt")
        evil.size = 4
        out.addfile(evil, io.BytesIO(b"evil"))
        for member in source:
            out.addfile(member, source.extractfile(member))
    assert "which its manifest does not list" in refused(capsys, "restore", "--force", str(sneaky))
    assert not (tmp_path.parent / "outside.txt").exists()
    assert "file not found" in refused(capsys, "restore", str(tmp_path / "none.tar"))
    assert state(instance) == before


def test_messages_are_mongolian_by_default(archive, capsys, monkeypatch):
    monkeypatch.setenv("SHUDARGA_LANG", "mn")
    assert main(["restore", str(archive)]) == 2
    assert "сэргээх систем өгөгдөлтэй байна" in capsys.readouterr().err
