"""Template filters of the plan pages."""

from __future__ import annotations

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def amount(value: Decimal | None) -> str:
    """Thousand MNT as Mongolian documents write it: "1200,5", "840", "" for none."""
    return amount_text(value)


def amount_text(value: Decimal | None) -> str:
    if value is None:
        return ""
    value = Decimal(value)
    whole = value == value.to_integral_value()
    value = value.quantize(Decimal(1)) if whole else value.normalize()
    return format(value, "f").replace(".", ",")
