"""The plan's table (төлөвлөгөө), shared by every writer: its columns, cells and budget sums.

A plan is written before anything is done, so its table has no results (spent, achieved,
score) but what the plan decides: Д/д · Хэрэгжүүлэх арга хэмжээ · Шалгуур үзүүлэлт · Хүрэх
түвшин · Төсөв · Хариуцах нэгж · Хугацаа. Sections and objectives are full-width rows as in the
report; each objective ends with the row "Зорилтын дүн" (its planned budget) and the table
with "НИЙТ ДҮН" (the plan's). Sums are exact Decimals; a measure without a budget adds nothing.
Readers take these rows for sums (readers/table.py), never for measures.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from shudarga.documents.model import MeasureEntry, ObjectiveEntry, ReportDocument

PLAN_COLUMNS = (
    "Д/д",
    "Хэрэгжүүлэх арга хэмжээ",
    "Шалгуур үзүүлэлт",
    "Хүрэх түвшин",
    "Төсөв /мян.төг/",
    "Хариуцах нэгж",
    "Хугацаа",
)
BUDGET_COLUMN = 4  # 0-based: where the sums stand
OBJECTIVE_SUM_LABEL = "Зорилтын дүн"
PLAN_SUM_LABEL = "НИЙТ ДҮН"


@dataclass(frozen=True)
class PlanCells:
    """A measure's row: texts, and the budget as a number for the spreadsheet."""

    number: str
    text: str
    indicator: str
    target: str
    budget: Decimal | None
    responsible_unit: str
    deadline: str


def plan_cells(measure: MeasureEntry) -> PlanCells:
    return PlanCells(
        number=measure.number,
        text=measure.text,
        indicator=measure.indicator,
        target=measure.target,
        budget=measure.planned_budget,
        responsible_unit=measure.responsible_unit,
        deadline=measure.deadline,
    )


def cell_texts(cells: PlanCells, budget_text: str) -> tuple[str, ...]:
    """The seven cells as text, the budget as ``budget_text`` (each format writes money its
    own way)."""
    return (
        cells.number,
        cells.text,
        cells.indicator,
        cells.target,
        budget_text,
        cells.responsible_unit,
        cells.deadline,
    )


def budget_sum(measures: list[MeasureEntry]) -> Decimal | None:
    """The planned budgets added up exactly; None when no measure has one."""
    budgets = [m.planned_budget for m in measures if m.planned_budget is not None]
    return sum(budgets, Decimal(0)) if budgets else None


def objective_budget(objective: ObjectiveEntry) -> Decimal | None:
    return budget_sum(objective.measures)


def plan_budget(doc: ReportDocument) -> Decimal | None:
    return budget_sum([m for _, m in doc.measures()])
