"""``backup()`` and ``restore()``: an instance's database and its files in one archive.

The archive holds the database dump (``database.sqlite3`` or ``database.pgdump``), every file
of every file area (evidence, generated) under ``files/<area>/``, and the manifest
(shudarga.ops.archive). The
database is dumped first: evidence files are written before the row that names them commits
and are never deleted (a removed evidence keeps its file), so every file the dump refers to
is on disk when the files are copied afterwards (generated files are written from frozen
publications, named by their content). An area kept in a bucket (SHUDARGA_STORAGE=s3) is
named in the manifest and left to the bucket's versioning (``object_areas``).

Restore checks everything before it changes anything: the archive's vendor and migrations
against this instance, that the target holds no data (unless ``force``), and the size and
sha256 of every member while copying it into a staging folder beside the file areas. Then
the database is loaded in one transaction and each area's folder is swapped for its staged
copy.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.loader import MigrationLoader

from shudarga.ops import databases
from shudarga.ops.archive import ArchiveWriter, BackupError, extract_verified, read_manifest, walk

FILES = "files"


AREAS = ("evidence", "generated")  # the STORAGES aliases whose files an instance keeps


def file_areas() -> dict[str, Path]:
    """Every folder of files the instance keeps, by a name stable across machines: uploaded
    evidence, and the files written from publications (a cache, but a restored instance then
    serves the very bytes it served before). A new place of stored files is added to AREAS;
    tests/ops/test_backup.py fails while a FileField or a storage lies outside every area.
    An area kept in a bucket is no folder: see ``object_areas``."""
    from django.core.files.storage import FileSystemStorage, storages

    return {
        area: Path(storages[area].location)
        for area in AREAS
        if isinstance(storages[area], FileSystemStorage)
    }


def object_areas() -> dict[str, str]:
    """The areas kept in an object store (SHUDARGA_STORAGE=s3), by where they are.

    The archive lists them in its manifest and holds none of their files: the bucket's own
    versioning and replication keep them (docs/operations.md, "S3 storage"). That is enough
    because Shudarga never overwrites nor deletes an evidence object (random names; a removed
    evidence keeps its file), so the bucket at any later time holds every file a dump names;
    generated files are written again from the publications when missing.
    """
    from django.core.files.storage import FileSystemStorage, storages

    return {
        area: _where(storages[area])
        for area in AREAS
        if not isinstance(storages[area], FileSystemStorage)
    }


def _where(storage: Any) -> str:
    bucket = getattr(storage, "bucket_name", None)
    if bucket:
        return f"s3://{bucket}/{getattr(storage, 'location', '')}".rstrip("/") + "/"
    return f"{type(storage).__module__}.{type(storage).__qualname__}"


@dataclass(frozen=True)
class Summary:
    archive: Path
    vendor: str
    database_bytes: int
    files: int
    total_bytes: int
    seconds: float
    created: str = ""
    version: str = ""
    unapplied: tuple[str, ...] = ()
    # (area, where) of the areas in a bucket: listed in the manifest, their files not archived
    object_areas: tuple[tuple[str, str], ...] = ()


def backup(
    output: Path,
    *,
    connection: BaseDatabaseWrapper | None = None,
    areas: dict[str, Path] | None = None,
) -> Summary:
    """Writes the archive ``output`` (a folder: a dated name in it); refuses an existing file."""
    started = time.monotonic()
    connection = connection or connections[DEFAULT_DB_ALIAS]
    stores = object_areas() if areas is None else {}
    areas = file_areas() if areas is None else areas
    vendor = databases.vendor_of(connection)
    now = datetime.now(UTC)
    if output.is_dir():
        output = output / f"shudarga-{now:%Y%m%d-%H%M%S}.tar"
    if output.exists():
        raise BackupError("backup_exists")
    if not output.parent.is_dir():
        raise BackupError("file_unwritable", reason=f"{output.parent}: no such folder")
    try:
        writer = ArchiveWriter(output)
    except OSError as exc:
        raise BackupError("file_unwritable", reason=exc.strerror or exc) from None
    try:
        manifest = _manifest(connection, vendor, now)
        with tempfile.TemporaryDirectory(prefix=".shudarga-backup-", dir=output.parent) as temp:
            dump = Path(temp, databases.MEMBERS[vendor])
            databases.dump(connection, dump)
            database = writer.add(dump.name, dump)
        for area, root in sorted(areas.items()):
            for relative, path in walk(root):
                writer.add(f"{FILES}/{area}/{relative}", path)
        manifest["areas"] = sorted(areas)
        manifest["object_areas"] = stores
        writer.finish(manifest)
    except BaseException as exc:
        writer.discard()
        if isinstance(exc, OSError):  # a full disk, say: no archive is left behind
            raise BackupError("file_unwritable", reason=exc.strerror or exc) from None
        raise
    assert database is not None
    return Summary(
        archive=output,
        vendor=vendor,
        database_bytes=database.size,
        files=len(writer.entries) - 1,
        total_bytes=output.stat().st_size,
        seconds=time.monotonic() - started,
        created=manifest["created"],
        version=manifest["shudarga_version"],
        object_areas=tuple(sorted(stores.items())),
    )


def _manifest(connection: BaseDatabaseWrapper, vendor: str, now: datetime) -> dict[str, Any]:
    return {
        "created": now.isoformat(timespec="seconds"),
        "epoch": int(now.timestamp()),
        "shudarga_version": metadata.version("shudarga"),
        "database": {
            "vendor": vendor,
            "member": databases.MEMBERS[vendor],
            "server_version": databases.server_version(connection),
            "migrations": databases.migrations_applied(connection),
        },
    }


def restore(
    archive: Path,
    *,
    connection: BaseDatabaseWrapper | None = None,
    areas: dict[str, Path] | None = None,
    force: bool = False,
) -> Summary:
    """Replaces this instance's database and files with the archive's (see the module)."""
    started = time.monotonic()
    connection = connection or connections[DEFAULT_DB_ALIAS]
    areas = file_areas() if areas is None else areas
    manifest = read_manifest(archive)
    database = manifest["database"]
    vendor = databases.vendor_of(connection)
    if database["vendor"] != vendor:
        archived = databases.LABELS.get(database["vendor"], database["vendor"])
        raise BackupError("backup_vendor", archive=archived, target=databases.LABELS[vendor])
    unapplied = _check_migrations(database["migrations"])
    missing = sorted(set(manifest["areas"]) - set(areas))
    if missing:
        raise BackupError("backup_area_unknown", areas=", ".join(missing))
    if not force:
        _refuse_data(connection, areas)
    try:
        _restore_verified(archive, manifest, connection, areas)
    except OSError as exc:  # the staging folder or a file area cannot be written
        raise BackupError("file_unwritable", reason=exc.strerror or exc) from None
    sizes = {e["name"]: e["size"] for e in manifest["files"]}
    return Summary(
        archive=archive,
        vendor=vendor,
        database_bytes=sizes[database["member"]],
        files=len(sizes) - 1,
        total_bytes=archive.stat().st_size,
        seconds=time.monotonic() - started,
        created=manifest["created"],
        version=manifest["shudarga_version"],
        unapplied=unapplied,
        object_areas=tuple(sorted(manifest.get("object_areas", {}).items())),
    )


def _restore_verified(
    archive: Path,
    manifest: dict[str, Any],
    connection: BaseDatabaseWrapper,
    areas: dict[str, Path],
) -> None:
    """Stages and checks every member, loads the database, then swaps the file areas."""
    first = next(iter(areas.values()), archive.resolve().parent)
    first.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".shudarga-restore-", dir=first.parent))
    database = manifest["database"]
    try:
        extract_verified(archive, manifest, staging)
        try:
            databases.load(connection, staging / database["member"])
        except BackupError as exc:  # rolled back, and no file area touched yet
            raise BackupError("restore_failed", **exc.params) from exc
        for area, root in areas.items():
            if area in manifest.get("object_areas", {}):
                continue  # its files were in a bucket then: the archive has none to put here
            new = staging / FILES / area
            new.mkdir(parents=True, exist_ok=True)  # an area the backup found empty
            _replace_folder(new, root, staging / f"old-{area}")
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _check_migrations(archived: list[str]) -> tuple[str, ...]:
    """Refuses an archive of a newer Shudarga (migrations this code does not have); returns
    the migrations of this code the archive predates (``migrate`` applies them)."""
    known = {f"{app}.{name}" for app, name in MigrationLoader(None).disk_migrations}
    newer = sorted(set(archived) - known)
    if newer:
        raise BackupError("backup_newer", migrations=", ".join(newer[:5]))
    return tuple(sorted(known - set(archived)))


def _refuse_data(connection: BaseDatabaseWrapper, areas: dict[str, Path]) -> None:
    counts = databases.holds_data(connection)
    files = sum(1 for root in areas.values() for _ in walk(root))
    if counts or files:
        raise BackupError(
            "restore_not_empty",
            users=counts.get("users", 0),
            organizations=counts.get("organizations", 0),
            plans=counts.get("plans", 0),
            files=files,
        )


def _replace_folder(new: Path, target: Path, trash: Path) -> None:
    """Puts ``new`` where ``target`` is; both sit under one parent, so each move is a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        shutil.move(target, trash)
    shutil.move(new, target)
