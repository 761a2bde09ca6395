"""`shudarga import FILE|DIR|ZIP`: one report, or every report of a folder or an archive.

A bulk import reads each file in its own transaction, so one bad file never stops the others
and never leaves a partial report; it ends with a table of what happened to every file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from shudarga.cli.errors import CommandError
from shudarga.cli.files import read_file
from shudarga.documents.errors import ReadError
from shudarga.documents.messages import current_language, message
from shudarga.documents.model import ReportDocument
from shudarga.documents.sources import Source, is_report_archive, sources_at
from shudarga.plans.models import Report
from shudarga.plans.reports.bulk import ImportRow, document_total, source_import
from shudarga.plans.reports.importing import ImportRefused, document_import

EXIT_SOME_REFUSED = 1
EXIT_REFUSED = 2


def run_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if path.is_dir() or is_report_archive(path):
        return _bulk(args, path)
    document = read_file(args.file)
    try:
        report = _store(args, document)
    except ImportRefused as exc:
        raise CommandError(exc.code, file=args.file, **exc.params) from exc
    print(_summary(report, document))
    return 0


def _options(args: argparse.Namespace) -> dict[str, object]:
    """Where the command's options put a report: the same for one file and for many."""
    return {
        "organization_name": args.org,
        "create_organization": args.create_org,
        "parent_name": args.under,
    }


def _store(args: argparse.Namespace, document: ReportDocument) -> Report:
    return document_import(document=document, **_options(args))


def _summary(report: Report, document: ReportDocument) -> str:
    return message(
        "imported",
        id=report.pk,
        organization=report.plan.organization.name,
        year=document.year,
        period=document.period.value,
        objectives=len(document.objectives),
        measures=document.measure_count,
        total=document_total(document),
    )


def _import_one(args: argparse.Namespace, source: Source) -> ImportRow:
    return source_import(source=source, **_options(args))


def _progress(sources: list[Source]):
    """A progress bar on a terminal; plain iteration when output goes to a file or a pipe."""
    if not sys.stderr.isatty():
        return sources
    from tqdm import tqdm

    return tqdm(sources, unit="file", file=sys.stderr, leave=False)


def _bulk(args: argparse.Namespace, path: Path) -> int:
    try:
        sources = sources_at(path)
    except ReadError as exc:
        raise CommandError(exc.code, file=str(path), **exc.params) from exc
    rows = [_import_one(args, source) for source in _progress(sources)]
    print(_table(rows))
    refused = sum(1 for r in rows if r.refused)
    if rows and refused == len(rows):
        return EXIT_REFUSED
    return EXIT_SOME_REFUSED if refused else 0


def _table(rows: list[ImportRow]) -> str:
    mn = current_language() == "mn"
    header = (
        ("Файл", "Байгууллага", "Он", "Арга хэмжээ", "Нэгдсэн дүн / татгалзсан шалтгаан")
        if mn
        else ("File", "Organization", "Year", "Measures", "Result / reason refused")
    )
    cells = [header] + [
        (r.name, r.organization, r.year, r.measures, r.total or f"✗ {r.refused}") for r in rows
    ]
    widths = [max(len(c[i]) for c in cells) for i in range(4)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row[:4], widths, strict=True)) + "  " + row[4]
        for row in cells
    ]
    imported = sum(1 for r in rows if not r.refused)
    footer = (
        f"Нийт {len(rows)} файл: {imported} хадгалсан, {len(rows) - imported} татгалзсан"
        if mn
        else f"{len(rows)} files: {imported} imported, {len(rows) - imported} refused"
    )
    return "\n".join([*lines, "", footer])
