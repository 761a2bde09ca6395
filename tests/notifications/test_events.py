"""Each step of a report tells the right people, and nobody else; a step rolled back tells
nobody; e-mails go through the task, in the recipient's language, as they chose."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction

from shudarga.accounts.models import Profile
from shudarga.notifications.models import Kind, Notification, NotificationPreference
from shudarga.plans.errors import UnscoredMeasuresError
from shudarga.plans.reports.workflow import report_accept, report_return, report_submit
from shudarga.plans.review.publication import report_publish
from shudarga.plans.review.scoring import review_agree
from tests.review.conftest import fill

pytestmark = pytest.mark.django_db


def told(kind: str) -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


@pytest.fixture
def people(officer, head, viewer, reviewer, far_reviewer, national, outsider, rival):
    return locals()


def test_a_submitted_report_tells_its_reviewers_only(report, people):
    fill(report, people["officer"])
    report_submit(user=people["head"], report=report)
    assert told(Kind.SUBMITTED) == {"tuyaa", "bold"}
    assert Notification.objects.count() == 2
    (one,) = Notification.objects.filter(recipient=people["reviewer"])
    assert (
        one.report_id == report.pk and one.params["organization"] == report.plan.organization.name
    )


def test_returned_tells_officer_and_head_with_the_reason(report, people):
    fill(report, people["officer"])
    report_submit(user=people["head"], report=report)
    report_return(user=people["reviewer"], report=report, reason="Нотолгоо дутуу")
    assert told(Kind.RETURNED) == {"oyunchimeg", "batbayar"}
    assert {n.params["reason"] for n in Notification.objects.filter(kind=Kind.RETURNED)} == {
        "Нотолгоо дутуу"
    }


def test_accepted_and_published_tell_the_members(settings, report, people):
    settings.SHUDARGA_PUBLISHER = "head"
    fill(report, people["officer"])
    report_submit(user=people["head"], report=report)
    review_agree(user=people["reviewer"], report=report)
    report_accept(user=people["reviewer"], report=report)
    assert told(Kind.ACCEPTED) == {"oyunchimeg", "batbayar"}
    report_publish(user=people["head"], report=report)
    # The head published it: not told of their own step; the viewer reads published ones.
    assert told(Kind.PUBLISHED) == {"oyunchimeg", "sarnai"}
    outsiders = Notification.objects.filter(recipient__username__in=["dorj", "ganbat", "monkh"])
    assert not outsiders.exists()


def test_a_rolled_back_step_tells_nobody(
    report, people, immediate_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(UnscoredMeasuresError):
        report_submit(user=people["head"], report=report)  # unscored: rolled back
    assert Notification.objects.count() == 0 and mail.outbox == []


def test_a_transaction_failing_after_the_step_sends_nothing(
    report, people, immediate_tasks, django_capture_on_commit_callbacks
):
    fill(report, people["officer"])
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        report_submit(user=people["head"], report=report)
        raise RuntimeError("fails after the step")
    assert Notification.objects.count() == 0 and mail.outbox == []


def test_emails_go_through_the_task_respecting_preferences_and_language(
    report, people, immediate_tasks, django_capture_on_commit_callbacks
):
    reviewer, national = people["reviewer"], people["national"]
    reviewer.email = "tuyaa@example.mn"
    reviewer.save()
    Profile.objects.create(user=reviewer, language="en")
    NotificationPreference.objects.create(user=national, kind=Kind.SUBMITTED, email=False)
    fill(report, people["officer"])
    with django_capture_on_commit_callbacks(execute=True):
        report_submit(user=people["head"], report=report)
    (message,) = mail.outbox  # national turned submitted e-mails off
    assert message.to == ["tuyaa@example.mn"]
    assert "submitted its report for 2025" in message.body
    assert f"/reports/{report.pk}/" in message.body
    assert Notification.objects.get(recipient=reviewer).emailed_at is not None
    assert Notification.objects.get(recipient=national).emailed_at is None


def test_the_email_task_sends_each_notification_once(
    report, people, immediate_tasks, django_capture_on_commit_callbacks
):
    from shudarga.notifications.tasks import notifications_email

    people["reviewer"].email = "tuyaa@example.mn"
    people["reviewer"].save()
    fill(report, people["officer"])
    with django_capture_on_commit_callbacks(execute=True):
        report_submit(user=people["head"], report=report)
    assert len(mail.outbox) == 2  # tuyaa and bold
    ids = list(Notification.objects.values_list("pk", flat=True))
    assert notifications_email.call(ids) == 0
    assert len(mail.outbox) == 2  # not sent again


def test_recipients_cost_a_bounded_number_of_queries(report, people, django_assert_max_num_queries):
    from shudarga.notifications.services import notify_step
    from shudarga.plans.models import ReportEvent

    with django_assert_max_num_queries(3):
        notify_step(report=report, step=ReportEvent.Step.SUBMIT, by=people["head"])
