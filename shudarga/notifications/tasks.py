"""The e-mails of new notifications, sent by a worker (``manage.py db_worker``): enqueued once
the step that made them is committed (``notifications.services.notify``)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task

from shudarga.notifications.models import Notification, NotificationPreference
from shudarga.notifications.texts import notification_subject, notification_text

__all__ = ["notifications_email"]

logger = logging.getLogger(__name__)


def _language(user) -> str:
    """The recipient's chosen language, else Mongolian (the interface's first)."""
    profile = getattr(user, "profile", None)
    chosen = getattr(profile, "language", "") if profile is not None else ""
    return chosen or "mn"


def _message(notification: Notification) -> EmailMessage:
    user = notification.recipient
    with translation.override(_language(user)):
        lines = [notification_text(notification), ""]
        if notification.report_id:
            link = settings.SHUDARGA_SITE_URL + reverse("web:report", args=[notification.report_id])
            lines += [gettext("The report: %(link)s") % {"link": link}, ""]
        preferences = settings.SHUDARGA_SITE_URL + reverse("notifications:preferences")
        lines.append(gettext("Choose which e-mails you get: %(link)s") % {"link": preferences})
        return EmailMessage(
            subject=notification_subject(notification),
            body="\n".join(lines),
            to=[user.email],
        )


@task()
def notifications_email(notification_ids: list[int]) -> int:
    """E-mail each notification not e-mailed yet to its recipient, unless they turned that
    kind off or have no address; how many were sent. Three queries and one connection
    whatever the number."""
    rows = list(
        Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True)
        .select_related("recipient__profile")
        .order_by("pk")
    )
    off = set(
        NotificationPreference.objects.filter(
            user_id__in={n.recipient_id for n in rows}, email=False
        ).values_list("user_id", "kind")
    )
    chosen = [
        n
        for n in rows
        if n.recipient.email and n.recipient.is_active and (n.recipient_id, n.kind) not in off
    ]
    if not chosen:
        return 0
    with get_connection() as connection:
        sent = connection.send_messages([_message(n) for n in chosen]) or 0
    Notification.objects.filter(pk__in=[n.pk for n in chosen]).update(emailed_at=timezone.now())
    logger.info("notifications e-mailed: %s of %s", sent, len(rows))
    return sent
