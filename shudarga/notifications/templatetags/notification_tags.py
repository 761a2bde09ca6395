from django import template

from shudarga.notifications.selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """The header's count of the user's unread notifications (one query)."""
    return unread_count(context["request"].user)
