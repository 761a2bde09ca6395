"""Creating and checking API tokens (the services of ApiToken)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from shudarga.api.models import ApiToken

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

PREFIX = "shd_"
DEFAULT_DAYS = 90
MAX_DAYS = 365


class TokenReadOnlyError(PermissionError):
    """A valid token of scope "read" sent to an endpoint that writes."""


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def token_create(
    *,
    user: AbstractBaseUser,
    name: str = "",
    scope: str = ApiToken.Scope.READ,
    days: int = DEFAULT_DAYS,
) -> tuple[ApiToken, str]:
    """A new token of ``user`` and its key: the key is returned here once and never stored.
    It lasts ``days`` (1 to MAX_DAYS) and may read, or also write (``scope``)."""
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"a token lasts 1 to {MAX_DAYS} days, not {days}")
    if scope not in ApiToken.Scope.values:
        raise ValueError(f"unknown scope {scope!r}: read or write")
    key = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        key_hash=key_hash(key),
        name=name.strip()[:100],
        scope=scope,
        expires_at=timezone.now() + timedelta(days=days),
    )
    return token, key


def token_user(*, key: str, write: bool = False) -> AbstractBaseUser | None:
    """The active user an unexpired key belongs to (and the token marked used), else None.
    Raises TokenReadOnlyError when ``write`` is asked of a read-only token."""
    if not key or len(key) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=key_hash(key), user__is_active=True, expires_at__gt=timezone.now())
        .first()
    )
    if token is None:
        return None
    if write and token.scope != ApiToken.Scope.WRITE:
        raise TokenReadOnlyError(token.pk)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
