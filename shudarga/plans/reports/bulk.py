"""Importing the files of a bulk import one by one: the command line and the web's import
job call the same function, each file in its own transaction (``document_import``), so one
bad file never stops the others and never leaves a partial report."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.db.models import QuerySet

from shudarga.documents.errors import ReadError
from shudarga.documents.messages import message
from shudarga.documents.model import ReportDocument
from shudarga.documents.readers import read_bytes
from shudarga.documents.scoring import score_document
from shudarga.documents.sources import Source
from shudarga.orgs.models import Organization
from shudarga.plans.reports.importing import ImportRefused, document_import
from shudarga.plans.reports.places import folder_places


@dataclass
class ImportRow:
    """What happened to one file: the report it became, or why it was refused."""

    name: str
    organization: str = ""
    year: str = ""
    measures: str = ""
    total: str = ""
    refused: str = ""
    report_id: int | None = None
    # The organizations an ambiguous name matches, each with its aimag: the web lists them.
    candidates: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def document_total(document: ReportDocument) -> str:
    display = score_document(document).total.display
    return f"{display}%" if display is not None else "—"


def source_import(
    *,
    source: Source,
    organization_name: str | None = None,
    create_organization: bool = False,
    parent_name: str | None = None,
    allowed: QuerySet[Organization] | None = None,
    lang: str | None = None,
) -> ImportRow:
    """Read and store one file; refusals are messages in ``lang`` (default: the command
    line's), never exceptions. ``allowed``: the organizations the file may be stored for."""
    row = ImportRow(name=source.name)
    try:
        document = read_bytes(source.load(), source=Path(source.name).name)
    except ReadError as exc:
        row.refused = exc.text(lang)
        return row
    row.organization = organization_name or document.organization
    row.year = str(document.year or "")
    row.measures = str(document.measure_count)
    try:
        report = document_import(
            document=document,
            organization_name=organization_name,
            create_organization=create_organization,
            parent_name=parent_name,
            allowed=allowed,
            # The folders a file came in may name its aimag ("Архангай/khujirt.docx").
            places=folder_places(source.name),
        )
    except ImportRefused as exc:
        row.refused = message(exc.code, lang, **exc.params)
        row.candidates = list(exc.params.get("choices", []))  # type: ignore[call-overload]
        return row
    row.organization = report.plan.organization.name
    row.total = document_total(document)
    row.report_id = report.pk
    return row
