"""Logins, failed logins and logouts are recorded with when, who and from where; the password
tried never is."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from shudarga.audit.client import client_ip
from shudarga.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

BROWSER = {"REMOTE_ADDR": "203.0.113.7", "HTTP_USER_AGENT": "Mozilla/5.0 (X11) " + "x" * 400}


@pytest.fixture
def person(django_user_model):
    return django_user_model.objects.create_user(username="oyun", password="зөв-нууц-үг-42")


def test_a_login_is_recorded_with_the_address_and_the_browser(person):
    response = Client().post(
        reverse("login"), {"username": "oyun", "password": "зөв-нууц-үг-42"}, **BROWSER
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get()
    assert (event.kind, event.user, event.username) == (AuditEvent.Kind.LOGIN, person, "oyun")
    assert event.ip == "203.0.113.7"
    assert event.user_agent.startswith("Mozilla/5.0 (X11) x") and len(event.user_agent) == 300


def test_a_failed_login_keeps_the_name_tried_truncated_and_never_the_password(person):
    tried = "oyun" + "я" * 200
    response = Client().post(
        reverse("login"), {"username": tried, "password": "буруу-нууц-үг"}, **BROWSER
    )
    assert response.status_code == 200
    event = AuditEvent.objects.get()
    assert (event.kind, event.user) == (AuditEvent.Kind.LOGIN_FAILED, None)
    assert event.username == tried[:150]
    assert event.ip == "203.0.113.7"
    stored = " ".join(str(v) for v in AuditEvent.objects.values().get().values())
    assert "буруу" not in stored and "*****" not in stored


def test_a_wrong_password_for_a_real_name_is_a_failed_login_of_nobody(person):
    Client().post(reverse("login"), {"username": "oyun", "password": "буруу"}, **BROWSER)
    assert AuditEvent.objects.get().kind == AuditEvent.Kind.LOGIN_FAILED
    assert AuditEvent.objects.get().user is None


def test_a_signed_in_user_failing_another_login_is_not_named_as_the_one_who_failed(person):
    client = Client()
    client.force_login(person)
    client.post(reverse("admin:login"), {"username": "ariunaa", "password": "x"}, **BROWSER)
    failed = AuditEvent.objects.get(kind=AuditEvent.Kind.LOGIN_FAILED)
    assert (failed.user, failed.username) == (None, "ariunaa")


def test_a_logout_is_recorded_and_a_logout_of_nobody_is_not(person):
    client = Client()
    client.post(reverse("login"), {"username": "oyun", "password": "зөв-нууц-үг-42"}, **BROWSER)
    client.post(reverse("logout"), **BROWSER)
    client.post(reverse("logout"), **BROWSER)
    kinds = list(AuditEvent.objects.order_by("id").values_list("kind", "username"))
    assert kinds == [(AuditEvent.Kind.LOGIN, "oyun"), (AuditEvent.Kind.LOGOUT, "oyun")]


# --- where from ---------------------------------------------------------------------------


def request_from(remote: str = "10.0.0.2", forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_a_trusted_proxy_a_forwarded_header_is_the_clients_word_and_ignored(settings):
    settings.AUDIT_TRUSTED_PROXIES = 0
    assert client_ip(request_from(forwarded="198.51.100.1")) == "10.0.0.2"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "198.51.100.9", "198.51.100.9"),  # one proxy that overwrites the header
        (1, "6.6.6.6, 198.51.100.9", "198.51.100.9"),  # the client's own entry comes first
        (2, "6.6.6.6, 198.51.100.9, 10.0.0.1", "198.51.100.9"),
        (1, "2001:db8::1", "2001:db8::1"),
        (2, "198.51.100.9", None),  # fewer entries than proxies: it went round them
        (1, "not-an-address", None),
        (1, "", None),
    ],
)
def test_behind_trusted_proxies_the_address_the_outermost_one_saw(
    settings, proxies, forwarded, expected
):
    settings.AUDIT_TRUSTED_PROXIES = proxies
    assert client_ip(request_from(forwarded=forwarded)) == expected


def test_a_login_behind_a_trusted_proxy_records_the_forwarded_address(settings, person):
    settings.AUDIT_TRUSTED_PROXIES = 1
    Client().post(
        reverse("login"),
        {"username": "oyun", "password": "зөв-нууц-үг-42"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.20",
    )
    assert AuditEvent.objects.get().ip == "198.51.100.20"
