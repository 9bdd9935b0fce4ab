"""/api/ lists every endpoint: as JSON (name and URL) and, in a browser, a line each."""

from __future__ import annotations

from django.utils.html import escape
from rest_framework.test import APIClient

from portal.api.root import endpoints
from portal.api.urls import router


def test_the_json_root_names_every_endpoint_including_search_and_docs(db):
    body = APIClient().get("/api/", HTTP_ACCEPT="application/json").json()

    assert set(body) >= {prefix for prefix, _, _ in router.registry}
    assert body["search"].endswith("/api/search?q=council") and body["docs"].endswith("/api/docs")
    for url in body.values():  # every one answers
        assert APIClient().get(url).status_code == 200, url


def test_a_browser_gets_a_page_with_a_line_for_each_endpoint(client, db):
    page = client.get("/api/", HTTP_ACCEPT="text/html,application/xhtml+xml").content.decode()

    assert "<h1>Open data API</h1>" in page
    rows = endpoints(router)
    assert len(rows) == len(router.registry) + 4
    for name, url, text in rows:
        assert text, f"{name} has no description"
        assert escape(text) in page and f"{url}</a>" in page, name
