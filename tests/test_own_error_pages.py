"""With DEBUG on (the demo), PORTAL_OWN_ERROR_PAGES shows the portal's 404 and 500 pages
instead of Django's debug pages, which list the site's URL patterns and settings."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import path

from portal.urls import urlpatterns as portal_patterns


def _broken(request):
    raise RuntimeError("a bug")


urlpatterns = [path("broken/", _broken), *portal_patterns]
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
WITH_OWN_PAGES = ["portal.errors.OwnErrorPagesMiddleware", *settings.MIDDLEWARE]


@pytest.mark.django_db
@pytest.mark.parametrize("own_pages", [False, True])
def test_missing_pages_and_errors_under_debug(client, own_pages):
    middleware = WITH_OWN_PAGES if own_pages else settings.MIDDLEWARE
    client.raise_request_exception = False
    with override_settings(DEBUG=True, MIDDLEWARE=middleware, ROOT_URLCONF=__name__):
        missing = client.get("/no-such-page/")
        view_404 = client.get("/meetings/cabinet/1999-01-01/")
        error = client.get("/broken/")
    assert missing.status_code == view_404.status_code == 404 and error.status_code == 500
    for response in (missing, view_404):
        body = response.content.decode()
        assert ("<h1>Page not found</h1>" in body) is own_pages
        assert ("DEBUG = True" in body) is not own_pages
    assert ("Traceback" in error.content.decode()) is not own_pages
