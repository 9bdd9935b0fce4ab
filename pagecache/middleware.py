"""The public page cache: what anonymous visitors are sent, kept and sent again.

Only a GET from a visitor who is not signed in is looked up or stored: a request that
carries a session cookie (staff, or anyone signed in), a messages cookie or an
``Authorization`` header, and every address under the staff side, the admin, signing in,
the health check and ``settings.PUBLIC_CACHE_SKIP_PATHS``, passes straight through and is
never stored. The key holds the content version (pagecache/version.py), read from the
database on every request, so any committed write to public content makes every stored
response unreachable at once. It also holds the day (pages list upcoming meetings), the
scheme, host, address with its query, and the ``Accept`` header (the API negotiates on
it).

A response is stored only if it is a 200, not streamed, sets no cookie, is not marked
private, no-store or no-cache, and varies on nothing but ``Accept`` and ``Cookie``; one that
varies on ``Cookie`` is sent again only to visitors without cookies.

Every public 200 gets ``Cache-Control: no-cache`` (browsers and proxies ask again each time)
and a ``Last-Modified`` no earlier than the last change to public content; with the ``ETag``
that ``ConditionalGetMiddleware`` adds (from the stored body's hash) a feed reader or
calendar app that asks again gets ``304 Not Modified``.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_http_date_safe

from pagecache import version as content

log = logging.getLogger(__name__)
NEVER_CACHED = ("/staff/", "/admin/", "/accounts/", "/health/")
# Accept-Encoding is not in the key (nothing here compresses; a client's header would only
# split the cache), so a response that varies on it is not stored.
VARY_ALLOWED = {"accept", "cookie"}
HEADER = "X-Public-Cache"


@dataclass(frozen=True)
class Entry:
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes
    varies_on_cookie: bool


def is_anonymous_public_get(request) -> bool:
    path = request.path_info
    if request.method != "GET" or path.startswith(NEVER_CACHED):
        return False
    if path.startswith(tuple(settings.PUBLIC_CACHE_SKIP_PATHS)):
        return False
    cookies = request.COOKIES
    return not (
        settings.SESSION_COOKIE_NAME in cookies
        or getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies
        or "HTTP_AUTHORIZATION" in request.META
    )


def cache_key(request, version: int) -> str:
    meta = request.META
    parts = "\n".join(
        (
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            meta.get("HTTP_ACCEPT", ""),
        )
    )
    digest = hashlib.sha256(parts.encode()).hexdigest()
    return f"page:{version}:{timezone.localdate().isoformat()}:{digest}"


def _vary(response) -> set[str]:
    return {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}


def _cache_control(response) -> set[str]:
    directives = response.get("Cache-Control", "").split(",")
    return {part.strip().split("=")[0].lower() for part in directives}


def storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds a token of this visitor's
    if _cache_control(response) & {"private", "no-store", "no-cache"}:
        return False
    vary = _vary(response)
    if not vary <= VARY_ALLOWED:
        return False
    return "cookie" not in vary or not request.COOKIES


def _now() -> float:
    return time.time()


def last_modified(version: int, response) -> int | None:
    """Seconds since 1970 for ``Last-Modified``: the later of the last change, local midnight
    and what the view said; None while the second of the last change is not over (a client
    could otherwise hold a copy from before a change made within that same second)."""
    changed = version / 1_000_000
    now = _now()
    if math.floor(now) <= math.floor(changed):
        return None
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    own = parse_http_date_safe(response.get("Last-Modified", "")) or 0
    return max(math.floor(changed), int(midnight.timestamp()), own)


def mark_public(response, version: int) -> None:
    if response.status_code != 200 or "no-store" in _cache_control(response):
        return
    if "Cache-Control" not in response:
        patch_cache_control(response, no_cache=True)
    modified = last_modified(version, response)
    if modified is None:
        del response["Last-Modified"]
    else:
        response["Last-Modified"] = http_date(modified)


def _timeout(request) -> int:
    if request.path_info.startswith(tuple(settings.PUBLIC_CACHE_SHORT_PATHS)):
        return settings.PUBLIC_CACHE_SHORT_SECONDS
    return settings.PUBLIC_CACHE_SECONDS


def _entry(request, response) -> Entry:
    if not response.has_header("ETag"):
        response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
    return Entry(
        status=response.status_code,
        headers=tuple(response.items()),
        content=response.content,
        varies_on_cookie="cookie" in _vary(response),
    )


def _response(entry: Entry) -> HttpResponse:
    response = HttpResponse(entry.content, status=entry.status)
    for name, value in entry.headers:
        response[name] = value
    return response


class PublicCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PUBLIC_CACHE_ENABLED or not is_anonymous_public_get(request):
            return self.get_response(request)
        version = content.current()
        if version is None:  # the version cannot be read: never risk a stale page
            return self.get_response(request)
        cache = caches[settings.PUBLIC_CACHE_ALIAS]
        key = cache_key(request, version)
        entry = self._get(cache, key)
        if entry is not None and (not entry.varies_on_cookie or not request.COOKIES):
            response = _response(entry)
            response[HEADER] = "hit"
        else:
            response = self.get_response(request)
            if storable(request, response):
                self._set(cache, key, _entry(request, response), _timeout(request))
                response[HEADER] = "miss"
        mark_public(response, version)
        return response

    @staticmethod
    def _get(cache, key):
        try:
            return cache.get(key)
        except Exception:  # noqa: BLE001 - a cache that is down must not take the site down
            log.warning("public cache unavailable", exc_info=True)
            return None

    @staticmethod
    def _set(cache, key, entry, timeout) -> None:
        try:
            cache.set(key, entry, timeout)
        except Exception:  # noqa: BLE001
            log.warning("public cache unavailable", exc_info=True)
