"""The ZIP of a node's reports for a year: each report as the official PDF and XLSX, and an
index.csv of them all. Written member by member into a file on disk (memory holds one report
at a time), and saved into storage once complete."""

from __future__ import annotations

import csv
import io
import zipfile

from django.utils.text import slugify
from django.utils.translation import gettext

from shudarga.access import reports_visible_to
from shudarga.documents import writers
from shudarga.documents.scoring import score_document
from shudarga.jobs.models import Job
from shudarga.jobs.progress import JobRefused, Progress, result_file
from shudarga.plans.models import Report
from shudarga.plans.reports.documents import downloadable_document

ZIP_FORMATS = ("pdf", "xlsx")


def zip_reports(job: Job):
    """The reports of the job's node and year that its user may see, in tree order."""
    return (
        reports_visible_to(job.user)
        .filter(plan__year=job.year, plan__organization__path__startswith=job.organization.path)
        .select_related("plan__organization")
        .order_by("plan__organization__path", "period", "pk")
    )


def _index_header() -> list[str]:
    return [
        gettext("File"),
        gettext("Organization"),
        gettext("Year"),
        gettext("Period"),
        gettext("State"),
        gettext("Consolidated result"),
    ]


def zip_run(job: Job, progress: Progress) -> str:
    if job.organization is None or job.year is None:
        raise JobRefused(gettext("Choose a node and a year."))
    ids = list(zip_reports(job).values_list("pk", flat=True))
    if not ids:
        raise JobRefused(
            gettext("No report of %(node)s for %(year)s that you may see.")
            % {"node": job.organization.name, "year": job.year}
        )
    progress.begin(len(ids))
    index = io.StringIO()
    table = csv.writer(index)
    table.writerow(_index_header())
    with (
        result_file(job, ".zip") as out,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for pk in ids:
            report = Report.objects.select_related("plan__organization").get(pk=pk)
            document = downloadable_document(report=report)
            stem = f"{report.pk}-{slugify(report.plan.organization.name, allow_unicode=True)}"
            stem = f"{stem}-{report.period}"
            for fmt in ZIP_FORMATS:
                archive.writestr(f"{stem}.{fmt}", writers.write(document, fmt))
            total = score_document(document).total.display
            table.writerow(
                [
                    stem,
                    report.plan.organization.name,
                    report.plan.year,
                    report.get_period_display(),
                    report.get_status_display(),
                    "" if total is None else total,
                ]
            )
            progress.step()
        # UTF-8 with a BOM: Excel opens the Cyrillic names right.
        archive.writestr("index.csv", "\ufeff" + index.getvalue())
    slug = slugify(job.organization.name, allow_unicode=True)
    return f"shudarga-{slug}-{job.year}.zip"
