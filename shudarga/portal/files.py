"""The files of a publication (PDF, DOCX, XLSX, HTML, CSV, JSON), written once per version.

A publication version is frozen, so its files are too: the first request writes the file
from the frozen document into the "generated" storage (settings.STORAGES), every later one
reads it back. A PDF of a large report took seconds to render on every anonymous request.
"""

from __future__ import annotations

import hashlib
import json

from django.core.files.base import ContentFile
from django.core.files.storage import storages

from shudarga.documents import writers
from shudarga.plans.models import ReportPublication
from shudarga.portal.selectors import publication_document

# The formats of a publication's downloads (portal.urls), all written by the worker.
PUBLISHED_FORMATS = ("pdf", "docx", "xlsx", "csv", "json")


def publication_file_name(publication: ReportPublication, fmt: str) -> str:
    # Named by its content too: a database restored from a backup, or ids used again, can
    # never be served a file written from another document.
    frozen = json.dumps(publication.document, sort_keys=True, ensure_ascii=False).encode()
    digest = hashlib.sha256(frozen).hexdigest()[:20]
    return f"publications/{publication.report_id}/v{publication.version}-{digest}.{fmt}"


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
