"""Write endpoints: an organization's own draft plan and its draft or returned report.

Only through the services (plans.planning.editing, plans.reports.filling), which check access
and the plan's or report's state. What the user cannot even see is 404; what they see but may not
change is 403; a locked plan or report is 409 "locked"; a stale version is 409
"version_conflict" with the stored values.
"""

from __future__ import annotations

from django.http import Http404
from ninja import Router, Status

from shudarga.access import Action, plans_for, reports_for
from shudarga.api import schemas as s
from shudarga.api.api import WriteTokenAuth
from shudarga.api.schemas import Id
from shudarga.plans import errors
from shudarga.plans.models import Measure, MeasureResult, Objective
from shudarga.plans.planning.editing import MeasureValues, measure_add, measure_update
from shudarga.plans.reports.filling import result_update

router = Router(auth=WriteTokenAuth(), tags=["write"])

REFUSED = {401: s.Error, 403: s.Error, 404: s.Error, 409: s.Error, 422: s.Error}


def _values(body: s.MeasureIn) -> MeasureValues:
    return MeasureValues(
        text=body.text,
        indicator=body.indicator,
        target=body.target,
        planned_budget=body.planned_budget,
        responsible_unit=body.responsible_unit,
        deadline=body.deadline,
    )


def _visible(rows, pk: int):
    obj = rows.filter(pk=pk).first()
    if obj is None:
        raise Http404
    return obj


@router.post("/objectives/{objective_id}/measures", response={201: s.MeasureOut, **REFUSED})
def measure_create(request, objective_id: Id, body: s.MeasureIn):
    """Add a measure at the end of an objective of a draft plan (officers and heads)."""
    user = request.auth
    objective = _visible(
        Objective.objects.filter(plan__in=plans_for(user, Action.VIEW)), objective_id
    )
    return Status(201, measure_add(user=user, objective=objective, values=_values(body)))


@router.put(
    "/measures/{measure_id}", response={**REFUSED, 200: s.MeasureOut, 409: s.MeasureConflict}
)
def measure_change(request, measure_id: Id, body: s.MeasureUpdateIn):
    """Change a measure of a draft plan, against the version it was read at."""
    user = request.auth
    measure = _visible(
        Measure.objects.select_related("objective").filter(
            objective__plan__in=plans_for(user, Action.VIEW)
        ),
        measure_id,
    )
    try:
        return measure_update(
            user=user,
            measure=measure,
            values=_values(body),
            expected_version=body.expected_version,
        )
    except errors.MeasureConflictError as exc:
        return Status(
            409,
            {
                "code": "version_conflict",
                "detail": f"Measure {exc.number} was changed meanwhile: nothing was saved.",
                "version": exc.version,
                "stored": exc.current.as_dict(),
            },
        )


@router.put("/results/{result_id}", response={**REFUSED, 200: s.ResultOut, 409: s.ResultConflict})
def result_change(request, result_id: Id, body: s.ResultIn):
    """Save a measure's result in a draft or returned report, against the version read."""
    user = request.auth
    result = _visible(
        MeasureResult.objects.filter(report__in=reports_for(user, Action.VIEW)), result_id
    )
    try:
        saved = result_update(
            user=user,
            result=result,
            expected_version=body.expected_version,
            spent=body.spent,
            achieved=body.achieved,
            score=body.score,
            not_due=body.not_due,
        )
    except errors.ResultConflictError as exc:
        stored = exc.stored
        changed_by = getattr(stored, "changed_by", None)
        return Status(
            409,
            {
                "code": "version_conflict",
                "detail": f"The result was changed meanwhile (now version {stored.version}).",
                "stored": stored,
                "changed_by": changed_by.get_username() if changed_by else None,
                "changed_at": getattr(stored, "changed_at", None),
            },
        )
    return MeasureResult.objects.select_related("measure").get(pk=saved.pk)
