"""Who is told what: the notifications of a report's step (called by the state machine,
``plans.reports.transitions``, inside the step's transaction) and their e-mails, enqueued
once that transaction is committed: a step rolled back tells nobody."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from shudarga.access import Action, members_who_may, reviewers_of
from shudarga.notifications.models import Kind, Notification
from shudarga.plans.models import Plan, Report, ReportEvent

__all__ = ["notify", "notify_step"]

Step = ReportEvent.Step

# The step, the kind it is told as, and who is told: the reviewers, or the members whose
# role lets them take the action (officers and heads EDIT; every member VIEWs).
STEP_KINDS: dict[str, tuple[str, Action | None]] = {
    Step.SUBMIT: (Kind.SUBMITTED, None),
    Step.RETURN: (Kind.RETURNED, Action.EDIT),
    Step.REOPEN: (Kind.RETURNED, Action.EDIT),
    Step.ACCEPT: (Kind.ACCEPTED, Action.EDIT),
    Step.PUBLISH: (Kind.PUBLISHED, Action.VIEW),
}


def notify(
    *, kind: str, recipients: Iterable, report: Report | None, params: dict
) -> list[Notification]:
    """One notification per recipient (one query), e-mailed by the task after commit."""
    rows = Notification.objects.bulk_create(
        Notification(recipient=user, kind=kind, report=report, params=params) for user in recipients
    )
    ids = [n.pk for n in rows]
    if ids:
        from shudarga.notifications.tasks import notifications_email

        transaction.on_commit(lambda: notifications_email.enqueue(ids))
    return rows


def notify_step(*, report: Report, step: str, by, reason: str = "") -> list[Notification]:
    """The notifications of a step just taken: nobody is told of their own step. Three
    queries whatever the number of people."""
    if step not in STEP_KINDS:
        return []
    kind, action = STEP_KINDS[step]
    plan = Plan.objects.select_related("organization").get(pk=report.plan_id)
    organization = plan.organization
    people = (
        reviewers_of(organization) if action is None else members_who_may(organization.pk, action)
    )
    if by is not None:
        people = people.exclude(pk=by.pk)
    params = {
        "organization": organization.name,
        "year": plan.year,
        "period": report.period,
    }
    if reason:
        params["reason"] = reason
    return notify(kind=kind, recipients=people.distinct(), report=report, params=params)


def notifications_mark_read(*, user, notification_id: int | None = None) -> int:
    """Mark one of the user's notifications read, or all of them; how many changed."""
    from django.utils import timezone

    mine = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_id is not None:
        mine = mine.filter(pk=notification_id)
    return mine.update(read_at=timezone.now())


@transaction.atomic
def email_choices_save(*, user, chosen: dict[str, bool]) -> None:
    """The user's e-mail choice of every kind."""
    from shudarga.notifications.models import NotificationPreference

    for kind in Kind.values:
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"email": bool(chosen.get(kind, False))}
        )
