"""The notification pages: each user sees and changes only their own, in bounded queries; a
reviewer reminds organizations from the late and missing list after confirming."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from shudarga.notifications.models import Kind, Notification, NotificationPreference
from shudarga.plans.models import ReportingCalendar
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def make(user, n=1, report=None):
    return Notification.objects.bulk_create(
        Notification(
            recipient=user,
            kind=Kind.ACCEPTED,
            report=report,
            params={"organization": "Хужирт", "year": 2025, "period": "half_year"},
        )
        for _ in range(n)
    )


def test_the_list_shows_only_mine_newest_first_in_bounded_queries(
    officer, outsider, report, django_assert_max_num_queries
):
    make(officer, 30, report)
    make(outsider, 1)
    client = client_for(officer)
    with django_assert_max_num_queries(12):
        page = client.get("/notifications/")
    assert page.status_code == 200
    assert page.content.decode().count("was accepted") == 25  # one page
    assert client_for(outsider).get("/notifications/").content.decode().count("was accepted") == 1


def test_the_header_counts_unread(officer, report):
    make(officer, 3)
    page = client_for(officer).get("/reports/").content.decode()
    assert 'class="count">3<' in page


def test_mark_read_and_all_read(officer, outsider):
    mine = make(officer, 2)
    theirs = make(outsider, 1)
    client = client_for(officer)
    assert client.post(f"/notifications/{theirs[0].pk}/read/").status_code == 404
    assert client.get(f"/notifications/{mine[0].pk}/read/").status_code == 405
    client.post(f"/notifications/{mine[0].pk}/read/")
    assert Notification.objects.filter(read_at__isnull=False).count() == 1
    client.post("/notifications/read-all/")
    assert Notification.objects.filter(recipient=officer, read_at__isnull=True).count() == 0
    assert Notification.objects.get(pk=theirs[0].pk).read_at is None


def test_preferences_are_saved_for_the_user_only(officer, outsider):
    client = client_for(officer)
    assert client.get("/notifications/preferences/").status_code == 200
    kept = {k: "on" for k in Kind.values if k != Kind.RETURNED}
    client.post("/notifications/preferences/", kept)
    off = NotificationPreference.objects.filter(email=False)
    assert list(off.values_list("user__username", "kind")) == [("oyunchimeg", Kind.RETURNED)]


def test_anonymous_is_sent_to_log_in():
    response = client_for().get("/notifications/")
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.fixture
def past_calendar(db):
    today = timezone.localdate()
    return ReportingCalendar.objects.create(
        year=2025,
        period="half_year",
        period_end=today - datetime.timedelta(days=30),
        deadline=today - datetime.timedelta(days=5),
    )


def test_a_reviewer_reminds_one_organization_after_confirming(
    past_calendar, reviewer, report, officer, head, rival, khujirt
):
    client = client_for(reviewer)
    confirm = client.get(f"/review/reminders/send/?organization={khujirt.pk}")
    assert confirm.status_code == 200 and khujirt.name in confirm.content.decode()
    assert Notification.objects.count() == 0  # asking is not sending
    client.post("/review/reminders/send/", {"organization": khujirt.pk})
    told = set(Notification.objects.values_list("recipient__username", flat=True))
    assert told == {"oyunchimeg", "batbayar"}


def test_a_reviewer_reminds_all_on_the_list_and_an_outsider_may_not(
    past_calendar, reviewer, national, report, officer, head, rival, outsider
):
    assert client_for(outsider).post("/review/reminders/send/").status_code == 403
    assert client_for(officer).post("/review/reminders/send/").status_code == 403
    client_for(national).post("/review/reminders/send/")
    told = set(Notification.objects.values_list("recipient__username", flat=True))
    # The other soum's office is outside the national reviewer's tree (its own root).
    assert told == {"oyunchimeg", "batbayar"}
    assert not Notification.objects.filter(recipient__in=[outsider, rival]).exists()
