"""The words of a notification, made from its kind and params in the active language: the
list shows them in the reader's, the e-mail in the recipient's (``notifications.tasks``)."""

from __future__ import annotations

from django.utils.translation import gettext

from shudarga.notifications.models import Kind, Notification
from shudarga.plans.models import Report


def _values(params: dict) -> dict[str, str]:
    period = params.get("period", "")
    shown = {k: str(v) for k, v in params.items()}
    if period in Report.Period.values:
        shown["period"] = str(Report.Period(period).label)
    return {"organization": "", "year": "", "period": "", "reason": "", "deadline": "", **shown}


def notification_text(notification: Notification) -> str:
    """One sentence saying what happened, in the active language."""
    values = _values(notification.params)
    texts = {
        Kind.SUBMITTED: gettext(
            "%(organization)s submitted its report for %(year)s (%(period)s) for review."
        ),
        Kind.RETURNED: gettext(
            "The report of %(organization)s for %(year)s (%(period)s) was returned: %(reason)s"
        ),
        Kind.ACCEPTED: gettext(
            "The report of %(organization)s for %(year)s (%(period)s) was accepted."
        ),
        Kind.PUBLISHED: gettext(
            "The report of %(organization)s for %(year)s (%(period)s) was published."
        ),
        Kind.DEADLINE_BEFORE: gettext(
            "The report of %(organization)s for %(year)s (%(period)s) is due on %(deadline)s"
            " and is not submitted yet."
        ),
        Kind.DEADLINE_AFTER: gettext(
            "The deadline of the report of %(organization)s for %(year)s (%(period)s),"
            " %(deadline)s, has passed and the report is not submitted."
        ),
        Kind.REMINDER: gettext(
            "A reviewer reminds you: the report of %(organization)s for %(year)s (%(period)s),"
            " due on %(deadline)s, is not submitted."
        ),
    }
    return texts.get(notification.kind, "") % values


def notification_subject(notification: Notification) -> str:
    """The e-mail's subject: the kind, and the organization it is about."""
    organization = notification.params.get("organization", "")
    label = str(Kind(notification.kind).label) if notification.kind in Kind.values else ""
    return f"{label}: {organization}" if organization else label
