"""Checks shown while a plan is written: a vague target (docs/checks.md) is hinted before
approval, when it can still be given a number."""

from __future__ import annotations

from django import template

from shudarga.documents.checks.results import Flag
from shudarga.documents.checks.targets import parse_target
from shudarga.web.check_present import page_language

register = template.Library()


@register.filter
def target_vague_hint(measure) -> str:
    """The target_vague message of a planned measure, or "" when its target has a number."""
    written = (measure.target or "").strip() or (measure.indicator or "").strip()
    if written and not parse_target(measure.target, measure.indicator).vague:
        return ""
    flag = Flag("target_vague", measure.number, {"target": written}, "" if written else "missing")
    return flag.message(page_language())
