"""Schema-level checks: schemathesis calls the GET endpoints through the WSGI app and checks
every answer against the project's own OpenAPI description (status codes, shapes, no 5xx).

Bounded and repeatable for CI: a few derandomized examples per endpoint, no example database.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from shudarga.api.tokens import token_create

BOUNDED = settings(
    max_examples=5,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


def check_every_get(headers: dict[str, str]) -> int:
    """Run every GET operation's examples; the number of operations checked."""
    # As Django's test client does: keep the test's connection (and its transaction) open
    # across requests; the WSGI handler would otherwise close it on PostgreSQL.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        return _check_every_get(headers)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _check_every_get(headers: dict[str, str]) -> int:
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    checked = 0
    for result in schema.include(method="GET").get_all_operations():
        operation = result.ok()

        @BOUNDED
        @given(case=operation.as_strategy())
        def check(case):
            case.call_and_validate(headers=headers)

        check()
        checked += 1
    return checked


@pytest.mark.django_db
def test_public_get_endpoints_match_the_schema(world):
    assert check_every_get({"Host": "localhost"}) == 9


@pytest.mark.django_db
def test_authenticated_get_endpoints_match_the_schema(world, officer):
    _token, key = token_create(user=officer, scope="write")
    assert check_every_get({"Host": "localhost", "Authorization": f"Bearer {key}"}) == 9
