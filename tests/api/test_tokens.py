"""API tokens: created from the command line, shown once, stored hashed, listed in the admin."""

from __future__ import annotations

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from shudarga.api.models import ApiToken

pytestmark = pytest.mark.django_db


def test_the_command_prints_the_key_once_and_stores_its_hash(officer):
    out, err = StringIO(), StringIO()
    call_command("api_token_create", officer.username, "--name", "Excel", stdout=out, stderr=err)
    key = out.getvalue().strip()
    token = ApiToken.objects.get(user=officer)
    assert token.name == "Excel"
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in token.key_hash
    assert "not be shown again" in err.getvalue()
    response = Client(headers={"Authorization": f"Bearer {key}"}).get("/api/reports")
    assert response.status_code == 200


def test_the_command_refuses_an_unknown_user(db):
    with pytest.raises(CommandError):
        call_command("api_token_create", "nobody", stdout=StringIO())


def test_a_deleted_token_no_longer_works(officer):
    out = StringIO()
    call_command("api_token_create", officer.username, stdout=out, stderr=StringIO())
    ApiToken.objects.all().delete()
    client = Client(headers={"Authorization": f"Bearer {out.getvalue().strip()}"})
    assert client.get("/api/reports").status_code == 401


def test_tokens_are_listed_in_the_admin(admin, officer):
    call_command(
        "api_token_create", officer.username, "--name", "BI", stdout=StringIO(), stderr=StringIO()
    )
    client = Client()
    client.force_login(admin)
    response = client.get("/admin/api/apitoken/")
    assert response.status_code == 200
    assert "BI" in response.content.decode()


def test_the_docs_are_served_without_a_cdn(db):
    response = Client().get("/api/docs")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    assert Client().get("/api/openapi.json").json()["info"]["title"] == "Shudarga API"


def test_a_token_expires(officer, results):
    from datetime import timedelta

    from django.utils import timezone

    from shudarga.api.tokens import token_create

    token, key = token_create(user=officer, days=1)
    client = Client(headers={"Authorization": f"Bearer {key}"})
    assert client.get(f"/api/reports/{results['1.1'].report_id}").status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get(f"/api/reports/{results['1.1'].report_id}")
    assert response.status_code == 401
    assert "unexpired" in response.json()["detail"]


def test_a_read_token_reads_and_is_refused_every_write(officer, head, results):
    from shudarga.api.tokens import token_create

    result = results["1.1"]
    _t, key = token_create(user=officer)  # scope "read" unless asked
    client = Client(headers={"Authorization": f"Bearer {key}"})
    assert client.get(f"/api/reports/{result.report_id}/results").status_code == 200
    response = client.put(
        f"/api/results/{result.pk}",
        {"expected_version": result.version, "achieved": "хийсэн"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response.json()["code"] == "token_read_only"
    result.refresh_from_db()
    assert result.achieved == ""
    _t, write_key = token_create(user=officer, scope="write")
    response = Client(headers={"Authorization": f"Bearer {write_key}"}).put(
        f"/api/results/{result.pk}",
        {"expected_version": result.version, "achieved": "хийсэн"},
        content_type="application/json",
    )
    assert response.status_code == 200


def test_the_command_sets_scope_and_days_within_a_year(officer):
    err = StringIO()
    call_command(
        "api_token_create", officer.username, "--scope", "write", "--days", "30",
        stdout=StringIO(), stderr=err,
    )  # fmt: skip
    token = ApiToken.objects.get(user=officer)
    assert token.scope == "write"
    assert 29 <= (token.expires_at - token.created_at).days <= 30
    assert "Scope write, valid until" in err.getvalue()
    with pytest.raises(CommandError, match="1 to 365"):
        call_command("api_token_create", officer.username, "--days", "400", stdout=StringIO())
