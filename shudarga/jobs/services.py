"""Starting a job (the Job row, and its task enqueued once the row is committed), and
forgetting old ones with their files."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.storage import storages
from django.db import transaction
from django.utils import timezone, translation

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


def jobs_prune(*, older_than: timedelta) -> int:
    """Delete the jobs finished longer ago than ``older_than`` with their result files; how
    many. A file is deleted before its row, so no row ever names a missing file."""
    storage = storages["generated"]
    old = Job.objects.filter(finished__lt=timezone.now() - older_than)
    count = 0
    for job in old.only("pk", "result").iterator():
        if job.result:
            storage.delete(job.result)
        job.delete()
        count += 1
    return count
