"""`shudarga backup [-o FILE|DIR]` and `shudarga restore FILE [--force]` (shudarga.ops)."""

from __future__ import annotations

import argparse
from pathlib import Path

from shudarga.cli.errors import CommandError
from shudarga.documents.messages import message
from shudarga.ops.archive import BackupError
from shudarga.ops.backup import Summary, backup, restore
from shudarga.ops.databases import LABELS


def run_backup(args: argparse.Namespace) -> int:
    output = Path(args.output) if args.output else Path.cwd()
    try:
        summary = backup(output)
    except BackupError as exc:
        raise CommandError(exc.code, file=str(output), **exc.params) from exc
    print(message("backup_written", **_shown(summary)))
    _say_object_areas(summary)
    return 0


def _say_object_areas(summary: Summary) -> None:
    for area, where in summary.object_areas:
        print(message("backup_object_area", area=area, where=where))


def run_restore(args: argparse.Namespace) -> int:
    try:
        summary = restore(Path(args.archive), force=args.force)
    except BackupError as exc:
        raise CommandError(exc.code, file=args.archive, **exc.params) from exc
    print(message("restored", **_shown(summary)))
    _say_object_areas(summary)
    if summary.unapplied:
        print(message("restore_migrate", count=len(summary.unapplied)))
    return 0


def _shown(summary: Summary) -> dict[str, object]:
    return {
        "file": summary.archive,
        "vendor": LABELS[summary.vendor],
        "database": summary.database_bytes,
        "files": summary.files,
        "size": summary.total_bytes,
        "seconds": f"{summary.seconds:.1f}",
        "created": summary.created,
        "version": summary.version,
    }
