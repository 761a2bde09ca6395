"""Plan pages: list, create, edit, approve."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    return redirect("web:report_list")  # placeholder until the plan pages exist
