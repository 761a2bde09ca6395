"""What needs a person's action now: the home page of each role (web.home).

- a head: plans to approve, reports complete enough to sign off and submit;
- an officer or a head: reports to fill in ("7 of 11 measures filled, 3 evidence files"),
  and returned ones first, with the reason;
- a reviewer: the inbox, with how long its oldest report has waited;
- everyone in an organization: the calendar's deadlines, with days left or overdue, and
  whether their organization's report for it is sent up.

A bounded number of queries whatever the user sees: a member's lists are of their own
organizations (a few), a reviewer's inbox is counted, not listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Min
from django.utils import timezone

from shudarga.access import Action, organizations_for, reviewed_nodes
from shudarga.orgs.models import Membership
from shudarga.plans.models import (
    Evidence,
    Plan,
    Report,
    ReportEvent,
    ReportingCalendar,
    ReportSummary,
)

LIST_MAX = 20  # a person with more than this to do is sent to the lists themselves
DEADLINE_WINDOW_DAYS = 45  # deadlines this close (or this recently passed) are shown


@dataclass(frozen=True)
class ReportToDo:
    report: Report
    measures: int
    filled: int
    evidence: int
    may_submit: bool
    reason: str = ""  # why it was returned, when it was

    @property
    def complete(self) -> bool:
        return self.measures > 0 and self.filled == self.measures


@dataclass(frozen=True)
class Deadline:
    calendar: ReportingCalendar
    days_left: int  # negative: overdue by that many days
    sent: int  # of the user's organizations, how many sent this period's report up
    organizations: int

    @property
    def overdue_days(self) -> int:
        return max(0, -self.days_left)


@dataclass
class ToDo:
    plans_to_approve: list[Plan] = field(default_factory=list)
    reports: list[ReportToDo] = field(default_factory=list)
    inbox_count: int = 0
    inbox_oldest_days: int | None = None
    deadlines: list[Deadline] = field(default_factory=list)
    member: bool = False
    reviewer: bool = False

    @property
    def empty(self) -> bool:
        return not (self.plans_to_approve or self.reports or self.inbox_count or self.deadlines)


def todo_for(*, user, today: date) -> ToDo:
    """Everything of ``todo`` for ``user`` on ``today``."""
    todo = ToDo()
    own = Membership.objects.filter(user=user).values("organization_id")
    todo.member = own.exists()
    if todo.member:
        _member_part(todo, user=user, today=today)
    _reviewer_part(todo, user=user, today=today)
    return todo


def _member_part(todo: ToDo, *, user, today: date) -> None:
    approving = organizations_for(user, Action.APPROVE).values("pk")
    editing = organizations_for(user, Action.EDIT).values("pk")
    todo.plans_to_approve = list(
        Plan.objects.filter(organization__in=approving, status=Plan.Status.DRAFT)
        .select_related("organization")
        .order_by("-year", "organization__name")[:LIST_MAX]
    )
    summaries = list(
        ReportSummary.objects.filter(organization__in=editing, status__in=Report.EDITABLE)
        .select_related("report__plan__organization")
        .order_by("-status", "-year", "period")[:LIST_MAX]  # "returned" before "draft"
    )
    ids = [s.report_id for s in summaries]
    evidence = dict(
        Evidence.objects.filter(result__report_id__in=ids)
        .values_list("result__report_id")
        .annotate(n=Count("pk"))
    )
    reasons = _return_reasons([s.report_id for s in summaries if s.status == "returned"])
    heads = set(
        approving.filter(pk__in=[s.organization_id for s in summaries]).values_list("pk", flat=True)
    )
    todo.reports = [
        ReportToDo(
            report=s.report,
            measures=s.measures,
            filled=s.measures - s.unscored,
            evidence=evidence.get(s.report_id, 0),
            may_submit=s.organization_id in heads and s.unscored == 0 and s.measures > 0,
            reason=reasons.get(s.report_id, ""),
        )
        for s in summaries
    ]
    todo.deadlines = _deadlines(editing=organizations_for(user, Action.VIEW), today=today)


def _return_reasons(report_ids: list[int]) -> dict[int, str]:
    """Each returned report's latest reason (one query)."""
    if not report_ids:
        return {}
    reasons: dict[int, str] = {}
    rows = (
        ReportEvent.objects.filter(report_id__in=report_ids, to_status=Report.Status.RETURNED)
        .order_by("report_id", "-at")
        .values_list("report_id", "reason")
    )
    for report_id, reason in rows:
        reasons.setdefault(report_id, reason)
    return reasons


def _deadlines(*, editing, today: date) -> list[Deadline]:
    """The calendar's deadlines near ``today``, with how many of the user's organizations
    sent that period's report up (two queries)."""
    window = date.fromordinal(today.toordinal() - DEADLINE_WINDOW_DAYS)
    ahead = date.fromordinal(today.toordinal() + DEADLINE_WINDOW_DAYS)
    calendars = list(
        ReportingCalendar.objects.filter(deadline__gte=window, deadline__lte=ahead).order_by(
            "deadline"
        )
    )
    if not calendars:
        return []
    organizations = editing.count()
    sent = {
        (row["year"], row["period"]): row["n"]
        for row in ReportSummary.objects.filter(
            organization__in=editing.values("pk"),
            status__in=Report.SENT_UP,
            year__in={c.year for c in calendars},
        )
        .values("year", "period")
        .annotate(n=Count("organization_id", distinct=True))
    }
    return [
        Deadline(
            calendar=c,
            days_left=(c.deadline - today).days,
            sent=sent.get((c.year, c.period), 0),
            organizations=organizations,
        )
        for c in calendars
    ]


def _reviewer_part(todo: ToDo, *, user, today: date) -> None:
    todo.reviewer = bool(reviewed_nodes(user))
    if not todo.reviewer:
        return
    reviewed = organizations_for(user, Action.REVIEW)
    row = ReportSummary.objects.filter(
        organization__in=reviewed.values("pk"), status=Report.Status.SUBMITTED
    ).aggregate(n=Count("pk"), oldest=Min("submitted_at"))
    todo.inbox_count = row["n"]
    if row["oldest"] is not None:
        todo.inbox_oldest_days = (today - timezone.localtime(row["oldest"]).date()).days
