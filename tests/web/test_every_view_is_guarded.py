"""Every page of the workspace asks for a login: walk the URL configuration, so a view added
later without a guard fails here, not in production."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

# Pages a visitor may open without logging in.
PUBLIC = {
    "web:home",
    "login",
    "logout",
    "accounts:language",
    "accounts:language_link",
    "healthz",
}  # healthz: tests/ops
# Resetting a forgotten password is for people who cannot log in (tests/accounts).
PUBLIC |= {f"accounts:password_reset{step}" for step in ("", "_done", "_confirm", "_complete")}
# Namespaces that check their own credentials: the JSON API answers 401/404 to a visitor
# without a token instead of sending them to log in (tested in tests/api/).
# The portal (/open/) is public: it shows published reports only (tested in tests/portal/).
PUBLIC_NAMESPACES = {"api", "portal"}


def named_patterns(
    resolver: URLResolver | None = None, namespace: str = ""
) -> list[tuple[str, str]]:
    """(name, route) of every named URL below the admin-free part of the configuration."""
    out = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            out += named_patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            out.append((f"{namespace}{entry.name}", str(entry.pattern)))
    return out


def sample_url(name: str, route: str) -> str:
    """The URL with made-up arguments: 1 for numbers, a plausible word for the rest."""
    kwargs = {}
    for converter, arg in re.findall(r"<(?:(\w+):)?(\w+)>", route):
        kwargs[arg] = 1 if converter == "int" else {"fmt": "docx", "period": "annual"}.get(arg, "x")
    return reverse(name, kwargs=kwargs)


def is_public(name: str) -> bool:
    return name in PUBLIC or name.partition(":")[0] in PUBLIC_NAMESPACES


@pytest.mark.parametrize(("name", "route"), [p for p in named_patterns() if not is_public(p[0])])
def test_an_anonymous_visitor_is_sent_to_log_in(name, route):
    url = sample_url(name, route)
    for method in ("get", "post"):
        response = getattr(Client(), method)(url)
        assert response.status_code in (302, 405), (method, url, response.status_code)
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("login")), (method, url)


def test_the_walk_finds_the_workspace_pages_and_leaves_out_only_the_public_ones():
    names = {name for name, _ in named_patterns()}
    assert {
        "web:plan_list",
        "web:report_edit",
        "web:evidence_download",
        "web:report_download",
        "web:review_inbox",
        "web:dashboard",
    } <= names
    assert {n for n in names if is_public(n)} >= {"web:home", "login", "portal:home"}
