"""What the API may show a caller: the web's rule (orgs.access) plus the public's.

Without a token (an anonymous user) the caller sees published reports only
(``reports_public()``), the plans and organizations of those reports and their summary rows.
With a token the caller sees, in addition, everything ``orgs.access`` lets that user VIEW.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from shudarga.orgs.access import Action, organizations_for, plans_for, reports_for, reports_public
from shudarga.orgs.models import Organization
from shudarga.plans.models import Plan, Report, ReportPublication, ReportSummary
from shudarga.plans.selectors import report_list

if TYPE_CHECKING:
    from shudarga.orgs.access import User


def api_reports(*, user: User) -> QuerySet[Report]:
    public = Q(pk__in=reports_public().values("pk"))
    if not user.is_authenticated:
        return Report.objects.filter(public)
    return Report.objects.filter(public | Q(pk__in=reports_for(user, Action.VIEW).values("pk")))


def api_reports_private(*, user: User) -> QuerySet[Report]:
    """The reports the user sees in full (live results), by orgs.access alone."""
    return reports_for(user, Action.VIEW)


def api_plans(*, user: User) -> QuerySet[Plan]:
    public = Q(pk__in=reports_public().values("plan_id"))
    if not user.is_authenticated:
        return Plan.objects.filter(public)
    return Plan.objects.filter(public | Q(pk__in=plans_for(user, Action.VIEW).values("pk")))


def api_organizations(*, user: User) -> QuerySet[Organization]:
    public = Q(pk__in=reports_public().values("plan__organization_id"))
    if not user.is_authenticated:
        return Organization.objects.filter(public).order_by("name", "pk")
    mine = Q(pk__in=organizations_for(user, Action.VIEW).values("pk"))
    return Organization.objects.filter(public | mine).order_by("name", "pk")


def api_report_list(
    *, user: User, year: int | None = None, period: str | None = None, status: str | None = None
) -> QuerySet[Report]:
    reports = api_reports(user=user)
    if year is not None:
        reports = reports.filter(plan__year=year)
    if period:
        reports = reports.filter(period=period)
    if status:
        reports = reports.filter(status=status)
    return report_list(reports=reports)


def api_plan_list(*, user: User, year: int | None = None) -> QuerySet[Plan]:
    plans = api_plans(user=user).select_related("organization")
    if year is not None:
        plans = plans.filter(year=year)
    return plans.order_by("-year", "organization__name", "pk")


def api_plan_detail(*, user: User, plan_id: int) -> Plan | None:
    """The plan with its objectives and measures prefetched (three queries)."""
    return (
        api_plans(user=user)
        .select_related("organization")
        .prefetch_related("objectives__measures")
        .filter(pk=plan_id)
        .first()
    )


def api_summary_list(
    *, user: User, year: int | None = None, period: str | None = None,
    status: str | None = None, organization: int | None = None,
) -> QuerySet[ReportSummary]:
    rows = ReportSummary.objects.filter(report__in=api_reports(user=user).values("pk"))
    if year is not None:
        rows = rows.filter(year=year)
    if period:
        rows = rows.filter(period=period)
    if status:
        rows = rows.filter(status=status)
    if organization is not None:
        rows = rows.filter(organization_id=organization)
    return rows.select_related("organization").order_by(
        "-year", "organization__name", "period", "pk"
    )


def report_publication_current(*, report: Report) -> ReportPublication | None:
    return ReportPublication.objects.filter(report=report, is_current=True).first()
