"""A new publication's files are written by a background worker (django-tasks, database
backend): enqueued once the publication is committed, run by ``manage.py db_worker``."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from shudarga.documents import writers
from shudarga.plans.models import ReportPublication
from shudarga.plans.reports.workflow import report_accept
from shudarga.plans.review.publication import report_publish
from shudarga.plans.review.scoring import review_agree
from shudarga.portal.files import PUBLISHED_FORMATS, publication_file, publication_file_name
from shudarga.portal.year_files import year_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted(settings, submitted, reviewer):
    settings.SHUDARGA_PUBLISHER = "head"
    review_agree(user=reviewer, report=submitted)
    report_accept(user=reviewer, report=submitted)
    return submitted


# Committed for real: the worker opens and closes its own connections, as in production.
@pytest.mark.django_db(transaction=True)
def test_publishing_enqueues_the_files_and_a_worker_writes_every_format(
    accepted, head, generated_root, monkeypatch
):
    publication = report_publish(user=head, report=accepted)
    # The submission enqueued the country's check and publishing the members' e-mails too.
    (queued,) = DBTaskResult.objects.filter(task_path__endswith="publication_files_write")
    assert queued.args_kwargs["args"] == [publication.pk] and queued.status == "READY"
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL", queued.exception_class_path
    for fmt in PUBLISHED_FORMATS:
        assert (generated_root / publication_file_name(publication, fmt)).stat().st_size > 0
    # The year's open data CSV of the new state too.
    state = year_state(year=accepted.plan.year)
    assert (generated_root / state.file_name()).stat().st_size > 0
    # Downloads are now read from storage: no writer runs on a request.
    monkeypatch.setattr(writers, "write", lambda *a: pytest.fail("written again"))
    assert publication_file(publication=publication, fmt="pdf")[:4] == b"%PDF"


def test_a_publication_rolled_back_enqueues_nothing(
    accepted, head, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        report_publish(user=head, report=accepted)
        raise RuntimeError("the transaction fails after publishing")
    assert ReportPublication.objects.count() == 0
    assert DBTaskResult.objects.count() == 0  # neither files nor notification e-mails
