"""Deadline reminders: sent once per organization, calendar and before/after, to the officers
and heads of organizations that have not submitted; a reviewer's reminder from the list."""

from __future__ import annotations

import datetime

import pytest

from shudarga.cli import main
from shudarga.notifications.models import Kind, Notification
from shudarga.plans.models import ReportingCalendar
from shudarga.plans.reports.workflow import report_submit
from tests.review.conftest import fill

pytestmark = pytest.mark.django_db


@pytest.fixture
def calendar(db):
    return ReportingCalendar.objects.create(
        year=2025,
        period="half_year",
        period_end=datetime.date(2025, 6, 30),
        deadline=datetime.date(2025, 7, 15),
    )


def told(kind):
    return set(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


def test_before_the_deadline_members_are_reminded_once(
    calendar, report, officer, head, viewer, rival, outsider
):
    assert main(["notify-deadlines", "--today", "2025-07-10"]) == 0
    assert main(["notify-deadlines", "--today", "2025-07-11"]) == 0  # run twice: sent once
    # Khujirt's draft report, and the other office's missing one.
    assert told(Kind.DEADLINE_BEFORE) == {"oyunchimeg", "batbayar", "ganbat"}
    assert Notification.objects.filter(recipient=head).count() == 1
    assert not Notification.objects.filter(recipient__in=[viewer, outsider]).exists()


def test_too_early_nothing_is_sent(calendar, report, officer):
    main(["notify-deadlines", "--today", "2025-07-01"])
    assert Notification.objects.count() == 0


def test_after_the_deadline_once_and_not_to_who_submitted(calendar, report, officer, head, rival):
    fill(report, officer)
    report_submit(user=head, report=report)
    Notification.objects.all().delete()
    main(["notify-deadlines", "--today", "2025-07-20", "--days-before", "3"])
    main(["notify-deadlines", "--today", "2025-07-21"])
    assert told(Kind.DEADLINE_AFTER) == {"ganbat"}
    assert Notification.objects.count() == 1
