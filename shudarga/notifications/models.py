"""Мэдэгдэл (notifications): what a person is told in the application and by e-mail.

A notification keeps its kind and the plain values of its text (``params``), never the text
itself: the list shows it in the reader's language, the e-mail in the recipient's
(``notifications.texts``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import pgettext_lazy

from shudarga.orgs.models import Organization
from shudarga.plans.models import Report, ReportingCalendar


class Kind(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("notification kind", "A report was submitted")
    RETURNED = "returned", pgettext_lazy("notification kind", "A report was returned")
    ACCEPTED = "accepted", pgettext_lazy("notification kind", "A report was accepted")
    PUBLISHED = "published", pgettext_lazy("notification kind", "A report was published")
    DEADLINE_BEFORE = (
        "deadline_before",
        pgettext_lazy("notification kind", "A report deadline is near"),
    )
    DEADLINE_AFTER = (
        "deadline_after",
        pgettext_lazy("notification kind", "A report deadline has passed"),
    )
    REMINDER = "reminder", pgettext_lazy("notification kind", "A reviewer's reminder")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # The values the text is made of (organization, year, period, reason, deadline…).
    params = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "мэдэгдэл"
        verbose_name_plural = "мэдэгдлүүд"
        ordering = ("-created_at", "-pk")
        indexes = (
            # The header's count of unread ones, and each user's list, newest first.
            models.Index(fields=["recipient", "read_at"], name="notif_unread_idx"),
            models.Index(fields=["recipient", "-created_at", "-id"], name="notif_list_idx"),
        )

    def __str__(self) -> str:
        return f"{self.recipient} · {self.kind} · {self.created_at:%Y-%m-%d}"


class NotificationPreference(models.Model):
    """Whether a user gets the e-mail of one kind: without a row, they do."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    email = models.BooleanField(default=True)

    class Meta:
        verbose_name = "мэдэгдлийн тохиргоо"
        verbose_name_plural = "мэдэгдлийн тохиргоо"
        constraints = (
            models.UniqueConstraint(fields=["user", "kind"], name="notif_pref_one_per_kind"),
        )

    def __str__(self) -> str:
        return f"{self.user} · {self.kind}: {'on' if self.email else 'off'}"


class DeadlineReminder(models.Model):
    """A deadline reminder sent to an organization: one per (organization, calendar, before or
    after), so the daily command run twice sends once."""

    class When(models.TextChoices):
        BEFORE = "before", pgettext_lazy("deadline reminder", "Before the deadline")
        AFTER = "after", pgettext_lazy("deadline reminder", "After the deadline")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    calendar = models.ForeignKey(ReportingCalendar, on_delete=models.CASCADE, related_name="+")
    when = models.CharField(max_length=10, choices=When.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "хугацааны сануулга"
        verbose_name_plural = "хугацааны сануулга"
        constraints = (
            models.UniqueConstraint(
                fields=["organization", "calendar", "when"], name="notif_deadline_once"
            ),
        )

    def __str__(self) -> str:
        return f"{self.organization_id} · {self.calendar_id} · {self.when}"
