"""Security plumbing that Django's settings alone cannot express.

- ``client_ip``: the address login attempts are counted against (django-axes). Behind
  ``TRUSTED_PROXY_COUNT`` reverse proxies it is the address the outermost proxy saw, taken
  from ``X-Forwarded-For``; otherwise the connection's own address, so a visitor cannot
  choose their own address by sending the header.
- ``lockout_response``: the page a clerk sees when signing in is paused.
- ``framed_by_portal``: a view decorator for the one response the portal frames itself.
- ``StaffNoStoreMiddleware``: nothing from the staff side, the admin or signing in and out
  is kept by a browser's or a proxy's cache (drafts, withheld pages, the audit log).
"""

from __future__ import annotations

import ipaddress
import math

from axes.helpers import get_client_username
from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.csp import CSP
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote
    return _address(hops[-proxies]) or remote


def lockout_response(request, original_response=None, credentials=None):
    """Too many failed sign-ins for this username from this address: say what to do next."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60),
        "username": get_client_username(request, credentials) or "",
    }
    return render(request, "registration/locked_out.html", context, status=429)


def framed_by_portal(view):
    """Let the portal's own pages show this view's response in a frame (the staff PDF shown
    beside the agenda): ``X-Frame-Options: SAMEORIGIN`` and ``frame-ancestors 'self'``, where
    every other response keeps ``DENY`` and ``frame-ancestors 'none'``."""
    policy = {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}
    return xframe_options_sameorigin(csp_override(policy)(view))


# Where every response is private to the person signed in: the staff pages, the admin, and
# signing in and out (django.contrib.auth's pages under /accounts/).
STAFF_PATHS = ("/staff/", "/admin/", "/accounts/")


class StaffNoStoreMiddleware:
    """``Cache-Control: no-store`` (and private, no-cache) on every staff-side response,
    whatever the view or error page made it, so no cache keeps a copy of a draft."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(STAFF_PATHS):
            if "no-store" in response.get("Cache-Control", ""):
                patch_cache_control(response, private=True)  # as the view chose, kept private
            else:
                add_never_cache_headers(response)
        return response
