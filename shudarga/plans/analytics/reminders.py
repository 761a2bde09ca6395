"""Which organizations are late or missing a report, read from the reporting calendar.

For every calendar period (ReportingCalendar: year, period, period end, deadline) that has
ended by ``today``, an organization (of kind "organization": the bodies that report) is

- ``missing`` when it has no report of that year and period at all (``overdue`` says
  whether the deadline has passed too);
- ``late`` when its report exists but is not submitted (draft, or returned) and the
  deadline has passed.

``today`` is a parameter, so a test (and a "what if" page) decides what day it is. Three
queries whatever the number of organizations.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from shudarga.orgs.models import Organization
from shudarga.plans.models import Report, ReportingCalendar

__all__ = ["Gap", "reporting_gaps"]

NOT_SUBMITTED = Report.EDITABLE


@dataclass(frozen=True)
class Gap:
    organization: Organization
    calendar: ReportingCalendar
    kind: str  # "missing" | "late"
    overdue: bool
    report: Report | None = None


def reporting_gaps(*, organizations: QuerySet[Organization], today: datetime.date) -> list[Gap]:
    """The late and missing reports of ``organizations`` as of ``today``: newest period
    first, then by organization name."""
    calendars = list(ReportingCalendar.objects.filter(period_end__lte=today))
    if not calendars:
        return []
    bodies = list(organizations.filter(kind=Organization.Kind.ORGANIZATION).order_by("name", "pk"))
    if not bodies:
        return []
    years = {c.year for c in calendars}
    reports = (
        Report.objects.filter(plan__organization__in=[o.pk for o in bodies], plan__year__in=years)
        .select_related("plan")
        .only("pk", "status", "period", "plan__year", "plan__organization_id")
    )
    found = {(r.plan.organization_id, r.plan.year, r.period): r for r in reports}
    gaps: list[Gap] = []
    for calendar in sorted(calendars, key=lambda c: (-c.year, c.period_end), reverse=False):
        overdue = calendar.deadline < today
        for organization in bodies:
            report = found.get((organization.pk, calendar.year, calendar.period))
            if report is None:
                gaps.append(Gap(organization, calendar, "missing", overdue))
            elif overdue and report.status in NOT_SUBMITTED:
                gaps.append(Gap(organization, calendar, "late", overdue, report))
    return gaps
