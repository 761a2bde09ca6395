"""Shapes the report document and its scores for the official-table template."""

from __future__ import annotations

from dataclasses import dataclass

from shudarga.documents.model import MeasureEntry, ObjectiveEntry, ReportDocument
from shudarga.documents.scoring import ObjectiveResult, ReportScore


@dataclass(frozen=True)
class ObjectiveRows:
    objective: ObjectiveEntry
    result: ObjectiveResult
    measures: list[MeasureEntry]


def report_table(document: ReportDocument, score: ReportScore) -> list[ObjectiveRows]:
    """Objectives in order, each with its measures and its own result."""
    return [
        ObjectiveRows(objective=o, result=r, measures=o.measures)
        for o, r in zip(document.objectives, score.objectives, strict=True)
    ]
