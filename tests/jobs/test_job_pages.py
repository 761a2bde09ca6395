"""The job pages: a person's jobs, one job's progress and result, starting a ZIP or a large
report's PDF. A job is its owner's: anyone else, staff included, gets 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shudarga.jobs.models import Job
from shudarga.jobs.services import job_start
from shudarga.jobs.tasks import job_execute
from shudarga.orgs.models import Organization
from tests.personas import HTMX, client_for, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def zip_job(aimag, aimag_reports, aimag_reviewer, generated_root):
    job = job_start(
        kind=Job.Kind.ZIP, user=aimag_reviewer, organization=aimag, year=2025, enqueue=False
    )
    job_execute(job.pk)
    return Job.objects.get(pk=job.pk)


@pytest.mark.parametrize("name", ["web:job", "web:job_download"])
def test_it_refuses_another_users_job(zip_job, outsider, officer, name):
    for user in (outsider, officer):
        assert client_for(user).get(reverse(name, args=[zip_job.pk])).status_code == 404
    assert client_for().get(reverse(name, args=[zip_job.pk])).status_code == 302  # to log in


def test_only_the_owner_downloads_the_result(zip_job, aimag_reviewer, staff, admin):
    for user in (staff, admin):
        assert (
            client_for(user).get(reverse("web:job_download", args=[zip_job.pk])).status_code == 404
        )
    for user in (aimag_reviewer,):
        response = client_for(user).get(reverse("web:job_download", args=[zip_job.pk]))
        assert response.status_code == 200
        assert b"".join(response.streaming_content)[:2] == b"PK"
        assert "shudarga-" in response["Content-Disposition"]


def test_the_list_shows_only_my_jobs_a_page_at_a_time(zip_job, aimag_reviewer, officer):
    page = client_for(aimag_reviewer).get(reverse("web:job_list")).content.decode()
    assert reverse("web:job_download", args=[zip_job.pk]) in page
    other = client_for(officer).get(reverse("web:job_list")).content.decode()
    assert reverse("web:job", args=[zip_job.pk]) not in other
    assert "You have asked for no job yet." in other


def test_an_unfinished_job_polls_and_reloads_without_javascript(aimag, aimag_reviewer):
    job = job_start(
        kind=Job.Kind.ZIP, user=aimag_reviewer, organization=aimag, year=2025, enqueue=False
    )
    client = client_for(aimag_reviewer)
    page = client.get(reverse("web:job", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in page and 'http-equiv="refresh"' in page
    fragment = client.get(reverse("web:job", args=[job.pk]), **HTMX).content.decode()
    assert fragment.startswith('<div id="job-progress"') and "Waiting for a worker" in fragment
    Job.objects.filter(pk=job.pk).update(state="running", done=1, total=4)
    fragment = client.get(reverse("web:job", args=[job.pk]), **HTMX).content.decode()
    assert "Being prepared… 25 %" in fragment


def test_a_finished_job_stops_polling(zip_job, aimag_reviewer):
    page = client_for(aimag_reviewer).get(reverse("web:job", args=[zip_job.pk])).content.decode()
    assert "hx-trigger" not in page and 'http-equiv="refresh"' not in page


def test_starting_a_zip_from_the_form(
    aimag, aimag_reports, aimag_reviewer, django_capture_on_commit_callbacks
):
    client = client_for(aimag_reviewer)
    form = client.get(reverse("web:zip_new")).content.decode()
    assert f'<option value="{aimag.pk}">Өвөрхангай</option>' in form and "Архангай" not in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("web:zip_new"), {"node": aimag.pk, "year": 2025})
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("web:job", args=[job.pk])
    assert (job.kind, job.user, job.organization, job.year, job.language) == (
        "zip",
        aimag_reviewer,
        aimag,
        2025,
        "en",
    )
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.get().args_kwargs["args"] == [job.pk]


def test_a_zip_of_an_aimag_i_may_not_see_is_refused(aimag_reports, aimag_reviewer, tsetserleg):
    far = Organization.objects.get(name="Архангай")
    response = client_for(aimag_reviewer).post(
        reverse("web:zip_new"), {"node": far.pk, "year": 2025}
    )
    assert response.status_code == 400 and not Job.objects.exists()
    assert "Choose an aimag and a year from the lists." in response.content.decode()


def test_a_large_reports_pdf_goes_through_a_job(
    settings, khujirt, officer, outsider, generated_root
):
    from shudarga.plans.reports.filling import report_start

    settings.SHUDARGA_PDF_JOB_MEASURES = 3
    report = report_start(user=officer, plan=make_plan(khujirt, year=2024), period="annual")
    client = client_for(officer)
    sheet = client.get(reverse("web:report", args=[report.pk])).content.decode()
    pdf = reverse("web:report_download", args=[report.pk, "pdf"])
    assert f'<a href="{pdf}">PDF</a>' in sheet  # a page, not a file
    page = client.get(pdf)
    assert page["Content-Type"].startswith("text/html") and "4 measures" in page.content.decode()
    start = reverse("web:report_pdf_job", args=[report.pk])
    assert client_for(outsider).post(start).status_code == 404
    response = client.post(start)
    job = Job.objects.get()
    assert response["Location"] == reverse("web:job", args=[job.pk]) and job.report == report
    job_execute(job.pk)
    job.refresh_from_db()
    assert (job.state, job.done, job.total) == ("done", 2, 2)
    download = client.get(reverse("web:job_download", args=[job.pk]))
    assert b"".join(download.streaming_content)[:4] == b"%PDF"


def test_a_small_reports_pdf_stays_a_download(report, officer):
    response = client_for(officer).get(reverse("web:report_download", args=[report.pk, "pdf"]))
    assert response.content[:4] == b"%PDF" and not Job.objects.exists()
