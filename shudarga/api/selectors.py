"""What the API may show a caller: access's "public or visible" rule, and the lists
built on it.

Without a token (an anonymous user) the caller sees published reports only
(``reports_public()``), the plans and organizations of those reports and their summary rows.
With a token the caller sees, in addition, everything ``shudarga.access`` lets that user VIEW.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from shudarga.access import (
    Action,
    organizations_public_or_visible,
    plans_public_or_visible,
    report_ids_public_or_visible,
    reports_for,
    reports_public_or_visible,
)
from shudarga.orgs.models import Organization
from shudarga.plans.models import Plan, Report, ReportPublication, ReportSummary
from shudarga.plans.reports.selectors import report_list_rows

if TYPE_CHECKING:
    from shudarga.access import User


def api_reports(*, user: User) -> QuerySet[Report]:
    return reports_public_or_visible(user)


def api_reports_private(*, user: User) -> QuerySet[Report]:
    """The reports the user sees in full (live results), by access alone."""
    return reports_for(user, Action.VIEW)


def api_plans(*, user: User) -> QuerySet[Plan]:
    return plans_public_or_visible(user)


def api_organizations(*, user: User) -> QuerySet[Organization]:
    return organizations_public_or_visible(user).order_by("name", "pk")


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
    return reports.order_by("-plan__year", "plan__organization__name", "period", "pk")


def api_report_page(*, reports: QuerySet[Report], offset: int, limit: int) -> dict:
    """One page of ``api_report_list``: the count of the reports alone (no join to their
    results), then the page's ids, and the counts of results for those rows only."""
    ids = list(reports.values_list("pk", flat=True)[offset : offset + limit])
    return {
        "count": reports.order_by().count(),
        "limit": limit,
        "offset": offset,
        "items": report_list_rows(rows=ids),
    }


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
    *,
    user: User,
    year: int | None = None,
    period: str | None = None,
    status: str | None = None,
    organization: int | None = None,
) -> QuerySet[ReportSummary]:
    rows = ReportSummary.objects.filter(report__in=report_ids_public_or_visible(user))
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
