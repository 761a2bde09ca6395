"""Reads of the reviewer's pages: the inbox of reports to review, its filter choices.

Everything is read from ReportSummary rows (never from the results), in a constant number
of queries however many organizations the reviewer oversees.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet, Subquery
from django.db.models.functions import Substr
from django.utils import timezone

from shudarga.access import Action, organizations_for
from shudarga.documents.scoring import format_value
from shudarga.orgs.models import Organization
from shudarga.plans.models import Report, ReportSummary

__all__ = [
    "AIMAG_DEPTH",
    "INBOX_STATES",
    "InboxFilters",
    "days_waiting",
    "inbox_aimags",
    "inbox_rows",
    "inbox_years",
    "with_display",
]

# The country is the root (depth 1); aimags and the capital city are its children.
AIMAG_DEPTH = 2
# The inbox filters by these: waiting for review, returned to the organization, accepted.
INBOX_STATES = (*Report.REVIEWABLE, Report.Status.RETURNED, Report.Status.ACCEPTED)


@dataclass(frozen=True)
class InboxFilters:
    year: int | None = None
    period: str = ""
    status: str = Report.Status.SUBMITTED
    kind: str = ""
    aimag: int | None = None


def _aimag_prefix_length() -> int:
    return AIMAG_DEPTH * Organization.steplen


def inbox_rows(*, user, filters: InboxFilters) -> QuerySet[ReportSummary]:
    """The summaries of the reports the user reviews, filtered, oldest submission first.

    The rows' ``organization``, ``plan.scale`` and ``report`` are prefetched for the page
    alone: joined, PostgreSQL joined every submitted report of the country before sorting
    them, where now it walks the (status, submitted_at) index and stops at the page's end.
    ``with_display`` adds ``aimag_name``, ``self_display`` and ``official_display``.
    """
    status = filters.status if filters.status in INBOX_STATES else Report.Status.SUBMITTED
    rows = ReportSummary.objects.filter(
        organization__in=organizations_for(user, Action.REVIEW).values("pk"), status=status
    )
    if filters.year:
        rows = rows.filter(year=filters.year)
    if filters.period in Report.Period.values:
        rows = rows.filter(period=filters.period)
    if filters.kind in Organization.Kind.values:
        rows = rows.filter(organization__kind=filters.kind)
    if filters.aimag:
        path = Organization.objects.filter(pk=filters.aimag, depth=AIMAG_DEPTH).values("path")
        rows = rows.annotate(
            aimag_path=Substr("organization__path", 1, _aimag_prefix_length())
        ).filter(aimag_path=Subquery(path[:1]))
    return rows.prefetch_related("organization", "plan__scale", "report").order_by(
        "submitted_at", "pk"
    )


def days_waiting(
    *, submitted_at: datetime.datetime | None, today: datetime.date | None = None
) -> int | None:
    """Whole days since the report was submitted (0 on the day itself), in the server's
    time zone; None for a report not submitted."""
    if submitted_at is None:
        return None
    today = today or timezone.localdate()
    return max((today - timezone.localtime(submitted_at).date()).days, 0)


def with_display(rows) -> list[ReportSummary]:
    """The page's rows with their aimag's name (one query for the page), the self-assessed
    and official totals as the scale shows them, and the days waiting since submission."""
    rows = list(rows)
    today = timezone.localdate()
    length = _aimag_prefix_length()
    prefixes = {row.organization.path[:length] for row in rows}
    names = dict(
        Organization.objects.filter(path__in=prefixes, depth=AIMAG_DEPTH).values_list(
            "path", "name"
        )
    )
    for row in rows:
        scale = row.plan.scale
        row.aimag_name = names.get(row.organization.path[:length])
        row.self_display = format_value(row.self_total, scale)
        row.official_display = format_value(row.official_total, scale)
        # Only a report still to decide is waiting; an accepted one waits for nobody.
        waiting = row.status in Report.REVIEWABLE
        row.days_waiting = (
            days_waiting(submitted_at=row.submitted_at, today=today) if waiting else None
        )
    return rows


def inbox_years(*, user) -> list[int]:
    return list(
        ReportSummary.objects.filter(
            organization__in=organizations_for(user, Action.REVIEW).values("pk")
        )
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


def inbox_aimags(*, user) -> list[Organization]:
    """The aimags (depth-2 nodes) the user reviews something in, by name."""
    scope = organizations_for(user, Action.REVIEW)
    return list(
        Organization.objects.filter(depth=AIMAG_DEPTH, pk__in=scope.values("pk")).order_by("name")
    )
