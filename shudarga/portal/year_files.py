"""The year's open data (``/open/<year>/measures.csv``), written once per state of the year.

Every download used to parse every current publication's frozen document of the year (11.7 MB
at 5,000 organizations, 21× its bare SQL). The file only changes when the year's current
publications do, so it is written once per state into the "generated" storage and read back:
one aggregate query (``year_state``) names the state, and the stored file is streamed.

The state is the count, the sum and the largest of the ids of the year's current publications
and the latest publication time: a publication adds a row (count and ids change), a correction
makes a new row current and the old one not (sum and largest id change), a report reopened
for correction keeps its last version current (nothing changes, and neither do the bytes) and
its next publication is a new row. The organizations' names are read as they are now: a
rename forgets every kept file (``organization_saved``). A file is kept only when the rows
it was written from are the state it is named by (a publication meanwhile leaves the file
unsaved), and only once it is complete (moved into place in one step).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import logging
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from django.core.files import File
from django.core.files.storage import Storage, storages
from django.db import router, transaction
from django.db.models import Count, Max, Sum

from shudarga.access import publications_public
from shudarga.documents.writers.csv import BOM, decimal_text, safe_text
from shudarga.plans.models import ReportPublication
from shudarga.portal import files, selectors

logger = logging.getLogger(__name__)

CONTENT_TYPE = "text/csv; charset=utf-8"
# Part of every file's name: raise it when the CSV's columns or cells change.
NAME_VERSION = 1
# Lines are sent (and written) in pieces of about this many bytes.
CHUNK = 64 * 1024


@dataclass(frozen=True)
class YearState:
    """The year's current publications as one cheap query sees them."""

    year: int
    count: int
    id_sum: int
    id_max: int | None
    published_max: datetime | None

    @functools.cached_property
    def digest(self) -> str:
        moment = self.published_max.isoformat() if self.published_max else ""
        key = (
            f"{files.NAME_VERSION}:{NAME_VERSION}:{self.year}:{self.count}:{self.id_sum}:"
            f"{self.id_max}:{moment}"
        )
        return hashlib.sha256(key.encode()).hexdigest()[:20]

    def file_name(self) -> str:
        return f"years/{self.year}/measures-{self.digest}.csv"

    def etag(self) -> str:
        return f'"{self.digest}-measures"'

    def last_modified(self) -> int | None:
        return int(self.published_max.timestamp()) if self.published_max else None

    def download_name(self) -> str:
        return f"shudarga-{self.year}-measures.csv"


def year_state(*, year: int, using: str | None = None) -> YearState:
    """One query: the current public publications of the year, counted (no document read)."""
    alias = using or router.db_for_read(ReportPublication)
    row = (
        publications_public()
        .using(alias)
        .filter(report__plan__year=year)
        .aggregate(count=Count("pk"), id_sum=Sum("pk"), id_max=Max("pk"), at=Max("published_at"))
    )
    return YearState(
        year=year,
        count=row["count"],
        id_sum=int(row["id_sum"] or 0),
        id_max=row["id_max"],
        published_max=row["at"],
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


def _cell(value) -> object:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, str):
        return safe_text(value)
    return value


class _Seen:
    """The state of the publications the rows were written from."""

    def __init__(self, year: int) -> None:
        self.year, self.count, self.id_sum = year, 0, 0
        self.id_max: int | None = None
        self.published_max: datetime | None = None

    def __call__(self, p: ReportPublication) -> None:
        self.count += 1
        self.id_sum += p.pk
        self.id_max = p.pk if self.id_max is None else max(self.id_max, p.pk)
        if self.published_max is None or p.published_at > self.published_max:
            self.published_max = p.published_at

    def state(self) -> YearState:
        return YearState(self.year, self.count, self.id_sum, self.id_max, self.published_max)


def measure_lines(
    *, year: int, using: str | None = None, seen: _Seen | None = None
) -> Iterator[bytes]:
    """The CSV's lines as bytes (UTF-8, the BOM first), from the frozen documents."""
    writer = csv.writer(_Echo())
    yield (BOM + writer.writerow(selectors.MEASURE_COLUMNS)).encode("utf-8")
    for row in selectors.year_measure_rows(year=year, using=using, seen=seen):
        yield writer.writerow([_cell(v) for v in row]).encode("utf-8")


def _pieces(lines: Iterator[bytes]) -> Iterator[bytes]:
    piece: list[bytes] = []
    size = 0
    for line in lines:
        piece.append(line)
        size += len(line)
        if size >= CHUNK:
            yield b"".join(piece)
            piece, size = [], 0
    if piece:
        yield b"".join(piece)


def stored_open(state: YearState) -> File | None:
    """The stored file of this state, open for reading, or None when not written yet."""
    try:
        return storages["generated"].open(state.file_name(), "rb")
    except FileNotFoundError:
        return None


class _Written(File):
    """A complete temporary file: FileSystemStorage moves it into place (one rename)."""

    def temporary_file_path(self) -> str:
        return self.name


def _temporary_dir(storage: Storage) -> str | None:
    """A folder beside the storage's files (a rename into place never crosses devices), or
    the system's when the storage is not a folder (S3 receives a file whole)."""
    try:
        folder = Path(storage.path(".partial"))
    except NotImplementedError:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder)


def _keep(state: YearState, path: str) -> None:
    storage = storages["generated"]
    name = state.file_name()
    if storage.exists(name):  # another request wrote it meanwhile
        return
    with open(path, "rb") as written:
        saved = storage.save(name, _Written(written, name=path))
    if saved != name:  # kept meanwhile by another request: this copy is not needed
        storage.delete(saved)


def writing(state: YearState, *, using: str) -> Iterator[bytes]:
    """The CSV of the year sent as it is written to a temporary file; once complete, and if
    its rows are ``state``, the file is kept in storage under the state's name."""
    storage = storages["generated"]
    handle, path = tempfile.mkstemp(prefix="measures-", suffix=".csv", dir=_temporary_dir(storage))
    seen = _Seen(state.year)
    complete = False
    try:
        with os.fdopen(handle, "wb") as out:
            for piece in _pieces(measure_lines(year=state.year, using=using, seen=seen)):
                out.write(piece)
                yield piece
        complete = True
    finally:
        if complete and seen.state() == state:
            try:
                _keep(state, path)
            except Exception:  # the body is sent: a file not kept is written next time
                logger.exception("the measures of %s were not kept", state.year)
        if os.path.exists(path):
            os.unlink(path)


def year_files_forget() -> int:
    """Delete every kept year file (the next download writes it again); how many. The rows
    carry the organizations' and aimags' names as they are now, which no publication state
    counts: a rename forgets the files (``organization_saved``)."""
    storage = storages["generated"]
    deleted = 0
    try:
        years, _ = storage.listdir("years")
    except FileNotFoundError:
        return 0
    for year in years:
        for name in storage.listdir(f"years/{year}")[1]:
            storage.delete(f"years/{year}/{name}")
            deleted += 1
    return deleted


def organization_saved(sender, instance, created: bool, **kwargs) -> None:
    """An organization changed (post_save; renamed, moved): once committed, the kept year
    files are forgotten. A new one has no publication yet."""
    if not created:
        transaction.on_commit(year_files_forget)


def year_file_write(*, year: int) -> bool:
    """Write the year's file of its present state unless it is kept already (the worker,
    after a publication, so that no citizen waits for it); whether it is kept now."""
    state = year_state(year=year, using="default")
    if not state.count:
        return False
    stored = stored_open(state)
    if stored is None:
        for _piece in writing(state, using="default"):
            pass
        stored = stored_open(state)
    if stored is None:
        return False
    stored.close()
    return True
