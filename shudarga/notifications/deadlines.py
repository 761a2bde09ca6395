"""Reminders of the reporting calendar's deadlines, and a reviewer's reminder from the list
of late and missing reports. Which reports are late or missing is
``plans.analytics.reminders.reporting_gaps``; this module only tells their organizations'
officers and heads."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction

from shudarga.access import Action, members_who_may
from shudarga.notifications.models import DeadlineReminder, Kind, Notification
from shudarga.notifications.services import notify
from shudarga.orgs.models import Organization
from shudarga.plans.analytics.reminders import Gap, reporting_gaps
from shudarga.plans.models import ReportingCalendar

__all__ = ["deadline_reminders_send", "reminder_send"]


def _params(gap: Gap) -> dict:
    return {
        "organization": gap.organization.name,
        "year": gap.calendar.year,
        "period": gap.calendar.period,
        "deadline": gap.calendar.deadline.isoformat(),
    }


def _unsubmitted(calendar: ReportingCalendar) -> list[Gap]:
    """Every organization whose report of the calendar's period is missing or not submitted:
    the gaps as they will be the day after the deadline, given today's reports."""
    day_after = calendar.deadline + datetime.timedelta(days=1)
    gaps = reporting_gaps(organizations=Organization.objects.all(), today=day_after)
    return [g for g in gaps if g.calendar.pk == calendar.pk]


def _tell(gap: Gap, kind: str) -> list[Notification]:
    people = members_who_may(gap.organization.pk, Action.EDIT).distinct()
    return notify(kind=kind, recipients=people, report=gap.report, params=_params(gap))


@transaction.atomic
def deadline_reminders_send(*, today: datetime.date, days_before: int | None = None) -> int:
    """Before each deadline (within ``days_before``, SHUDARGA_REMINDER_DAYS_BEFORE) and once
    it has passed: each organization that has not submitted is told once per calendar and
    per before/after, however often this runs. How many organizations were told."""
    days = settings.SHUDARGA_REMINDER_DAYS_BEFORE if days_before is None else days_before
    told = 0
    for calendar in ReportingCalendar.objects.filter(
        deadline__lte=today + datetime.timedelta(days=days)
    ):
        when = (
            DeadlineReminder.When.AFTER
            if calendar.deadline < today
            else DeadlineReminder.When.BEFORE
        )
        kind = Kind.DEADLINE_AFTER if when == DeadlineReminder.When.AFTER else Kind.DEADLINE_BEFORE
        done = set(
            DeadlineReminder.objects.filter(calendar=calendar, when=when).values_list(
                "organization_id", flat=True
            )
        )
        for gap in _unsubmitted(calendar):
            if gap.organization.pk in done:
                continue
            DeadlineReminder.objects.create(
                organization=gap.organization, calendar=calendar, when=when
            )
            _tell(gap, kind)
            told += 1
    return told


@transaction.atomic
def reminder_send(*, gaps: list[Gap]) -> int:
    """A reviewer's reminder to the organizations of ``gaps`` (the caller found them among
    those the reviewer REVIEWs); how many were told."""
    for gap in gaps:
        _tell(gap, Kind.REMINDER)
    return len(gaps)
