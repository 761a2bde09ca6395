"""``{% reviews_something as flag %}``: whether the header shows the Dashboard link."""

from __future__ import annotations

from django import template

from shudarga.access import reviews_something as user_reviews_something

register = template.Library()


@register.simple_tag(takes_context=True)
def reviews_something(context) -> bool:
    """Staff, or a reviewer of some node (one query, remembered for the request)."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if user is None or not user.is_authenticated:
        return False
    cached = getattr(request, "_reviews_something", None)
    if cached is None:
        cached = user_reviews_something(user)
        if request is not None:
            request._reviews_something = cached
    return cached
