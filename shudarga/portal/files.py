"""The files of a publication (PDF, DOCX, XLSX, HTML, CSV, JSON), written once per version.

A publication version is frozen, so its files are too: the first request writes the file
from the frozen document into the "generated" storage (settings.STORAGES), every later one
reads it back. A PDF of a large report took seconds to render on every anonymous request.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import storages

from shudarga.documents import writers
from shudarga.plans.models import ReportPublication
from shudarga.portal.selectors import publication_document


def publication_file_name(publication: ReportPublication, fmt: str) -> str:
    # The primary key too: a report deleted and published again never meets an old file.
    return f"publications/{publication.report_id}/v{publication.version}-{publication.pk}.{fmt}"


def publication_file(*, publication: ReportPublication, fmt: str) -> bytes:
    """The publication written in ``fmt``, from storage once it has been written."""
    storage = storages["generated"]
    name = publication_file_name(publication, fmt)
    if storage.exists(name):
        with storage.open(name, "rb") as stored:
            return stored.read()
    data = writers.write(publication_document(publication=publication), fmt)
    storage.save(name, ContentFile(data))
    return data
