"""The ZIP of an aimag's reports: a job the real django-tasks worker runs, with progress per
report, holding only what its user may see; a failure leaves a message and no file."""

from __future__ import annotations

import csv
import io
import subprocess
import zipfile

import openpyxl
import pytest
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from shudarga.jobs import zips
from shudarga.jobs.models import Job
from shudarga.jobs.services import job_start
from shudarga.jobs.tasks import job_execute
from tests.conftest import require_tool
from tests.jobs.conftest import office, started

pytestmark = pytest.mark.django_db


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def members(job: Job) -> dict[str, bytes]:
    with storages["generated"].open(job.result, "rb") as f, zipfile.ZipFile(f) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


# Committed for real: the worker reads the queue in its own transactions, as in production.
@pytest.mark.django_db(transaction=True)
def test_a_worker_builds_the_aimag_zip_of_every_visible_report(
    aimag, aimag_reports, aimag_reviewer, generated_root, tmp_path
):
    pdftotext = require_tool("pdftotext")
    with translation.override("mn"):
        job = job_start(kind=Job.Kind.ZIP, user=aimag_reviewer, organization=aimag, year=2025)
    (queued,) = DBTaskResult.objects.all()
    assert queued.task_path.endswith("job_run") and queued.args_kwargs["args"] == [job.pk]
    run_worker()
    job.refresh_from_db()
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL", queued.exception_class_path
    assert (job.state, job.done, job.total, job.message) == ("done", 2, 2, "")
    assert job.result_name == "shudarga-өвөрхангай-2025.zip" and job.finished
    files = members(job)
    khujirt, arvaikheer, _far = aimag_reports
    assert sorted(files) == sorted(
        [
            "index.csv",
            *(
                f"{khujirt.pk}-хужирт-сумын-засаг-даргын-тамгын-газар-half_year.{f}"
                for f in ["pdf", "xlsx"]
            ),
            *(
                f"{arvaikheer.pk}-арвайхээр-сумын-засаг-даргын-тамгын-газар-annual.{f}"
                for f in ["pdf", "xlsx"]
            ),
        ]
    )
    for name, data in files.items():
        if name.endswith(".pdf"):
            (tmp_path / "r.pdf").write_bytes(data)
            text = subprocess.run(
                [pdftotext, str(tmp_path / "r.pdf"), "-"],
                capture_output=True,
                check=True,
                text=True,
            ).stdout
            assert "Арга хэмжээ 1.1" in text
        elif name.endswith(".xlsx"):
            sheet = openpyxl.load_workbook(io.BytesIO(data)).active
            assert any("Арга хэмжээ 1.1" in str(c.value) for row in sheet.iter_rows() for c in row)
    index = list(csv.reader(io.StringIO(files["index.csv"].decode("utf-8-sig"))))
    # In the language the reviewer asked in (Mongolian first).
    assert index[0][:2] == ["Файл", "Байгууллага"] and index[0][-1] == "Нэгдсэн дүн"
    assert sorted(r[1] for r in index[1:]) == [
        "Арвайхээр сумын Засаг даргын Тамгын газар",
        "Хужирт сумын Засаг даргын Тамгын газар",
    ]
    assert "Цэцэрлэг" not in files["index.csv"].decode()


def test_a_member_of_one_office_gets_only_the_reports_they_may_see(
    aimag, aimag_reports, officer, generated_root
):
    job = job_start(kind=Job.Kind.ZIP, user=officer, organization=aimag, year=2025, enqueue=False)
    job_execute(job.pk)
    job.refresh_from_db()
    assert (job.state, job.total) == ("done", 1)
    assert sorted(members(job)) == sorted(
        [
            f"{aimag_reports[0].pk}-хужирт-сумын-засаг-даргын-тамгын-газар-half_year.{f}"
            for f in ("pdf", "xlsx")
        ]
        + ["index.csv"]
    )


def test_progress_rows_change_report_by_report(aimag, aimag_reports, aimag_reviewer, monkeypatch):
    seen = []
    real = zips.writers.write

    def write(document, fmt):
        job = Job.objects.get()
        seen.append((job.state, job.done, job.total))
        return real(document, fmt)

    monkeypatch.setattr(zips.writers, "write", write)
    job = job_start(
        kind=Job.Kind.ZIP, user=aimag_reviewer, organization=aimag, year=2025, enqueue=False
    )
    job_execute(job.pk)
    assert seen == [("running", 0, 2), ("running", 0, 2), ("running", 1, 2), ("running", 1, 2)]


def test_a_year_without_reports_fails_with_a_message_and_no_file(
    aimag, aimag_reports, aimag_reviewer, generated_root
):
    with translation.override("en"):
        job = job_start(
            kind=Job.Kind.ZIP, user=aimag_reviewer, organization=aimag, year=2019, enqueue=False
        )
    job_execute(job.pk)
    job.refresh_from_db()
    assert job.state == "failed" and job.result == ""
    assert job.message == "No report of Өвөрхангай for 2019 that you may see."


def test_a_job_that_breaks_halfway_writes_no_result(
    aimag, aimag_reports, aimag_reviewer, generated_root, monkeypatch
):
    real = zips.writers.write
    calls = []

    def write(document, fmt):
        calls.append(fmt)
        if len(calls) == 3:
            raise OSError("disk full")
        return real(document, fmt)

    monkeypatch.setattr(zips.writers, "write", write)
    with translation.override("en"):
        job = job_start(
            kind=Job.Kind.ZIP, user=aimag_reviewer, organization=aimag, year=2025, enqueue=False
        )
    job_execute(job.pk)
    job.refresh_from_db()
    assert (job.state, job.result, job.done) == ("failed", "", 1)
    assert "nothing was written" in job.message
    assert not list(generated_root.rglob("*.zip"))


def zip_queries(user, aimag) -> int:
    job = job_start(kind=Job.Kind.ZIP, user=user, organization=aimag, year=2025, enqueue=False)
    with CaptureQueriesContext(connection) as queries:
        job_execute(job.pk)
    assert Job.objects.get(pk=job.pk).state == "done"
    return len(queries)


def test_the_zip_reads_a_fixed_number_of_queries_per_report(
    django_user_model, aimag, aimag_reports, aimag_reviewer, generated_root
):
    two = zip_queries(aimag_reviewer, aimag)
    started(django_user_model, office("Өвөрхангай", "Хархорин"), "kharkhorin.officer", "annual")
    three = zip_queries(aimag_reviewer, aimag)
    # The job's own steps (start, begin, finish, reading the list) and one report's reads.
    assert (two, three) == (18, 18 + 6)
