"""The start page: what Shudarga is for a visitor, the way to one's plans for a user."""

from __future__ import annotations

import os

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from shudarga.demo import DEMO_ADMIN, DEMO_MEMBERS, DEMO_REVIEWERS


def demo_logins() -> list[tuple[str, str, str]]:
    """The demo's logins, shown only when the demo script started the server."""
    if os.environ.get("SHUDARGA_DEMO") != "1":
        return []
    return (
        [(u, p, r) for u, p, r, _ in DEMO_MEMBERS]
        + [(u, p, "reviewer") for u, p, *_ in DEMO_REVIEWERS]
        + [(*DEMO_ADMIN, "admin")]
    )


def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("web:plan_list")
    return render(request, "web/home.html", {"demo_logins": demo_logins()})
