"""Starting a job: the Job row, and its task enqueued once the row is committed."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import translation

from shudarga.jobs.models import Job
from shudarga.orgs.models import Organization
from shudarga.plans.models import Report


def job_start(
    *,
    kind: str,
    user: AbstractBaseUser,
    organization: Organization | None = None,
    report: Report | None = None,
    year: int | None = None,
    params: dict | None = None,
    enqueue: bool = True,
    language: str | None = None,
) -> Job:
    """A queued job for ``user``, in the language now active; a worker runs it once the
    transaction commits (``enqueue=False``: the caller runs it, e.g. the command line)."""
    job = Job.objects.create(
        kind=kind,
        user=user,
        organization=organization,
        report=report,
        year=year,
        params=params or {},
        language=(language or translation.get_language() or "mn")[:2],
    )
    if enqueue:
        from shudarga.jobs.tasks import job_run

        transaction.on_commit(lambda: job_run.enqueue(job.pk))
    return job
