"""Shapes the report sheet (plans.reports.selectors.report_sheet) for its templates.

A measure is shown as a ``MeasureBlock``: its stored result, the form to change it (when the
user may), and what the last attempt to save it left to say (saved, a conflict with both
versions, text that could not be saved because the report was locked meanwhile).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest
from django.utils.translation import gettext as _

from shudarga.access import Action, user_may
from shudarga.plans.models import MeasureResult, Report, Scale, ScaleLevel
from shudarga.plans.reports.documents import scale_as_document
from shudarga.plans.reports.selectors import ReportSheet, result_state
from shudarga.plans.reports.transitions import Step, step_allowed
from shudarga.web.check_present import measure_hint
from shudarga.web.report_forms import ResultForm, level_label, plain_score


@dataclass
class Versions:
    """Both sides of a conflict: what the user typed and what is stored now."""

    mine_spent: str
    mine_achieved: str
    mine_score: str
    stored: MeasureResult
    stored_spent: str
    stored_score: str
    changed_by: AbstractBaseUser | None
    changed_at: datetime | None


@dataclass
class MeasureBlock:
    result: MeasureResult
    state: str
    score_text: str
    spent_text: str = ""
    form: ResultForm | None = None
    conflict: Versions | None = None
    unsaved: Versions | None = None
    saved: bool = False
    evidence_messages: list[tuple[str, str]] = field(default_factory=list)
    # The forms that add and remove evidence, shown for one measure at a time: on a sheet of
    # a hundred measures they were a third of its bytes.
    manage_evidence: bool = False
    # The checks' hint (docs/checks.md) when they flag something, in the answer to a save:
    # shown, never blocking.
    hint: dict[str, object] | None = None


@dataclass(frozen=True)
class Permissions:
    """What the signed-in user may do with this report now."""

    may_edit: bool  # an officer or head of the organization
    editable: bool  # may_edit, and the report is a draft or returned
    can_submit: bool  # a head, and the report is editable
    can_review: bool  # a reviewer, and the report is submitted


def permissions_for(user: AbstractBaseUser, report: Report) -> Permissions:
    organization = report.plan.organization_id
    may_edit = user_may(user, Action.EDIT, organization)
    editable = may_edit and report.status in Report.EDITABLE
    return Permissions(
        may_edit=may_edit,
        editable=editable,
        can_submit=editable and step_allowed(user, report, Step.SUBMIT),
        can_review=step_allowed(user, report, Step.ACCEPT),
    )


def score_text(result: MeasureResult, scale: Scale, levels: Sequence[ScaleLevel]) -> str:
    if result.not_due:
        return _("%(mark)s — not yet due") % {"mark": scale.not_due_mark}
    if result.score is None:
        return ""
    return choice_text(plain_score(result.score), scale, levels)


def choice_text(choice: str, scale: Scale, levels: Sequence[ScaleLevel]) -> str:
    """The words of a score as chosen in the form ("100 — Бүрэн хэрэгжсэн", "ХБ — ...")."""
    if choice == "not_due":
        return _("%(mark)s — not yet due") % {"mark": scale.not_due_mark}
    if not choice:
        return _("not evaluated")
    for level in levels:
        if plain_score(level.score) == choice:
            return level_label(level)
    return choice


def score_legend(scale: Scale, levels: Sequence[ScaleLevel]) -> str:
    """The words of every score, once on the sheet: its <select>s show the numbers alone."""
    return "; ".join(
        [
            f"— {_('not evaluated')}",
            *(level_label(level) for level in levels),
            choice_text("not_due", scale, levels),
        ]
    )


def new_form(
    result: MeasureResult, scale: Scale, levels: Sequence[ScaleLevel], data: object = None
) -> ResultForm:
    return ResultForm(
        data,
        prefix=f"r{result.pk}",
        initial=None if data is not None else ResultForm.initial_for(result),
        scale=scale,
        levels=levels,
        stored_score=result.score,
    )


def block_for(
    result: MeasureResult,
    scale: Scale,
    levels: Sequence[ScaleLevel],
    permissions: Permissions,
    **extra: object,
) -> MeasureBlock:
    form = extra.pop("form", None)
    period = extra.pop("period", None)
    if form is None and permissions.editable:
        form = new_form(result, scale, levels)
    if period is not None:
        extra["hint"] = measure_hint(result, scale_as_document(scale, levels), str(period))
    return MeasureBlock(
        result=result,
        state=result_state(result),
        score_text=score_text(result, scale, levels),
        spent_text=amount_text(result.spent),
        form=form if permissions.editable else None,
        **extra,
    )


def versions(
    form: ResultForm, stored: MeasureResult, scale: Scale, levels: Sequence[ScaleLevel]
) -> Versions:
    """Both versions of a measure: the submitted form (raw, as typed) and the stored row."""
    raw = {name: form[name].value() or "" for name in ("spent", "achieved", "score")}
    return Versions(
        mine_spent=str(raw["spent"]),
        mine_achieved=str(raw["achieved"]),
        mine_score=choice_text(str(raw["score"]), scale, levels),
        stored=stored,
        stored_spent=amount_text(stored.spent),
        stored_score=score_text(stored, scale, levels) or _("not evaluated"),
        changed_by=getattr(stored, "changed_by", None),
        changed_at=getattr(stored, "changed_at", None),
    )


@dataclass(frozen=True)
class ObjectiveBlocks:
    objective: object
    blocks: list[MeasureBlock]


def sheet_blocks(
    sheet: ReportSheet,
    permissions: Permissions,
    overrides: dict[int, MeasureBlock],
    managing: int | None = None,
) -> list[ObjectiveBlocks]:
    """The measures by objective; ``managing`` is the result whose evidence forms are open."""
    scale = sheet.report.plan.scale
    groups = []
    for group in sheet.objectives:
        blocks = []
        for result in group.results:
            block = overrides.get(result.pk)
            if block is None:
                # No hints on the whole sheet: a hundred of them would break its byte bound
                # (issue 9); each measure shows its hint when it is saved.
                block = block_for(result, scale, sheet.levels, permissions)
            else:  # the posted block, shown with the row as read for this page
                block.result = result
                if not permissions.editable:
                    block.form = None
            block.manage_evidence = result.pk == managing
            blocks.append(block)
        groups.append(ObjectiveBlocks(objective=group.objective, blocks=blocks))
    return groups


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def amount_text(value: Decimal | None) -> str:
    return "" if value is None else plain_score(value).replace(".", ",")
