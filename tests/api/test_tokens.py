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
