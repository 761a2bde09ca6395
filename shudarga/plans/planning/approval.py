"""A plan's life: created (empty, copied from an earlier year, or imported), approved, reopened.

Every function runs in one transaction and asks ``shudarga.access``: creating a plan needs EDIT
in its organization, approving and reopening need APPROVE (the head); else PermissionDenied.

- An approved plan is locked (editing.py refuses every change) until its head reopens it
  with a reason. Reopening is refused while a report of the plan is submitted, accepted or
  published: the reviewers are looking at what the plan said.
- Every approval and reopening is a PlanEvent (who, when, why); the plan's own change
  history keeps the status before and after.
- Imported plans: the objectives and measures of the document, renumbered 1, 1.1, 1.2, …,
  without results even when the file is a report (reports are started on approved plans).
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history

from shudarga.access import Action, user_may
from shudarga.documents import model as doc
from shudarga.documents.textnorm import typed_text
from shudarga.orgs.models import Organization
from shudarga.plans import errors
from shudarga.plans.errors import (
    NoPreviousPlanError,
    PlanActionRefused,
    PlanExistsError,
    PlanReopenRefused,
    PlanStateError,
)
from shudarga.plans.models import Measure, Objective, Plan, PlanEvent, Report, Scale
from shudarga.plans.planning.editing import BUDGET_MAX_DIGITS, MEASURE_FIELDS
from shudarga.plans.reports.documents import plan_document, scale_default
from shudarga.plans.reports.storing import scale_get_or_create

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

YEAR_MIN, YEAR_MAX = 2000, 2100

# A report sent up is with the reviewers or the public: its plan stays locked.
REPORT_STATES_LOCKING_PLAN = Report.SENT_UP


def _require(user: AbstractBaseUser, action: Action, organization_id: int) -> None:
    if not user_may(user, action, organization_id):
        raise PermissionDenied


def _check_year(year: int) -> None:
    if not YEAR_MIN <= year <= YEAR_MAX:
        message = _("The year must be between %(min)s and %(max)s.")
        raise ValidationError({"year": [message % {"min": YEAR_MIN, "max": YEAR_MAX}]})


def _plan_insert(
    *, user: AbstractBaseUser, organization: Organization, year: int, scale: Scale, title: str
) -> Plan:
    """The new plan row; PlanExistsError when the organization has one for that year."""
    if Plan.objects.filter(organization=organization, year=year).exists():
        raise PlanExistsError(organization=organization.name, year=year)
    plan = Plan(organization=organization, year=year, scale=scale, title=title[:500])
    plan._history_user = user  # type: ignore[attr-defined]
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError as exc:  # created by someone else a moment ago
        raise PlanExistsError(organization=organization.name, year=year) from exc
    return plan


def outline_create(
    *, user: AbstractBaseUser | None, plan: Plan, objectives: list[doc.ObjectiveEntry]
) -> None:
    """Add ``objectives`` and their measures (plan fields only) to an empty plan, numbered
    1, 1.1, 1.2, … in the order given. A constant number of queries for any size."""
    rows = [
        Objective(
            plan=plan,
            number=str(i),
            title=entry.title,
            section_number=entry.section.number if entry.section else "",
            section_title=entry.section.title if entry.section else "",
            order=i - 1,
        )
        for i, entry in enumerate(objectives, 1)
    ]
    bulk_create_with_history(rows, Objective, default_user=user)
    if not all(o.pk for o in rows):  # databases without RETURNING: read the keys back
        by_order = dict(Objective.objects.filter(plan=plan).values_list("order", "pk"))
        for o in rows:
            o.pk = by_order[o.order]
    measures = [
        Measure(
            objective=objective,
            number=f"{i}.{j}",
            order=j - 1,
            **{name: getattr(m, name) or _empty(name) for name in MEASURE_FIELDS},
        )
        for i, (objective, entry) in enumerate(zip(rows, objectives, strict=True), 1)
        for j, m in enumerate(entry.measures, 1)
    ]
    bulk_create_with_history(measures, Measure, default_user=user)


def _empty(name: str) -> object:
    return None if name == "planned_budget" else ""


@transaction.atomic
def plan_create_empty(
    *, user: AbstractBaseUser, organization: Organization, year: int, title: str = ""
) -> Plan:
    """A draft plan with no objectives, on the default scale."""
    _require(user, Action.EDIT, organization.pk)
    _check_year(year)
    return _plan_insert(
        user=user, organization=organization, year=year, scale=scale_default(), title=title.strip()
    )


@transaction.atomic
def plan_copy_from_previous(
    *, user: AbstractBaseUser, organization: Organization, year: int
) -> Plan:
    """A draft plan with the objectives and measures of the organization's latest earlier
    plan (its text, indicators, targets, budgets, units and deadlines; never its results),
    on the same scale. NoPreviousPlanError when there is none."""
    _require(user, Action.EDIT, organization.pk)
    _check_year(year)
    previous = (
        Plan.objects.filter(organization=organization, year__lt=year).order_by("-year").first()
    )
    if previous is None:
        raise NoPreviousPlanError(year=year)
    plan = _plan_insert(
        user=user, organization=organization, year=year, scale=previous.scale, title=""
    )
    outline_create(user=user, plan=plan, objectives=plan_document(plan=previous).objectives)
    return plan


def document_has_results(document: doc.ReportDocument) -> bool:
    """Whether a read document is a report: any score, not-due mark, achieved text or spending."""
    return any(
        m.score is not None or m.not_due or m.achieved.strip() or m.spent is not None
        for _o, m in document.measures()
    )


@transaction.atomic
def plan_import_document(
    *,
    user: AbstractBaseUser,
    organization: Organization,
    year: int,
    document: doc.ReportDocument,
) -> Plan:
    """The organization's draft plan for ``year`` from a read document: its objectives and
    measures with their plan fields, renumbered 1, 1.1, 1.2, … in the document's order.

    Results in the document (a report: scores, achieved text, money spent) are not imported:
    a report is started on the approved plan and filled in there. Refused with
    PlanActionRefused subclasses, ValidationError or ``plans.errors.DocumentValueError`` (a
    value too large for its column); nothing is written then.
    """
    _require(user, Action.EDIT, organization.pk)
    _check_year(year)
    if document.measure_count == 0:
        raise PlanActionRefused(_("The file holds no measures: there is nothing to import."))
    document = _renumbered(document)
    for _objective, measure in document.measures():
        _check_import_value(measure)
    try:
        scale = scale_get_or_create(scale=document.scale)
    except (errors.DocumentIncompleteError, errors.DocumentValueError):
        scale = scale_default()
    title = "" if document_has_results(document) else document.title
    plan = _plan_insert(user=user, organization=organization, year=year, scale=scale, title=title)
    outline_create(user=user, plan=plan, objectives=document.objectives)
    return plan


def _renumbered(document: doc.ReportDocument) -> doc.ReportDocument:
    objectives = [
        dataclasses.replace(
            o,
            number=str(i),
            measures=[
                dataclasses.replace(m, number=f"{i}.{j}") for j, m in enumerate(o.measures, 1)
            ],
        )
        for i, o in enumerate(document.objectives, 1)
    ]
    return dataclasses.replace(document, objectives=objectives)


def _check_import_value(m: doc.MeasureEntry) -> None:
    """A plan-only value of an imported measure that does not fit its column."""
    deadline_max = Measure._meta.get_field("deadline").max_length or 255
    if len(m.deadline) > deadline_max:
        raise errors.DocumentValueError(field="deadline", value=m.deadline[:57], measure=m.number)
    budget = m.planned_budget
    if budget is not None and (
        not budget.is_finite()
        or abs(budget) >= Decimal(10) ** BUDGET_MAX_DIGITS
        or budget != budget.quantize(Decimal("0.01"))
    ):
        raise errors.DocumentValueError(field="planned_budget", value=budget, measure=m.number)


@transaction.atomic
def plan_approve(*, user: AbstractBaseUser, plan: Plan) -> Plan:
    """The head approves the draft plan: it is locked from now on."""
    plan = Plan.objects.select_for_update().select_related("organization").get(pk=plan.pk)
    _require(user, Action.APPROVE, plan.organization_id)
    if plan.status != Plan.Status.DRAFT:
        raise PlanStateError(_("The plan is already approved."))
    measures = Measure.objects.filter(objective__plan=plan)
    if not measures.exists():
        raise PlanStateError(_("A plan without measures cannot be approved."))
    if measures.filter(text="").exists():
        raise PlanStateError(_("Every measure needs its text before the plan is approved."))
    plan.status = Plan.Status.APPROVED
    plan.approved_by = user
    plan.approved_at = timezone.now()
    plan._history_user = user  # type: ignore[attr-defined]
    plan.save(update_fields=["status", "approved_by", "approved_at"])
    PlanEvent.objects.create(plan=plan, action=PlanEvent.Action.APPROVED, by=user)
    return plan


@transaction.atomic
def plan_reopen(*, user: AbstractBaseUser, plan: Plan, reason: str) -> Plan:
    """The head reopens the approved plan for changes, saying why."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    _require(user, Action.APPROVE, plan.organization_id)
    reason = typed_text(reason)
    if not reason:
        message = _("Say why the plan is reopened: a reason is required.")
        raise ValidationError({"reason": [message]})
    if plan.status != Plan.Status.APPROVED:
        raise PlanStateError(_("The plan is not approved: there is nothing to reopen."))
    locking = list(
        Report.objects.filter(plan=plan, status__in=REPORT_STATES_LOCKING_PLAN).order_by("period")
    )
    if locking:
        shown = ", ".join(f"{r.get_period_display()} ({r.get_status_display()})" for r in locking)
        raise PlanReopenRefused(
            _(
                "The plan cannot be reopened while a report on it is submitted, accepted or "
                "published: %(reports)s."
            )
            % {"reports": shown}
        )
    plan.status = Plan.Status.DRAFT
    plan.approved_by = None
    plan.approved_at = None
    plan._history_user = user  # type: ignore[attr-defined]
    plan.save(update_fields=["status", "approved_by", "approved_at"])
    PlanEvent.objects.create(plan=plan, action=PlanEvent.Action.REOPENED, by=user, reason=reason)
    return plan
