"""The command line's jobs: `shudarga zip` (run here, or by a worker while it follows the
progress), `shudarga jobs`, `shudarga regenerate-files`."""

from __future__ import annotations

import threading
import zipfile

import pytest
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from shudarga.cli import main
from shudarga.jobs.models import Job
from shudarga.plans.models import ReportPublication

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("SHUDARGA_LANG", "en")


def test_zip_writes_the_aimags_reports_as_an_administrator(
    aimag, aimag_reports, admin, generated_root, tmp_path, capsys
):
    out = tmp_path / "ovorkhangai.zip"
    assert main(["zip", "--node", str(aimag.pk), "--year", "2025", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"{out}: 2 reports"
    with zipfile.ZipFile(out) as archive:
        assert len(archive.namelist()) == 5 and "index.csv" in archive.namelist()
    job = Job.objects.get()
    assert (job.user, job.state, job.language) == (admin, "done", "en")


def test_zip_as_a_user_sees_what_that_user_sees(
    aimag, aimag_reports, officer, generated_root, tmp_path
):
    out = tmp_path / "mine.zip"
    args = ["zip", "--node", str(aimag.pk), "--year", "2025", "--user", officer.username]
    assert main([*args, "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        assert len(archive.namelist()) == 3


def test_zip_refusals_are_one_line(aimag, aimag_reports, admin, tmp_path, capsys):
    assert main(["zip", "--node", "999999", "--year", "2025"]) == 2
    assert capsys.readouterr().err.strip() == "shudarga: there is no node #999999"
    assert main(["zip", "--node", str(aimag.pk), "--year", "2019"]) == 2
    assert capsys.readouterr().err.strip() == (
        "shudarga: the job failed: No report of Өвөрхангай for 2019 that you may see."
    )
    assert not list(tmp_path.iterdir())


@pytest.mark.django_db(transaction=True)
def test_zip_queue_waits_for_a_worker(aimag, aimag_reports, admin, generated_root, tmp_path):
    out = tmp_path / "queued.zip"
    done = []
    args = ["zip", "--node", str(aimag.pk), "--year", "2025", "--queue", "-o", str(out)]

    def follow() -> None:
        try:
            done.append(main(args))
        finally:
            connection.close()  # the thread's own connection, or PostgreSQL keeps it open

    waiting = threading.Thread(target=follow)
    waiting.start()
    for _ in range(100):  # the job is queued before the worker looks
        if DBTaskResult.objects.exists():
            break
        waiting.join(0.05)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    waiting.join(10)
    assert done == [0] and zipfile.is_zipfile(out)


def test_jobs_lists_the_latest(aimag, aimag_reports, admin, generated_root, tmp_path, capsys):
    main(["zip", "--node", str(aimag.pk), "--year", "2025", "-o", str(tmp_path / "a.zip")])
    capsys.readouterr()
    assert main(["jobs"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["#", "Kind", "Who", "State", "Progress", "Asked", "Result"]
    assert lines[1].split()[:5] == [str(Job.objects.get().pk), "zip", admin.username, "done", "2/2"]
    assert lines[1].endswith("shudarga-өвөрхангай-2025.zip")


def test_regenerate_files_queues_every_publication_of_the_year(
    aimag_reports, admin, capsys, monkeypatch
):
    from shudarga.cli import jobs as cli_jobs

    monkeypatch.setattr(cli_jobs, "ENQUEUE_BATCH", 2)
    reports = aimag_reports
    for i, report in enumerate(reports):
        ReportPublication.objects.create(
            report=report, version=1, document={"n": i}, published_by=admin
        )
    assert main(["regenerate-files", "--year", "2025"]) == 0
    assert capsys.readouterr().out.strip() == "3 publications queued for their files to be written"
    queued = sorted(r.args_kwargs["args"][0] for r in DBTaskResult.objects.all())
    assert queued == sorted(ReportPublication.objects.values_list("pk", flat=True))
    assert main(["regenerate-files", "--year", "2019"]) == 0
    assert DBTaskResult.objects.count() == 3


def test_prune_deletes_old_jobs_and_their_files(
    aimag, aimag_reports, admin, generated_root, tmp_path, capsys
):
    from datetime import timedelta

    from django.utils import timezone

    for name in ("old.zip", "new.zip"):
        main(["zip", "--node", str(aimag.pk), "--year", "2025", "-o", str(tmp_path / name)])
    old, new = Job.objects.order_by("pk")
    Job.objects.filter(pk=old.pk).update(finished=timezone.now() - timedelta(days=31))
    capsys.readouterr()
    assert main(["jobs", "--prune", "30"]) == 0
    assert capsys.readouterr().out.strip() == (
        "1 jobs finished over 30 days ago deleted with their files"
    )
    assert list(Job.objects.all()) == [new]
    assert not (generated_root / old.result).exists() and (generated_root / new.result).exists()
