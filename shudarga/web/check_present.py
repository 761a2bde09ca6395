"""The integrity checks (docs/checks.md) as the pages show them, in the page's language."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language

from shudarga.documents.checks import MeasureCheck
from shudarga.documents.messages import message
from shudarga.documents.model import Period, Scale
from shudarga.plans.analytics.checks import measure_check
from shudarga.plans.models import MeasureResult


def page_language() -> str:
    return "en" if (get_language() or "").startswith("en") else "mn"


def check_shown(check: MeasureCheck, lang: str) -> dict[str, Any]:
    """Verdict code and label, the deciding sentences, the flags' codes and messages."""
    return {
        **check.to_dict(lang),
        "label": message(f"check_verdict_{check.verdict.value}", lang),
    }


def checks_shown(checks: dict[int, MeasureCheck]) -> dict[int, dict[str, Any]]:
    lang = page_language()
    return {key: check_shown(check, lang) for key, check in checks.items()}


def flags_shown(counts: dict[str, int]) -> list[dict[str, Any]]:
    """The flags a report has, as (code, name, count), in the order of FLAG_CODES."""
    lang = page_language()
    return [
        {"code": code, "name": message(f"check_flag_{code}", lang), "count": n}
        for code, n in counts.items()
        if n
    ]


def measure_hint(result: MeasureResult, scale: Scale, period: str) -> dict[str, Any] | None:
    """What the checks say of a measure being filled in, when they flag something."""
    check = measure_check(result=result, scale=scale, period=Period(period))
    return check_shown(check, page_language()) if check.flags else None
