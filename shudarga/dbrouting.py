"""The public portal reads from a read replica (SHUDARGA_REPLICA_DATABASE_URL), all else from
the primary.

``ReplicaReadsMiddleware`` marks a request as "public reads" when it is a GET or HEAD of an
anonymous visitor to the portal (``/open/``, the "portal" namespace) or of the JSON API without
a token; ``PortalReplicaRouter`` then sends that request's reads to "replica". Writes, the
workspace, everyone logged in (who must see what they just saved), background workers and
migrations always use "default". Without a replica configured nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
PUBLIC_NAMESPACES = ("portal", "api")
SAFE_METHODS = ("GET", "HEAD")

# Per thread (each gunicorn thread serves one request at a time) and per asyncio task.
_public_reads: ContextVar[bool] = ContextVar("shudarga_public_reads", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def _is_public_read(request: HttpRequest) -> bool:
    match = request.resolver_match
    if request.method not in SAFE_METHODS or match is None:
        return False
    if match.namespace == "api":
        # The API without a token answers as the public; a token is a user, on the primary.
        return "Authorization" not in request.headers
    if match.namespace == "portal":
        user = getattr(request, "user", None)
        return user is None or not user.is_authenticated
    return False


class ReplicaReadsMiddleware:
    """Sets the mark for the view of a public read, and clears it when the request ends."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _public_reads.set(False)
        try:
            return self.get_response(request)
        finally:
            _public_reads.reset(token)

    def process_view(self, request: HttpRequest, *args: Any) -> None:
        # After authentication, so a logged-in user is known; the session lookup that takes
        # runs on the primary, before the mark is set.
        if replica_configured() and _is_public_read(request):
            _public_reads.set(True)


class PortalReplicaRouter:
    """Reads of a marked request go to the replica; everything else to the primary."""

    def db_for_read(self, model: type, **hints: Any) -> str | None:
        # None: Django's own choice (the database an instance came from, else default).
        return REPLICA if _public_reads.get() and replica_configured() else None

    def db_for_write(self, model: type, **hints: Any) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # the replica is a copy of the same database

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == DEFAULT_DB_ALIAS
