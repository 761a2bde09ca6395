"""What a user reads of their notifications: only their own."""

from __future__ import annotations

from django.db.models import QuerySet

from shudarga.notifications.models import Kind, Notification, NotificationPreference


def notifications_of(user) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def unread_count(user) -> int:
    """The header's number: one query."""
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def email_choices(user) -> dict[str, bool]:
    """Each kind, and whether the user gets its e-mail (on without a row); one query."""
    off = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "email"))
    return {kind: off.get(kind, True) for kind in Kind.values}
