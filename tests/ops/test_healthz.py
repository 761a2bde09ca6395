"""/healthz: 200 JSON when the database answers and every migration is applied, 503 saying
what failed otherwise; no login, a few queries."""

from __future__ import annotations

import pytest
from django.db import OperationalError
from django.test import Client

from shudarga import health

pytestmark = pytest.mark.django_db


def test_it_is_ok_without_a_login_in_a_few_queries(django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = Client().get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok", "migrations": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_it_is_503_when_a_migration_of_the_code_is_not_applied(monkeypatch):
    shipped = health._shipped_migrations()
    monkeypatch.setattr(health, "_shipped_migrations", lambda: shipped | {("plans", "9999_next")})
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "fail",
        "database": "ok",
        "migrations": "1 not applied: plans.9999_next",
    }


def test_it_is_503_when_the_database_does_not_answer(monkeypatch):
    def refuse() -> str:
        raise OperationalError("connection refused by db.internal:5432 for user shudarga")

    monkeypatch.setattr(health, "_database", refuse)
    response = Client().get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body == {
        "status": "fail",
        "database": "unreachable (OperationalError)",
        "migrations": "unknown",
    }
    assert "db.internal" not in response.content.decode()  # the log has it, not the public


def test_it_answers_over_plain_http_where_everything_else_redirects_to_https(settings):
    # What production sets with SHUDARGA_HTTPS (the exemption is production's own setting).
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    client = Client()
    assert client.get("/healthz").status_code == 200
    assert client.get("/login/").status_code == 301
    assert client.get("/login/", headers={"X-Forwarded-Proto": "https"}).status_code == 200
