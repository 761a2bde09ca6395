"""API tokens: one user's key for ``Authorization: Bearer <key>``.

Only the SHA-256 hash of a key is stored; the key itself is shown once, when it is created
(``manage.py api_token_create``), and cannot be read back from the database.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
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

    class Meta:
        verbose_name = "API түлхүүр"
        verbose_name_plural = "API түлхүүрүүд"
        ordering = ("-created_at", "pk")

    def __str__(self) -> str:
        return f"{self.user} {self.name}".strip()
