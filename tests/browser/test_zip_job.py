"""A background job in a real browser: the aimag's reviewer asks for the ZIP of its reports,
sees it wait for a worker, a worker runs it, the page (polling every two seconds) shows the
download link without a reload, and the ZIP downloads; without JavaScript the page reloads
itself until the link is there."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from shudarga.jobs.models import Job
from shudarga.jobs.services import job_start
from shudarga.jobs.tasks import job_execute

# The job tests' Өвөрхангай, its offices' reports and its reviewer.
from tests.jobs.conftest import aimag, aimag_reports, aimag_reviewer, arvaikheer, tsetserleg  # noqa: F401

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("aimag_reports", "generated_root"),
]
PASSWORD = "Өвөрхангай-2024"


def log_in_reviewer(page, request):
    reviewer = request.getfixturevalue("aimag_reviewer")
    reviewer.set_password(PASSWORD)
    reviewer.save()
    page.goto(reverse("login"))
    page.fill("#id_username", reviewer.username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_load_state()
    return reviewer


def test_a_reviewer_follows_a_zip_job_and_downloads_it(page, request, tmp_path):
    log_in_reviewer(page, request)
    page.click(f"a[href='{reverse('web:job_list')}']")
    page.click(f"a[href='{reverse('web:zip_new')}']")
    page.select_option("select[name=year]", "2025")
    page.click("form.job-form button[type=submit]")
    # Queued: the page polls, and there is nothing to download yet.
    page.wait_for_selector("#job-progress[hx-trigger]")
    assert page.query_selector("#job-progress a[download]") is None
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    link = page.wait_for_selector("#job-progress a[download]", timeout=6_000)
    with page.expect_download() as download:
        link.click()
    saved = Path(tmp_path / "job.zip")
    download.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        assert len([n for n in archive.namelist() if n.endswith(".pdf")]) == 2


def test_without_javascript_the_job_page_reloads_itself(browser, live_server, request):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        reviewer = log_in_reviewer(page, request)
        node = request.getfixturevalue("aimag")
        job = job_start(
            kind=Job.Kind.ZIP, user=reviewer, organization=node, year=2025, enqueue=False
        )
        page.goto(reverse("web:job", args=[job.pk]))
        assert page.query_selector("#job-progress a[download]") is None
        job_execute(job.pk)
        # The page's own refresh (every 2 s) brings the link, with no script running.
        page.wait_for_selector("#job-progress a[download]", timeout=6_000)
    finally:
        context.close()
