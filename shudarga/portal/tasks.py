"""Background work of the portal: a new publication's files, and its year's CSV, are written by
a worker, so the first citizen to download them does not wait (``manage.py db_worker`` runs
them).
"""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from shudarga.documents.errors import RenderTooLargeError
from shudarga.plans.models import ReportPublication
from shudarga.portal.files import PUBLISHED_FORMATS, publication_file
from shudarga.portal.year_files import year_file_write

__all__ = ["publication_files_enqueue", "publication_files_write"]


@task()
def publication_files_write(publication_id: int) -> list[str]:
    """Write every format of the publication into storage; the formats written (a PDF or
    DOCX beyond its bound, documents.bounds, is left out)."""
    publication = (
        ReportPublication.objects.select_related("report__plan").filter(pk=publication_id).first()
    )
    if publication is None:  # deleted since: nothing to write
        return []
    written = []
    for fmt in PUBLISHED_FORMATS:
        try:
            publication_file(publication=publication, fmt=fmt)
        except RenderTooLargeError:
            continue  # beyond the format's bound: the page says so; the other formats are written
        written.append(fmt)
    # The year's open data has a new state: its CSV, written once for every download after.
    year_file_write(year=publication.report.plan.year)
    return written


def publication_files_enqueue(sender, instance: ReportPublication, created: bool, **kwargs) -> None:
    """On a new publication (post_save), once its transaction is committed: a worker writes
    its files (a rolled-back publication enqueues nothing)."""
    if created:
        transaction.on_commit(lambda: publication_files_write.enqueue(instance.pk))
