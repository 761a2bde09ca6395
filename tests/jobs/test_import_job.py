"""A bulk import from the web: a reviewer uploads files (or a ZIP of them) of old reports; a
job imports each in its own transaction for the organizations under the nodes they review,
and every file's outcome is shown as it progresses."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from shudarga.documents import writers
from shudarga.jobs.models import Job
from shudarga.jobs.tasks import job_execute
from shudarga.plans.models import Report
from tests.conftest import build_document
from tests.personas import client_for

pytestmark = pytest.mark.django_db

KHUJIRT = "Хужирт сумын Засаг даргын Тамгын газар"
TSETSERLEG = "Цэцэрлэг сумын Засаг даргын Тамгын газар"


def report_file(organization: str) -> bytes:
    return writers.write(build_document(organization=organization), "json")


def archive(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in files.items():
            package.writestr(name, data)
    return buffer.getvalue()


def upload(client, *files: tuple[str, bytes]):
    return client.post(
        reverse("web:import_new"),
        {"files": [SimpleUploadedFile(name, data) for name, data in files]},
    )


def test_each_file_is_imported_or_refused_with_its_reason(
    khujirt, tsetserleg, aimag_reviewer, generated_root
):
    client = client_for(aimag_reviewer)
    zipped = archive({"khujirt.json": report_file(KHUJIRT), "far.json": report_file(TSETSERLEG)})
    response = upload(client, ("old.zip", zipped), ("notes.txt", b"not a report"))
    job = Job.objects.get()
    assert response["Location"] == reverse("web:job", args=[job.pk])
    assert job.kind == "import" and len(job.params["uploads"]) == 2
    job_execute(job.pk)
    job.refresh_from_db()
    assert (job.state, job.done, job.total) == ("done", 3, 3)
    rows = {row["name"]: row for row in job.rows}
    report = Report.objects.get()
    assert (
        report.plan.organization == khujirt
        and rows["old.zip/khujirt.json"]["report_id"] == report.pk
    )
    assert rows["old.zip/far.json"]["refused"] == (
        f"«{TSETSERLEG}» is not an organization under the nodes you review"
    )
    assert rows["notes.txt"]["refused"] and rows["notes.txt"]["report_id"] is None
    assert job.message == "3 files: 1 imported, 2 refused."
    # The uploads are gone once imported; the page lists every file's outcome.
    assert not [p for p in generated_root.rglob("*") if p.is_file()]
    page = client.get(reverse("web:job", args=[job.pk])).content.decode()
    assert "old.zip/far.json" in page and reverse("web:report", args=[report.pk]) in page


def test_only_reviewers_may_import(officer, outsider, staff, national):
    # is_staff alone opens the admin, not the organizations' reports (docs/permissions.md).
    for user in (officer, outsider, staff):
        client = client_for(user)
        assert client.get(reverse("web:import_new")).status_code == 404
        assert upload(client, ("a.json", b"{}")).status_code == 404
    assert client_for(national).get(reverse("web:import_new")).status_code == 200
    assert not Job.objects.exists()


def test_no_file_is_a_clear_refusal(aimag_reviewer):
    response = client_for(aimag_reviewer).post(reverse("web:import_new"), {})
    assert response.status_code == 400 and not Job.objects.exists()
    assert "Choose one or more report files, or a ZIP of them." in response.content.decode()


def test_a_file_above_the_size_limit_is_refused_unread(
    khujirt, aimag_reviewer, generated_root, monkeypatch
):
    from shudarga.documents import sources

    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 100)
    upload(client_for(aimag_reviewer), ("big.json", report_file(KHUJIRT)))
    job = Job.objects.get()
    job_execute(job.pk)
    job.refresh_from_db()
    (row,) = job.rows
    assert row["refused"].startswith("the file is too large") and not Report.objects.exists()
