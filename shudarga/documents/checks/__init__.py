"""Integrity checks (шалгалт) of a report: each measure's narrative against its target.

No Django here: ``shudarga check FILE`` runs on a file alone, and the database, the API and the
review pages call the same functions on the document the selectors build. Rules, with an
example each, are in docs/checks.md.
"""

from __future__ import annotations

from shudarga.documents.checks.results import (
    DocumentChecks,
    Evidence,
    Flag,
    MeasureCheck,
    Target,
    Verdict,
)
from shudarga.documents.checks.verdicts import check_measure
from shudarga.documents.model import ReportDocument
from shudarga.documents.scoring import level_key, score_document

__all__ = [
    "DocumentChecks",
    "Evidence",
    "Flag",
    "MeasureCheck",
    "Target",
    "Verdict",
    "check_document",
    "check_measure",
    "report_flags",
]


def check_document(doc: ReportDocument) -> DocumentChecks:
    """Every measure's verdict and flags, and the report's own flags (a stated total)."""
    measures = [check_measure(m, doc.scale, doc.period) for _, m in doc.measures()]
    return DocumentChecks(measures=measures, flags=report_flags(doc))


def report_flags(doc: ReportDocument) -> list[Flag]:
    if doc.stated_total is None:
        return []
    score = score_document(doc)
    rec = score.reconciliation
    if rec is None or rec.status not in ("disagrees", "irreconcilable"):
        return []  # a total the unscored measures can still explain is scoring's to show
    computed = score.total.display or "—"
    return [
        Flag(
            "stated_total_disagrees",
            None,
            {"stated": level_key(doc.stated_total), "computed": computed},
            variant="report",
        )
    ]
