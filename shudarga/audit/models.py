"""One row per audited act (AuditEvent); written only by ``shudarga.audit.services``."""

from __future__ import annotations

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import pgettext_lazy


class AuditEvent(models.Model):
    """Аудитын бичлэг (audit event): who did what, to which object, when and from where.

    ``username`` is kept beside ``user``: the name tried by a failed login (no user), and the
    name at the time when the user is later renamed or deleted. Rows are never changed or
    deleted by the application (the admin shows them read-only).
    """

    class Kind(models.TextChoices):
        LOGIN = "login", pgettext_lazy("audit event kind", "Login")
        LOGIN_FAILED = "login_failed", pgettext_lazy("audit event kind", "Failed login")
        LOGOUT = "logout", pgettext_lazy("audit event kind", "Logout")
        EVIDENCE_DOWNLOAD = (
            "evidence_download",
            pgettext_lazy("audit event kind", "Evidence download"),
        )
        ADMIN_ACTION = "admin_action", pgettext_lazy("audit event kind", "Admin action")

    at = models.DateTimeField("хэзээ", default=timezone.now, db_index=True)
    kind = models.CharField("төрөл", max_length=20, choices=Kind.choices, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="хэрэглэгч",
    )
    username = models.CharField("нэвтрэх нэр", max_length=150, blank=True, db_index=True)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    object_id = models.CharField("объектын дугаар", max_length=64, blank=True)
    object_repr = models.CharField("объект", max_length=200, blank=True)
    detail = models.CharField("дэлгэрэнгүй", max_length=500, blank=True)
    # The admin's own record of the same act (what changed, in Django's words).
    log_entry = models.ForeignKey(
        LogEntry, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ip = models.GenericIPAddressField("IP хаяг", null=True, blank=True)
    user_agent = models.CharField("хөтөч", max_length=300, blank=True)

    class Meta:
        verbose_name = "аудитын бичлэг"
        verbose_name_plural = "аудитын бичлэгүүд"
        ordering = ("-at", "-id")
        indexes = (models.Index(fields=["content_type", "object_id"]),)

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()} {self.username}"
