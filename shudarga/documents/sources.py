"""Where bulk imports find their files: a folder (searched recursively) or a ZIP archive.

Archives are checked before anything is unpacked: too many members, a total that unpacks to
far more than the archive weighs (a "ZIP bomb"), or members above the file size limit are
refused. Members are read into memory one at a time and never written to disk, so names like
"../../etc/passwd" cannot escape anywhere.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from shudarga.documents.errors import ReadError
from shudarga.documents.readers import MAX_FILE_BYTES

MAX_ARCHIVE_MEMBERS = int(os.environ.get("SHUDARGA_MAX_ARCHIVE_MEMBERS", 5000))
MAX_ARCHIVE_BYTES = int(os.environ.get("SHUDARGA_MAX_ARCHIVE_BYTES", 500 * 1024 * 1024))
MAX_RATIO = 100  # unpacked / packed for the whole archive; office files reach about 10
_SKIPPED_PREFIXES = (".", "~$", "__MACOSX")
_OFFICE_MARKERS = ("word/document.xml", "xl/workbook.xml", "[Content_Types].xml")


@dataclass(frozen=True)
class Source:
    """One file to import: its name and a way to get its bytes (which may raise ReadError)."""

    name: str
    load: Callable[[], bytes]


def _skipped(name: str) -> bool:
    return any(part.startswith(_SKIPPED_PREFIXES) for part in Path(name).parts)


def is_report_archive(path: Path) -> bool:
    """A ZIP of reports, as opposed to a single DOCX or XLSX (which are ZIPs too)."""
    if not path.is_file() or not zipfile.is_zipfile(path):
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return True  # a damaged archive is still an archive; opening it reports the damage
    return not any(marker in names for marker in _OFFICE_MARKERS)


def file_loader(path: Path) -> Callable[[], bytes]:
    """The bytes of a file on disk, refused above the readers' size limit."""

    def load() -> bytes:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReadError("file_too_large", size=size, limit=MAX_FILE_BYTES)
        return path.read_bytes()

    return load


def folder_sources(folder: Path) -> list[Source]:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return [
        Source(name=str(p.relative_to(folder)), load=file_loader(p))
        for p in files
        if not _skipped(str(p.relative_to(folder)))
    ]


def _member_loader(path: Path, info: zipfile.ZipInfo) -> Callable[[], bytes]:
    def load() -> bytes:
        if info.file_size > MAX_FILE_BYTES:
            raise ReadError("file_too_large", size=info.file_size, limit=MAX_FILE_BYTES)
        try:
            with zipfile.ZipFile(path) as archive, archive.open(info) as member:
                # The header's size may lie: never read more than the limit allows.
                data = member.read(MAX_FILE_BYTES + 1)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
            raise ReadError("archive_corrupt", reason=str(exc)) from exc
        if len(data) > MAX_FILE_BYTES:
            raise ReadError("file_too_large", size=len(data), limit=MAX_FILE_BYTES)
        return data

    return load


def archive_sources(path: Path) -> list[Source]:
    """The members of a ZIP of reports; ReadError if the archive itself is refused."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir() and not _skipped(i.filename)]
    except (zipfile.BadZipFile, OSError) as exc:
        raise ReadError("archive_corrupt", reason=str(exc)) from exc
    if len(infos) > MAX_ARCHIVE_MEMBERS:
        raise ReadError("archive_too_many", count=len(infos), limit=MAX_ARCHIVE_MEMBERS)
    unpacked = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    bomb_like = unpacked > MAX_FILE_BYTES and unpacked / packed > MAX_RATIO
    if unpacked > MAX_ARCHIVE_BYTES or bomb_like:
        raise ReadError("archive_bomb", unpacked=unpacked, packed=packed)
    return [Source(name=i.filename, load=_member_loader(path, i)) for i in infos]


def sources_at(path: str | os.PathLike[str]) -> list[Source]:
    """The files a bulk import reads from a folder or a ZIP archive."""
    location = Path(path)
    if location.is_dir():
        return folder_sources(location)
    if is_report_archive(location):
        return archive_sources(location)
    raise ReadError("file_missing") if not location.exists() else ReadError("not_a_folder")
