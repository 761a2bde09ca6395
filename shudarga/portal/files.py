"""The files of a publication (PDF, DOCX, XLSX, HTML, CSV, JSON), written once per version.

A publication version is frozen, so its files are too: the first request (or the worker,
portal.tasks) writes the file from the frozen document into the "generated" storage
(settings.STORAGES), every later one reads it back. A PDF of a large report took seconds to
render on every anonymous request; the public JSON was parsed and written again each time.

Serving a stored file reads one row without its document (``publication_stored``) and the
file's bytes: what a constant view does, plus one query.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connections, router
from django.db.models.fields.json import KT

from shudarga.access import reports_public
from shudarga.documents import writers
from shudarga.plans.models import ReportPublication
from shudarga.portal.selectors import publication_document

# The formats of a publication's downloads (portal.urls), all written by the worker.
PUBLISHED_FORMATS = ("pdf", "docx", "xlsx", "csv", "json")
# Part of every file's name: raise it when a migration rewrites frozen documents (or a
# writer changes what it writes) so that no file written before is served again.
NAME_VERSION = 2


@dataclass(frozen=True)
class StoredPublication:
    """What serving a publication's file needs, read without its document."""

    pk: int
    report_id: int
    version: int
    published_at: datetime
    stem: str  # the download's name from the frozen document's words (writers.file_stem)

    @functools.cached_property
    def digest(self) -> str:
        """A frozen version is named by its row and the moment it was published, never by
        a read of its document: a database restored from a backup, or ids used again, meet
        another publication time and so never another document's file."""
        key = f"{NAME_VERSION}:{self.pk}:{self.published_at.isoformat()}".encode()
        return hashlib.sha256(key).hexdigest()[:20]

    def file_name(self, fmt: str) -> str:
        """Where its file in ``fmt`` is kept in the "generated" storage."""
        return f"publications/{self.report_id}/v{self.version}-{self.digest}.{fmt}"

    def etag(self, fmt: str) -> str:
        return f'"{self.digest}-{fmt}"'

    def download_name(self, fmt: str) -> str:
        """ "khujirt-…-2024-annual-7-v2.pdf": what it is, from the frozen document's words."""
        return f"{self.stem}-{self.report_id}-v{self.version}.{writers.FORMATS[fmt][2]}"


def _stored(publication: ReportPublication) -> StoredPublication:
    document = publication.document
    return StoredPublication(
        pk=publication.pk,
        report_id=publication.report_id,
        version=publication.version,
        published_at=publication.published_at,
        stem=writers.file_stem(
            str(document.get("organization") or ""),
            document.get("year"),
            str(document.get("period") or ""),
        ),
    )


# Stand-ins for the two parameters in the query compiled once (``_lookup_sql``).
_REPORT, _VERSION = 2_000_000_011, 2_000_000_013


@functools.lru_cache(maxsize=8)
def _lookup_sql(alias: str, by_version: bool) -> tuple[str, tuple]:
    """The SQL of the look-up, compiled once per database and kind: compiling it (the
    access rule's subquery) took three times as long as a constant view."""
    rows = ReportPublication.objects.using(alias)
    rows = rows.filter(report__in=reports_public().filter(pk=_REPORT))
    rows = rows.filter(version=_VERSION) if by_version else rows.filter(is_current=True)
    # No order: one row at most (one current publication, one row per version).
    query = rows.order_by().values_list("pk", "report_id", "version", "published_at")
    return query.query.sql_with_params()


@functools.lru_cache(maxsize=4096)
def _stem(alias: str, pk: int, published_at: datetime) -> str:
    """The download's name from the frozen document's organization, year and period, read
    once per version and process: a version never changes, and reading three keys of its
    document took longer than the rest of the request."""
    keys = (KT(f"document__{key}") for key in ("organization", "year", "period"))
    organization, year, period = (
        ReportPublication.objects.using(alias).filter(pk=pk).values_list(*keys).get()
    )
    return writers.file_stem(organization or "", int(year) if year else None, period or "")


def _moment(value: datetime | str) -> datetime:
    """A datetime as the cursor gives it: SQLite's text is UTC."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _given(param: object, given: dict[int, int | None]) -> object:
    """The value for a stand-in: an int (psycopg's Int4 too), never a bool (is_current)."""
    if isinstance(param, int) and not isinstance(param, bool):
        return given.get(param, param)
    return param


def publication_stored(*, report_id: int, version: int | None = None) -> StoredPublication:
    """The current publication of a public report, or one of its versions, in one query
    that leaves the document in the database (its three words for the file name are read
    once per version, ``_stem``).

    Raises ReportPublication.DoesNotExist for anything not public (access.reports_public).
    """
    alias = router.db_for_read(ReportPublication)
    sql, params = _lookup_sql(alias, version is not None)
    given = {_REPORT: report_id, _VERSION: version}
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, [_given(p, given) for p in params])
        row = cursor.fetchone()
    if row is None:
        raise ReportPublication.DoesNotExist
    pk, report, number, published_at = row
    published_at = _moment(published_at)
    return StoredPublication(
        pk=pk,
        report_id=report,
        version=number,
        published_at=published_at,
        stem=_stem(alias, pk, published_at),
    )


def publication_file_name(publication: ReportPublication, fmt: str) -> str:
    return _stored(publication).file_name(fmt)


def _read(name: str) -> bytes | None:
    try:
        with storages["generated"].open(name, "rb") as stored:
            return stored.read()
    except FileNotFoundError:
        return None


def stored_file(*, stored: StoredPublication, fmt: str) -> bytes:
    """The file in ``fmt``: read from storage, or written once from the frozen document
    (read for that, the one time) when no request or worker has written it yet."""
    name = stored.file_name(fmt)
    data = _read(name)
    if data is None:
        publication = ReportPublication.objects.get(pk=stored.pk)
        data = _write(publication, name, fmt)
    return data


def _write(publication: ReportPublication, name: str, fmt: str) -> bytes:
    data = writers.write(publication_document(publication=publication), fmt)
    storages["generated"].save(name, ContentFile(data))
    return data


def publication_file(*, publication: ReportPublication, fmt: str) -> bytes:
    """The publication written in ``fmt``, from storage once it has been written."""
    name = publication_file_name(publication, fmt)
    data = _read(name)
    return _write(publication, name, fmt) if data is None else data
