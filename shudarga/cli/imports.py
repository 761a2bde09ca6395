"""`shudarga import FILE|DIR|ZIP`: one report, or every report of a folder or an archive.

A bulk import reads each file in its own transaction, so one bad file never stops the others
and never leaves a partial report; it ends with a table of what happened to every file.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from shudarga.cli.errors import CommandError
from shudarga.cli.files import read_file
from shudarga.documents.errors import ReadError
from shudarga.documents.messages import current_language, message
from shudarga.documents.model import ReportDocument
from shudarga.documents.readers import read_bytes
from shudarga.documents.scoring import score_document
from shudarga.documents.sources import Source, is_report_archive, sources_at
from shudarga.plans.models import Report
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


def _store(args: argparse.Namespace, document: ReportDocument) -> Report:
    return document_import(
        document=document,
        organization_name=args.org,
        create_organization=args.create_org,
        parent_name=args.under,
    )


def _total(document: ReportDocument) -> str:
    display = score_document(document).total.display
    return f"{display}%" if display is not None else "—"


def _summary(report: Report, document: ReportDocument) -> str:
    return message(
        "imported",
        id=report.pk,
        organization=report.plan.organization.name,
        year=document.year,
        period=document.period.value,
        objectives=len(document.objectives),
        measures=document.measure_count,
        total=_total(document),
    )


@dataclass
class _Row:
    name: str
    organization: str = ""
    year: str = ""
    measures: str = ""
    total: str = ""
    refused: str = ""


def _import_one(args: argparse.Namespace, source: Source) -> _Row:
    row = _Row(name=source.name)
    try:
        document = read_bytes(source.load(), source=Path(source.name).name)
    except ReadError as exc:
        row.refused = exc.text()
        return row
    row.organization = args.org or document.organization
    row.year = str(document.year or "")
    row.measures = str(document.measure_count)
    try:
        report = _store(args, document)
    except ImportRefused as exc:
        row.refused = message(exc.code, **exc.params)
        return row
    row.organization = report.plan.organization.name
    row.total = _total(document)
    return row


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


def _table(rows: list[_Row]) -> str:
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
