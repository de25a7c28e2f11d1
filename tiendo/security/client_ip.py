"""The client's address behind TIENDO_PROXY_COUNT reverse proxies, for the login lockout.

Each proxy appends the address it received the request from to ``X-Forwarded-For``; the
last proxy's own address arrives as ``REMOTE_ADDR``. With ``n`` proxies the client is therefore
the ``n``-th entry counted from the right. Entries further left were written by the client
and are never trusted. With no proxy (the default) the header is ignored altogether, so a
client cannot choose the address it is counted under.

A small function rather than django-ipware: its ``proxy_count`` reads the left-most entry by
default — the one a client can forge — and with no proxy configured it still trusts the
header; what we need is these dozen lines, tested in tests/test_client_ip.py.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def _address(text: str) -> str | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [2001:db8::1]:443
        text = text[1:text.index("]")]
    elif text.count(":") == 1:  # 203.0.113.7:51234
        text = text.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None


def client_ip(request, proxy_count: int | None = None) -> str | None:
    """The address the request came from, counting ``proxy_count`` trusted proxies
    (settings.TIENDO_PROXY_COUNT when not given). A header with fewer entries than proxies,
    or a malformed entry where the client should be, falls back to REMOTE_ADDR."""
    n = settings.TIENDO_PROXY_COUNT if proxy_count is None else proxy_count
    remote = _address(request.META.get("REMOTE_ADDR", "") or "")
    if n <= 0:
        return remote
    entries = [e for e in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if e.strip()]
    if len(entries) < n:
        return remote
    return _address(entries[-n]) or remote
