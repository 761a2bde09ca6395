"""Writing a draft plan: objectives and measures added, changed, deleted and moved.

Every function here, in one transaction:

1. locks the plan row (so an approval and an edit cannot interleave),
2. checks that ``user`` may edit the plan's organization (``shudarga.access``; else
   PermissionDenied) and that the plan is a draft (else PlanLockedError),
3. validates the values (ValidationError with a message per field),
4. writes, with the change history recorded under ``user``,
5. renumbers: objectives 1..n, measures "o.m", positions 0..k-1 (only rows that change are
   written).

A measure edit names the version it was made against; when the stored measure has moved on,
nothing is written and MeasureConflictError carries the stored values so both can be shown.
Numbering and moving do not raise a measure's version: they do not change what it says.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_update_with_history

from shudarga.access import Action, user_may
from shudarga.documents import limits
from shudarga.documents.textnorm import refused_character, typed_text
from shudarga.plans.errors import (
    MeasureConflictError,
    MeasureHasResultsError,
    PlanActionRefused,
    PlanLockedError,
)
from shudarga.plans.models import Measure, MeasureResult, Objective, Plan

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

Direction = Literal["up", "down"]

BUDGET_MAX_DIGITS = limits.AMOUNT_DIGITS  # whole digits of Measure.planned_budget
# The text fields of a measure and their limits (the forms and the API check them first).
TEXT_LIMITS = {
    "text": limits.MEASURE_TEXT_MAX,
    "indicator": limits.INDICATOR_MAX,
    "target": limits.TARGET_MAX,
    "responsible_unit": limits.RESPONSIBLE_UNIT_MAX,
    "deadline": limits.DEADLINE_MAX,
}


@dataclass(frozen=True)
class MeasureValues:
    """What a person writes about a measure (its number and position are the plan's)."""

    text: str
    indicator: str = ""
    target: str = ""
    planned_budget: Decimal | None = None
    responsible_unit: str = ""
    deadline: str = ""

    @classmethod
    def of(cls, measure: Measure) -> MeasureValues:
        return cls(**{f.name: getattr(measure, f.name) for f in fields(cls)})

    def as_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


MEASURE_FIELDS = tuple(f.name for f in fields(MeasureValues))


# Checks -------------------------------------------------------------------------------------


def measure_values_clean(values: MeasureValues) -> MeasureValues:
    """The values trimmed and checked; ValidationError names each field that is wrong."""
    cleaned = replace(
        values,
        **{
            name: typed_text(getattr(values, name))
            for name in MEASURE_FIELDS
            if name != "planned_budget"
        },
    )
    errors: dict[str, list] = {}
    if not cleaned.text:
        errors["text"] = [_("Write what the measure is: a measure needs its text.")]
    budget = cleaned.planned_budget
    if budget is not None:
        if not budget.is_finite():
            errors["planned_budget"] = [_("The planned budget must be an amount of money.")]
        elif budget < 0:
            errors["planned_budget"] = [_("The planned budget cannot be negative.")]
        elif budget >= Decimal(10) ** BUDGET_MAX_DIGITS:
            errors["planned_budget"] = [_("The planned budget is too large.")]
        elif budget != budget.quantize(Decimal("0.01")):
            errors["planned_budget"] = [
                _("Give the planned budget with at most two decimals (thousand MNT).")
            ]
    for name, limit in TEXT_LIMITS.items():
        problem = text_problem(getattr(cleaned, name), limit)
        if problem is not None:
            errors.setdefault(name, []).append(problem)
    if errors:
        raise ValidationError(errors)
    return cleaned


def text_problem(value: str, limit: int) -> str | None:
    """What is wrong with a typed text (too long, a control character), else None."""
    if len(value) > limit:
        return _("The text is too long: at most %(limit)s characters (it has %(n)s).") % {
            "limit": limit,
            "n": len(value),
        }
    char = refused_character(value)
    if char is not None:
        return _(
            "The text holds a control character (%(char)s) that no text may hold: remove it."
        ) % {"char": char}
    return None


def objective_title_clean(title: str) -> str:
    title = typed_text(title)
    if not title:
        raise ValidationError({"title": [_("Write the objective's title.")]})
    problem = text_problem(title, limits.OBJECTIVE_TITLE_MAX)
    if problem is not None:
        raise ValidationError({"title": [problem]})
    return title


# Locking and permission ---------------------------------------------------------------------


def plan_lock_for_edit(*, user: AbstractBaseUser, plan_id: int) -> Plan:
    """The plan, locked for this transaction, once ``user`` may edit it and it is a draft."""
    plan = Plan.objects.select_for_update().get(pk=plan_id)
    if not user_may(user, Action.EDIT, plan.organization_id):
        raise PermissionDenied
    if plan.status != Plan.Status.DRAFT:
        raise PlanLockedError
    return plan


def _fresh(model: type[models.Model], pk: int, *, lock: bool = False) -> models.Model:
    """The row as stored now; refused with a message when someone deleted it meanwhile."""
    rows = model.objects.select_for_update() if lock else model.objects.all()
    try:
        return rows.get(pk=pk)
    except model.DoesNotExist as exc:
        raise PlanActionRefused(
            _("It was deleted in the meantime by someone else: nothing was changed.")
        ) from exc


def _saved(instance: models.Model, user: AbstractBaseUser, **kwargs: object) -> None:
    instance._history_user = user  # type: ignore[attr-defined]
    instance.save(**kwargs)


# Objectives ---------------------------------------------------------------------------------


@transaction.atomic
def objective_add(*, user: AbstractBaseUser, plan: Plan, title: str) -> Objective:
    """A new objective at the end of the plan."""
    plan = plan_lock_for_edit(user=user, plan_id=plan.pk)
    title = objective_title_clean(title)
    found = plan.objectives.aggregate(last=models.Max("order"), count=models.Count("pk"))
    last = found["last"]
    objective = Objective(
        plan=plan,
        title=title,
        order=0 if last is None else last + 1,
        number=str(found["count"] + 1),  # its number from the start, for the history
    )
    _saved(objective, user)
    plan_renumber(user=user, plan=plan)
    objective.refresh_from_db()
    return objective


@transaction.atomic
def objective_update(*, user: AbstractBaseUser, objective: Objective, title: str) -> Objective:
    plan_lock_for_edit(user=user, plan_id=objective.plan_id)
    objective = _fresh(Objective, objective.pk, lock=True)
    title = objective_title_clean(title)
    if objective.title != title:
        objective.title = title
        _saved(objective, user, update_fields=["title"])
    return objective


@transaction.atomic
def objective_delete(*, user: AbstractBaseUser, objective: Objective) -> None:
    """Delete the objective and its measures; refused when a report has results for them."""
    plan = plan_lock_for_edit(user=user, plan_id=objective.plan_id)
    objective = _fresh(Objective, objective.pk)
    measures = list(objective.measures.order_by("order", "pk"))
    with_results = _numbers_with_results(measures)
    if with_results:
        raise MeasureHasResultsError(
            _(
                "Objective %(objective)s cannot be deleted: a report has results for its "
                "measures %(measures)s."
            )
            % {"objective": objective.number, "measures": ", ".join(with_results)}
        )
    # One by one, so the history records who deleted each measure.
    for measure in measures:
        measure._history_user = user  # type: ignore[attr-defined]
        measure.delete()
    objective._history_user = user  # type: ignore[attr-defined]
    objective.delete()
    plan_renumber(user=user, plan=plan)


@transaction.atomic
def objective_move(*, user: AbstractBaseUser, objective: Objective, direction: Direction) -> None:
    """Swap the objective with its neighbour above or below (at the edge: nothing moves)."""
    plan = plan_lock_for_edit(user=user, plan_id=objective.plan_id)
    objectives, measures = _outline(plan)
    _swap(objectives, objective.pk, direction)
    _resequence(user=user, objectives=objectives, measures=measures)


# Measures -----------------------------------------------------------------------------------


@transaction.atomic
def measure_add(*, user: AbstractBaseUser, objective: Objective, values: MeasureValues) -> Measure:
    """A new measure at the end of the objective."""
    plan = plan_lock_for_edit(user=user, plan_id=objective.plan_id)
    objective = _fresh(Objective, objective.pk)
    values = measure_values_clean(values)
    found = objective.measures.aggregate(last=models.Max("order"), count=models.Count("pk"))
    last = found["last"]
    measure = Measure(
        objective=objective,
        order=0 if last is None else last + 1,
        number=f"{objective.number}.{found['count'] + 1}",
        **values.as_dict(),
    )
    _saved(measure, user)
    plan_renumber(user=user, plan=plan)
    measure.refresh_from_db()
    return measure


@transaction.atomic
def measure_update(
    *,
    user: AbstractBaseUser,
    measure: Measure,
    values: MeasureValues,
    expected_version: int,
) -> Measure:
    """Write ``values`` if the stored measure is still at ``expected_version``.

    Raises MeasureConflictError (with the stored values) when someone saved it in between; an edit
    that changes nothing writes nothing and keeps the version.
    """
    plan_lock_for_edit(user=user, plan_id=measure.objective.plan_id)
    measure = _fresh(Measure, measure.pk, lock=True)
    values = measure_values_clean(values)
    if measure.version != expected_version:
        raise MeasureConflictError(
            current=MeasureValues.of(measure), version=measure.version, number=measure.number
        )
    if MeasureValues.of(measure) == values:
        return measure
    for name, value in values.as_dict().items():
        setattr(measure, name, value)
    measure.version += 1
    _saved(measure, user, update_fields=[*MEASURE_FIELDS, "version"])
    return measure


@transaction.atomic
def measure_delete(*, user: AbstractBaseUser, measure: Measure) -> None:
    plan = plan_lock_for_edit(user=user, plan_id=measure.objective.plan_id)
    measure = _fresh(Measure, measure.pk)
    if _numbers_with_results([measure]):
        raise MeasureHasResultsError(
            _("Measure %(measure)s cannot be deleted: a report has results for it.")
            % {"measure": measure.number}
        )
    measure._history_user = user  # type: ignore[attr-defined]
    measure.delete()
    plan_renumber(user=user, plan=plan)


@transaction.atomic
def measure_move(*, user: AbstractBaseUser, measure: Measure, direction: Direction) -> None:
    """Swap the measure with its neighbour in the same objective (at the edge: nothing moves)."""
    plan = plan_lock_for_edit(user=user, plan_id=measure.objective.plan_id)
    objectives, measures = _outline(plan)
    _swap(measures.get(measure.objective_id, []), measure.pk, direction)
    _resequence(user=user, objectives=objectives, measures=measures)


# Numbering ----------------------------------------------------------------------------------


def plan_renumber(*, user: AbstractBaseUser | None, plan: Plan) -> None:
    """Objectives numbered 1..n and measures "o.m" in their order; runs inside the caller's
    transaction (the editing services call it after every change)."""
    objectives, measures = _outline(plan)
    _resequence(user=user, objectives=objectives, measures=measures)


def _outline(plan: Plan) -> tuple[list[Objective], dict[int, list[Measure]]]:
    objectives = list(Objective.objects.filter(plan=plan).order_by("order", "pk"))
    measures: dict[int, list[Measure]] = {o.pk: [] for o in objectives}
    for m in Measure.objects.filter(objective__plan=plan).order_by("order", "pk"):
        measures[m.objective_id].append(m)
    return objectives, measures


def _swap(items: list, pk: int, direction: Direction) -> None:
    index = next((i for i, item in enumerate(items) if item.pk == pk), None)
    if index is None:
        return
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]


def _resequence(
    *,
    user: AbstractBaseUser | None,
    objectives: list[Objective],
    measures: dict[int, list[Measure]],
) -> None:
    """Give every row the number and position of its place in the lists; write what changed."""
    changed_objectives: list[Objective] = []
    changed_measures: list[Measure] = []
    for i, objective in enumerate(objectives, 1):
        if (objective.order, objective.number) != (i - 1, str(i)):
            objective.order, objective.number = i - 1, str(i)
            changed_objectives.append(objective)
        for j, measure in enumerate(measures.get(objective.pk, []), 1):
            if (measure.order, measure.number) != (j - 1, f"{i}.{j}"):
                measure.order, measure.number = j - 1, f"{i}.{j}"
                changed_measures.append(measure)
    if changed_objectives:
        bulk_update_with_history(
            changed_objectives, Objective, ["order", "number"], default_user=user
        )
    if changed_measures:
        bulk_update_with_history(changed_measures, Measure, ["order", "number"], default_user=user)


def _numbers_with_results(measures: Iterable[Measure]) -> list[str]:
    by_pk = {m.pk: m.number for m in measures}
    having = set(
        MeasureResult.objects.filter(measure_id__in=by_pk).values_list("measure_id", flat=True)
    )
    return [number for pk, number in by_pk.items() if pk in having]
