"""Shapes plan data for the templates: field names and values as people read them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from shudarga.plans.planning.editing import MEASURE_FIELDS, MeasureValues
from shudarga.plans.planning.selectors import Change
from shudarga.web.templatetags.plan_format import amount_text

FIELD_LABELS = {
    "text": _("Measure"),
    "indicator": _("Indicator"),
    "target": _("Target level"),
    "planned_budget": _("Planned budget (thousand MNT)"),
    "responsible_unit": _("Responsible unit"),
    "deadline": _("Deadline"),
    "number": _("Number"),
    "title": _("Title"),
    "status": _("Status"),
    "year": _("Year"),
}
PLAN_STATUS_LABELS = {"draft": _("Draft"), "approved": _("Approved")}
KIND_LABELS = {"plan": _("Plan"), "objective": _("Objective"), "measure": _("Measure")}
ACTION_LABELS = {"created": _("added"), "changed": _("changed"), "deleted": _("deleted")}


def value_text(name: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    if name == "planned_budget":
        return amount_text(Decimal(value))
    if name == "status":
        return str(PLAN_STATUS_LABELS.get(value, value))
    return str(value)


@dataclass(frozen=True)
class ConflictRow:
    label: str
    mine: str
    current: str

    @property
    def differs(self) -> bool:
        return self.mine != self.current


def conflict_rows(*, mine: MeasureValues, current: MeasureValues) -> list[ConflictRow]:
    return [
        ConflictRow(
            label=str(FIELD_LABELS[name]),
            mine=value_text(name, getattr(mine, name)),
            current=value_text(name, getattr(current, name)),
        )
        for name in MEASURE_FIELDS
    ]


@dataclass(frozen=True)
class FieldRow:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class ChangeRow:
    change: Change
    what: str
    action: str
    fields: list[FieldRow]


def history_rows(changes: Iterable[Change]) -> list[ChangeRow]:
    return [
        ChangeRow(
            change=c,
            what=str(KIND_LABELS.get(c.kind, c.kind)),
            action=str(ACTION_LABELS.get(c.action, c.action)),
            fields=[
                FieldRow(
                    label=str(FIELD_LABELS.get(f.field, f.field)),
                    old=value_text(f.field, f.before),
                    new=value_text(f.field, f.after),
                )
                for f in c.fields
            ],
        )
        for c in changes
    ]
