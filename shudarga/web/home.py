"""The start page: what Shudarga is for a visitor; for a signed-in user, what needs their
action now (plans.analytics.todo), instead of landing everyone on the plan list."""

from __future__ import annotations

import os

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from shudarga.demo import DEMO_ADMIN, DEMO_MEMBERS, DEMO_REVIEWERS
from shudarga.plans.analytics.todo import todo_for


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
        todo = todo_for(user=request.user, today=timezone.localdate())
        return render(request, "web/todo.html", {"todo": todo})
    return render(request, "web/home.html", {"demo_logins": demo_logins()})
