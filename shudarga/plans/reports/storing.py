"""Writes of plans and reports: storing a ReportDocument in the database.

The reverse, database to document, is ``selectors.report_document``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import IntegrityError, models, transaction
from simple_history.utils import bulk_create_with_history

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

from shudarga.documents import model as doc
from shudarga.orgs.models import Organization
from shudarga.plans.analytics.summaries import summary_refresh
from shudarga.plans.errors import (
    DocumentIncompleteError,
    DocumentValueError,
    DuplicateReportError,
    PlanScaleMismatchError,
)
from shudarga.plans.models import (
    Measure,
    MeasureResult,
    Objective,
    Plan,
    Report,
    Scale,
    ScaleLevel,
)
from shudarga.plans.reports.transitions import Step, step_record_creation

__all__ = [
    "DocumentIncompleteError",
    "DocumentValueError",
    "DuplicateReportError",
    "PlanScaleMismatchError",
    "report_import_document",
    "scale_get_or_create",
]


@transaction.atomic
def scale_get_or_create(*, scale: doc.Scale) -> Scale:
    """The stored scale with ``scale.code``, created with its levels if there is none.

    A scale is identified by its code: when one exists, it is used as stored even if the
    document describes its levels differently (administrators own the stored scales).
    """
    if not scale.code:
        raise DocumentIncompleteError(missing="scale code")
    stored = Scale.objects.filter(code=scale.code).first()
    if stored is not None:
        return stored
    _check_scale(scale)
    stored = Scale.objects.create(
        code=scale.code,
        name=scale.name,
        not_due_mark=scale.not_due_mark,
        rounding=Scale.Rounding(scale.rounding.value),
        decimals=scale.decimals,
        is_default=False,
    )
    bulk_create_with_history(
        [
            ScaleLevel(
                scale=stored, score=lvl.score, label_mn=lvl.label_mn, label_en=lvl.label_en, order=i
            )
            for i, lvl in enumerate(scale.levels)
        ],
        ScaleLevel,
    )
    return stored


def report_import_document(
    *,
    document: doc.ReportDocument,
    organization: Organization,
    source_name: str = "",
    user: AbstractBaseUser | None = None,
) -> Report:
    """Store ``document`` as the organization's report for its year and period, all or nothing.

    - The plan for (organization, year) is created if missing, with the document's title and
      scale. If it exists, its objectives and measures are reused, matched by number (the
      n-th "1.1" of the document is the n-th "1.1" of the plan, so repeated numbers keep
      their order), and the missing ones are appended; a reused measure keeps its stored
      text.
    - ``source_name`` (else ``document.source``) is kept as the report's source file.
    - Raises DocumentIncompleteError (no year, no scale code), DocumentValueError (a number
      or text does not fit its column), DuplicateReportError (that report exists) and
      PlanScaleMismatchError (the existing plan uses another scale). Nothing is written then.

    The number of queries does not depend on the number of measures (bulk inserts), up to
    the database's limit of parameters per statement (SQLite: about 110 measures a batch).
    """
    if document.year is None:
        raise DocumentIncompleteError(missing="year")
    if not document.scale.code:
        raise DocumentIncompleteError(missing="scale code")
    _check_document(document, source=source_name or document.source)
    period = Report.Period(doc.Period(document.period).value)

    with transaction.atomic():
        if Report.objects.filter(
            plan__organization=organization, plan__year=document.year, period=period
        ).exists():
            raise _duplicate(organization, document.year, period)
        scale = scale_get_or_create(scale=document.scale)
        plan, created = Plan.objects.select_for_update().get_or_create(
            organization=organization,
            year=document.year,
            defaults={"title": document.title, "scale": scale},
        )
        if plan.scale_id != scale.pk:
            raise PlanScaleMismatchError(
                plan_scale=plan.scale.code, document_scale=document.scale.code
            )
        if not created and not plan.title and document.title:
            plan.title = document.title
            plan.save(update_fields=["title"])
        measures = _plan_measures_sync(plan=plan, document=document, plan_is_new=created, user=user)
        try:
            with transaction.atomic():
                report = Report.objects.create(
                    plan=plan,
                    period=period,
                    title=document.title,
                    stated_total=document.stated_total,
                    stated_total_decimals=_decimals(document.stated_total),
                    source_file=source_name or document.source,
                    import_warnings=[_warning_dict(w) for w in document.warnings],
                )
        except IntegrityError as exc:  # another import of the same report won the race
            raise _duplicate(organization, document.year, period) from exc
        bulk_create_with_history(
            [
                MeasureResult(
                    report=report,
                    measure=measure,
                    spent=entry.spent,
                    achieved=entry.achieved,
                    score=entry.score,
                    not_due=entry.not_due,
                    rating_label=entry.rating or "",
                )
                for measure, (_, entry) in zip(measures, document.measures(), strict=True)
            ],
            MeasureResult,
            default_user=user,
        )
        step_record_creation(
            report=report, step=Step.IMPORT, by=user, reason=source_name or document.source
        )
        summary_refresh(report_id=report.pk)
    return report


def _warning_dict(warning: doc.ReportWarning) -> dict[str, object]:
    return {
        "code": warning.code,
        "measure": warning.measure,
        "message": warning.message,
        "params": {str(k): str(v) for k, v in warning.params.items()},
    }


def _duplicate(
    organization: Organization, year: int, period: Report.Period
) -> DuplicateReportError:
    return DuplicateReportError(organization=organization.name, year=year, period=period.value)


def _plan_measures_sync(
    *,
    plan: Plan,
    document: doc.ReportDocument,
    plan_is_new: bool,
    user: AbstractBaseUser | None,
) -> list[Measure]:
    """The plan's measures for the document's measures, in document order, adding missing ones."""
    stored_objectives = [] if plan_is_new else list(plan.objectives.order_by("order", "pk"))
    by_key = dict(zip(_keys(o.number for o in stored_objectives), stored_objectives, strict=True))
    next_order = max((o.order for o in stored_objectives), default=-1) + 1
    objectives: list[Objective] = []
    new_objectives: list[Objective] = []
    for key, entry in zip(
        _keys(o.number for o in document.objectives), document.objectives, strict=True
    ):
        objective = by_key.get(key)
        if objective is None:
            section = entry.section
            objective = Objective(
                plan=plan,
                number=entry.number,
                title=entry.title,
                section_number=section.number if section else "",
                section_title=section.title if section else "",
                order=next_order,
            )
            next_order += 1
            new_objectives.append(objective)
        objectives.append(objective)
    bulk_create_with_history(new_objectives, Objective, default_user=user)

    stored_measures: dict[int, list[Measure]] = {}
    if not plan_is_new:
        for m in Measure.objects.filter(objective__plan=plan).order_by(
            "objective_id", "order", "pk"
        ):
            stored_measures.setdefault(m.objective_id, []).append(m)
    measures: list[Measure] = []
    new_measures: list[Measure] = []
    for objective, entry in zip(objectives, document.objectives, strict=True):
        stored = stored_measures.get(objective.pk, [])
        by_number = dict(zip(_keys(m.number for m in stored), stored, strict=True))
        next_order = max((m.order for m in stored), default=-1) + 1
        for key, m in zip(_keys(m.number for m in entry.measures), entry.measures, strict=True):
            measure = by_number.get(key)
            if measure is None:
                measure = Measure(
                    objective=objective,
                    number=m.number,
                    text=m.text,
                    indicator=m.indicator,
                    target=m.target,
                    planned_budget=m.planned_budget,
                    responsible_unit=m.responsible_unit,
                    deadline=m.deadline,
                    order=next_order,
                )
                next_order += 1
                new_measures.append(measure)
            measures.append(measure)
    bulk_create_with_history(new_measures, Measure, default_user=user)
    return measures


def _keys(numbers: Iterable[str]) -> Iterator[tuple[str, int]]:
    """(number, how many times it came before): matches repeated numbers by position."""
    seen: Counter[str] = Counter()
    for number in numbers:
        number = number.strip()
        yield number, seen[number]
        seen[number] += 1


def _decimals(value: Decimal | None) -> int | None:
    """The decimals a number was written with: "91" → 0, "90.5" → 1, "90.50" → 2."""
    if value is None:
        return None
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


# Checks run before anything is written, so a bad document is refused with a clear reason
# instead of a database error (or, on SQLite, silent rounding).


def _check_document(document: doc.ReportDocument, *, source: str) -> None:
    _check_text(Report, "title", document.title)
    _check_text(Report, "source_file", source)
    _check_decimal(Report, "stated_total", document.stated_total)
    _check_scale(document.scale)
    for objective in document.objectives:
        _check_text(Objective, "number", objective.number)
        for m in objective.measures:
            _check_text(Measure, "number", m.number, m.number)
            _check_text(Measure, "deadline", m.deadline, m.number)
            _check_text(MeasureResult, "rating_label", m.rating or "", m.number)
            _check_decimal(Measure, "planned_budget", m.planned_budget, m.number)
            _check_decimal(MeasureResult, "spent", m.spent, m.number)
            _check_decimal(MeasureResult, "score", m.score, m.number)


def _check_scale(scale: doc.Scale) -> None:
    _check_text(Scale, "code", scale.code)
    _check_text(Scale, "name", scale.name)
    _check_text(Scale, "not_due_mark", scale.not_due_mark)
    for lvl in scale.levels:
        _check_decimal(ScaleLevel, "score", lvl.score)
        _check_text(ScaleLevel, "label_mn", lvl.label_mn)
        _check_text(ScaleLevel, "label_en", lvl.label_en)


def _check_text(
    model: type[models.Model], name: str, value: str, measure: str | None = None
) -> None:
    field = model._meta.get_field(name)
    if field.max_length is not None and len(value) > field.max_length:
        shown = value if len(value) <= 60 else value[:57] + "..."
        raise DocumentValueError(field=name, value=shown, measure=measure)


def _check_decimal(
    model: type[models.Model], name: str, value: Decimal | None, measure: str | None = None
) -> None:
    if value is None:
        return
    field = model._meta.get_field(name)
    assert isinstance(field, models.DecimalField)
    places = Decimal(1).scaleb(-field.decimal_places)
    if (
        not value.is_finite()
        or abs(value) >= Decimal(10) ** (field.max_digits - field.decimal_places)
        or value != value.quantize(places)
    ):
        raise DocumentValueError(field=name, value=value, measure=measure)
