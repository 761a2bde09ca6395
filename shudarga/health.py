"""/healthz: may this machine take requests? For load balancers and monitoring, no login.

Two questions, two or three queries: does the database answer, and are all the migrations this
code ships applied (a machine started before `migrate` finished would serve errors). 200 with
{"status": "ok", ...}; 503 saying which check failed. Details of a database error go to the
log, not to an anonymous caller.
"""

from __future__ import annotations

import logging
from functools import cache

from django.db import DatabaseError, connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("shudarga.health")


@cache
def _shipped_migrations() -> frozenset[tuple[str, str]]:
    """Every migration on disk, read once per process (the code does not change under it)."""
    return frozenset(MigrationLoader(None, ignore_no_migrations=True).graph.nodes)


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _migrations() -> str:
    applied = set(MigrationRecorder(connection).applied_migrations())
    missing = sorted(_shipped_migrations() - applied)
    if not missing:
        return "ok"
    names = ", ".join(f"{app}.{name}" for app, name in missing[:5])
    return f"{len(missing)} not applied: {names}" + (", …" if len(missing) > 5 else "")


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    checks: dict[str, str] = {}
    try:
        checks["database"] = _database()
        checks["migrations"] = _migrations()
    except DatabaseError as exc:
        logger.error("health check: the database does not answer", exc_info=exc)
        checks.setdefault("database", f"unreachable ({type(exc).__name__})")
        checks.setdefault("migrations", "unknown")
    ok = all(value == "ok" for value in checks.values())
    return JsonResponse({"status": "ok" if ok else "fail", **checks}, status=200 if ok else 503)
