"""The backup file: a plain tar, its members streamed in, ``manifest.json`` last.

The manifest lists every other member with its size and sha256, so a reader checks the whole
archive before using any of it, and an archive cut short (no manifest) is refused. Nothing
here knows Django: the manifest's other keys are the caller's.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

FORMAT = "shudarga.backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A refusal, by message code (shudarga.documents.messages) and its parameters."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(code, params)


@dataclass(frozen=True)
class Entry:
    name: str
    size: int
    sha256: str
    mtime_ns: int


class _Hashing(io.RawIOBase):
    """Reads a file through sha256 while tarfile copies it: one pass, no copy in memory."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()
        self.count = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        self.count += len(data)
        return data


class ArchiveWriter:
    """Writes ``target`` through a temporary file beside it, renamed only once complete, so
    a backup interrupted half-way never leaves a file that looks like a backup."""

    def __init__(self, target: Path) -> None:
        self.target = target
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        self._temp = Path(temp)
        self._file = os.fdopen(handle, "wb")
        # Closed by finish() or discard(): the writer lives across the caller's steps.
        self._tar = tarfile.open(fileobj=self._file, mode="w", format=tarfile.PAX_FORMAT)  # noqa: SIM115
        self.entries: list[Entry] = []

    def add(self, name: str, path: Path) -> Entry | None:
        """Adds the file at ``path`` as ``name``; None if it vanished before it was opened."""
        try:
            handle = path.open("rb")
        except FileNotFoundError:
            return None
        with handle:
            stat = os.fstat(handle.fileno())
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = stat.st_size, int(stat.st_mtime), 0o600
            reader = _Hashing(handle)
            self._tar.addfile(info, reader)  # fails if the file shrinks while being read
        entry = Entry(name, reader.count, reader.digest.hexdigest(), stat.st_mtime_ns)
        self.entries.append(entry)
        return entry

    def finish(self, manifest: dict[str, Any]) -> None:
        """Writes the manifest (with the entries), flushes to disk and renames into place."""
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            **manifest,
            "files": [e.__dict__ for e in self.entries],
        }
        data = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mtime, info.mode = len(data), int(manifest.get("epoch", 0)), 0o600
        self._tar.addfile(info, io.BytesIO(data))
        self._tar.close()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        os.chmod(self._temp, 0o600)  # the archive holds every password hash and evidence file
        os.replace(self._temp, self.target)

    def discard(self) -> None:
        self._tar.close()
        self._file.close()
        self._temp.unlink(missing_ok=True)


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest of the archive at ``path``; BackupError if it is not a Shudarga backup."""
    try:
        with tarfile.open(path, mode="r:") as tar:
            handle = tar.extractfile(tar.getmember(MANIFEST))
            manifest = json.load(handle) if handle else None
    except FileNotFoundError:
        raise BackupError("file_missing") from None
    except (tarfile.TarError, KeyError, ValueError, OSError) as exc:
        raise BackupError("backup_not_archive", reason=_reason(exc)) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("backup_not_archive", reason=MANIFEST)
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError("backup_format", version=manifest.get("format_version"))
    return manifest


def extract_verified(path: Path, manifest: dict[str, Any], into: Path) -> None:
    """Copies every member the manifest lists into ``into`` (a fresh folder), checking its
    size and sha256; BackupError on any difference, a missing or an unlisted member."""
    expected = {e["name"]: e for e in manifest["files"]}
    seen: set[str] = set()
    try:
        with tarfile.open(path, mode="r:") as tar:
            for member in tar:
                if member.name == MANIFEST:
                    continue
                entry = expected.get(member.name)
                if entry is None or not member.isfile() or member.name in seen:
                    raise BackupError("backup_member_unexpected", name=member.name)
                source = tar.extractfile(member)
                assert source is not None  # a regular file always has contents
                _copy_checked(source, into / _safe(member.name), entry)
                seen.add(member.name)
    except tarfile.TarError as exc:  # cut short or damaged (OSError: writing the copy)
        raise BackupError("backup_not_archive", reason=_reason(exc)) from None
    for name in expected.keys() - seen:
        raise BackupError("backup_member_missing", name=name)


def _copy_checked(source: IO[bytes], target: Path, entry: dict[str, Any]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    with target.open("xb") as out:
        for block in iter(lambda: source.read(CHUNK), b""):
            digest.update(block)
            size += len(block)
            out.write(block)
    if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
        raise BackupError("backup_checksum", name=entry["name"])
    os.utime(target, ns=(entry["mtime_ns"], entry["mtime_ns"]))


def _safe(name: str) -> PurePosixPath:
    """A member's name as a relative path that stays inside the folder it is extracted to."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError("backup_member_unexpected", name=name)
    return path


def walk(root: Path) -> Iterator[tuple[str, Path]]:
    """Every regular file under ``root`` as (its relative POSIX path, its path), sorted."""
    if not root.is_dir():
        return
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                yield path.relative_to(root).as_posix(), path


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
