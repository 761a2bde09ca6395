"""Writes of per-user settings."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser

from shudarga.accounts.models import Profile


def profile_set_language(*, user: AbstractBaseUser, language: str) -> Profile:
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"unknown language {language!r}")
    profile, _ = Profile.objects.update_or_create(user=user, defaults={"language": language})
    return profile
