"""The portal's own 404 and 500 pages while DEBUG is on, for ``manage.py demo``.

With DEBUG on, Django answers a missing page or an error with its debug pages (URL patterns,
tracebacks, settings), which is right for a developer and wrong for someone trying the
portal out. ``PORTAL_OWN_ERROR_PAGES=1`` (the demo sets it) puts this middleware in place, so
those answers are the pages the public would get. With DEBUG off it is never needed: Django
uses the portal's handlers (portal.urls) itself.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404

from portal.views import page_not_found, server_error

logger = logging.getLogger("django.request")
_DEBUG_PAGE = b"DEBUG = True"  # what Django's debug 404 page says about itself


class OwnErrorPagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 404
            and response.get("Content-Type", "").startswith("text/html")
            and not response.streaming
            and _DEBUG_PAGE in response.content
        ):
            return page_not_found(request, None)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        if isinstance(exception, PermissionDenied | SuspiciousOperation):
            return None  # Django's own handling (403, 400) is already the portal's pages
        logger.error("Error at %s", request.path, exc_info=exception)
        return server_error(request)
