"""Where a request came from: the client's IP address and its user agent, as an audit row
keeps them."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

USER_AGENT_MAX = 300


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, or behind ``AUDIT_TRUSTED_PROXIES`` reverse proxies the address the
    outermost of them saw.

    Each proxy appends the address it received from to X-Forwarded-For, so the client's own
    entries come first and cannot be trusted: with N trusted proxies the client is the N-th
    entry from the right (with one proxy that overwrites the header, its only entry). Fewer
    entries (a request that went round the proxy) or an entry that is no address: None.
    """
    proxies = settings.AUDIT_TRUSTED_PROXIES
    if proxies <= 0:
        return _address(request.META.get("REMOTE_ADDR", ""))
    entries = [e for e in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if e.strip()]
    if len(entries) < proxies:
        return None
    return _address(entries[-proxies])


def client_user_agent(request: HttpRequest) -> str:
    return request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX]
