"""Per-user settings that Django's user model does not keep."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Profile(models.Model):
    """Хэрэглэгчийн тохиргоо (profile): the interface language a user chose, remembered."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    language = models.CharField("хэл", max_length=5, choices=settings.LANGUAGES, blank=True)

    class Meta:
        verbose_name = "хэрэглэгчийн тохиргоо"
        verbose_name_plural = "хэрэглэгчийн тохиргоо"

    def __str__(self) -> str:
        return f"{self.user} ({self.language or '-'})"
