"""The country's integrity check as a background task (``manage.py db_worker`` runs it):
enqueued when a report is submitted, once the submission is committed."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

__all__ = ["country_checks_enqueue", "country_checks_run"]


@task()
def country_checks_run(report_id: int | None = None) -> dict:
    """Store the checks of the report (None: of every report) and refresh the copies of the
    years it touches; what was done."""
    from shudarga.plans.analytics.country_checks import checks_store

    run = checks_store(report_ids=None if report_id is None else [report_id])
    return {"reports": run.reports, "recomputed": run.recomputed, "copied": run.copied}


def country_checks_enqueue(report_id: int) -> None:
    """Once the current transaction commits (a rolled-back submission enqueues nothing)."""
    transaction.on_commit(lambda: country_checks_run.enqueue(report_id))
