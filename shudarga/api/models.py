"""API tokens: one user's key for ``Authorization: Bearer <key>``.

Only the SHA-256 hash of a key is stored; the key itself is shown once, when it is created
(``manage.py api_token_create``), and cannot be read back from the database. A token lasts
until ``expires_at`` (90 days by default, a year at most) and has a scope: "read" reads
what its user may see; "write" may also change and take workflow steps.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    """API түлхүүр (API token): one user's key, with an expiry and a scope."""

    class Scope(models.TextChoices):
        READ = "read", "унших"
        WRITE = "write", "унших, өөрчлөх"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name="хэрэглэгч",
    )
    key_hash = models.CharField("түлхүүрийн хэш (SHA-256)", max_length=64, unique=True)
    name = models.CharField("нэр", max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField("дуусах хугацаа")
    scope = models.CharField("эрх", max_length=5, choices=Scope.choices, default=Scope.READ)

    class Meta:
        verbose_name = "API түлхүүр"
        verbose_name_plural = "API түлхүүрүүд"
        ordering = ("-created_at", "pk")

    def __str__(self) -> str:
        return f"{self.user} {self.name}".strip()
