"""The PDF of a large report, rendered by a worker instead of on the request."""

from __future__ import annotations

from django.utils.translation import gettext

from shudarga.access import reports_visible_to
from shudarga.documents import writers
from shudarga.jobs.models import Job
from shudarga.jobs.progress import JobRefused, Progress, result_file
from shudarga.plans.reports.documents import downloadable_document


def pdf_run(job: Job, progress: Progress) -> str:
    # Asked again at run time: the person may have lost the right since they asked.
    report = reports_visible_to(job.user).filter(pk=job.report_id).first()
    if report is None:
        raise JobRefused(gettext("This report is no longer one you may see."))
    progress.begin(2)
    document = downloadable_document(report=report)
    progress.step()
    data = writers.write(document, "pdf")
    with result_file(job, ".pdf") as out:
        out.write(data)
    progress.step()
    return writers.file_name(document, "pdf")
