"""Reading jobs: a person's own, newest first."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet

from shudarga.jobs.models import Job


def jobs_of(*, user: AbstractBaseUser) -> QuerySet[Job]:
    """The jobs ``user`` asked for, newest first, with what a list shows (one query)."""
    return Job.objects.filter(user=user).select_related(
        "organization", "report__plan__organization"
    )


def pdf_needs_job(*, measures: int) -> bool:
    """Whether a report this large gets its workspace PDF from a job (the setting's threshold)."""
    from django.conf import settings

    return measures > settings.SHUDARGA_PDF_JOB_MEASURES
