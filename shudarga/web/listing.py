"""What the list pages share: the filters read from the query string, and the query string
the pagination links carry so that every page keeps the filters."""

from __future__ import annotations

from django.http import HttpRequest

from shudarga.plans.reports.selectors import ListFilters


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 10 else None


def list_filters(request: HttpRequest) -> ListFilters:
    """Year, aimag, state and name from ``?year=&aimag=&status=&q=``; anything unreadable is
    no filter."""
    return ListFilters(
        year=_int(request.GET.get("year")),
        aimag=_int(request.GET.get("aimag")),
        status=request.GET.get("status", "")[:20],
        q=request.GET.get("q", "")[:200].strip(),
    )


def query_without_page(request: HttpRequest) -> str:
    """The request's query string without ``page`` (the pagination links add their own)."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
