"""The one django-tasks task of jobs: run a Job by its kind (``manage.py db_worker`` runs it)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from shudarga.jobs.models import Job
from shudarga.jobs.progress import JobRefused, Progress

logger = logging.getLogger(__name__)

# A runner does the work of one kind, reporting through Progress, and returns the name a
# person downloads its result under ("" when it has no file).
Runner = Callable[[Job, Progress], str]


def _runners() -> dict[str, Runner]:
    from shudarga.jobs import imports, pdf, zips

    return {
        Job.Kind.ZIP: zips.zip_run,
        Job.Kind.PDF: pdf.pdf_run,
        Job.Kind.IMPORT: imports.import_run,
    }


def job_execute(job_id: int, on_change: Callable[[Job], None] | None = None) -> Job | None:
    """Run the job now, in this process: the worker's task and ``shudarga zip`` call it
    (``on_change`` hears every change of its progress)."""
    job = Job.objects.select_related("user", "organization", "report").filter(pk=job_id).first()
    if job is None or job.is_finished:  # deleted, or already run by another worker
        return job
    progress = Progress(job, on_change)
    with translation.override(job.language):
        progress.start()
        try:
            name = _runners()[job.kind](job, progress)
        except JobRefused as exc:
            progress.fail(str(exc))
        except Exception:
            logger.exception("job %s (%s) failed", job.pk, job.kind)
            progress.fail(gettext("The job failed unexpectedly; nothing was written. Try again."))
        else:
            progress.finish(result=job.result, result_name=name, message=job.message)
    return job


@task()
def job_run(job_id: int) -> str:
    """The background task of a Job: its final state."""
    job = job_execute(job_id)
    return job.state if job is not None else ""
