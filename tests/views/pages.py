"""Reading a page as a user would: its title, headings, links and visible text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext


class _Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.title, self.headings, self.links, self._open = "", [], [], None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "title" or re.fullmatch(r"h[1-6]", tag):
            self._open, self._text = tag, []
        if tag == "a":
            self.links.append(dict(attrs).get("href", ""))

    def handle_endtag(self, tag):
        if tag == self._open:
            text = " ".join("".join(self._text).split())
            if tag == "title":
                self.title = text
            else:
                self.headings.append((int(tag[1]), text))
            self._open = None

    def handle_data(self, data):
        if self._open:
            self._text.append(data)


def outline(response) -> _Outline:
    parser = _Outline()
    parser.feed(response.content.decode())
    return parser


def assert_well_formed(response, title_contains: str) -> _Outline:
    """One h1, headings that never skip a level, and a page title that says where you are."""
    assert response.status_code == 200
    page = outline(response)
    assert title_contains in page.title, page.title
    assert page.title.endswith("Example Council"), page.title
    levels = [level for level, _ in page.headings]
    assert levels.count(1) == 1 and levels[0] == 1, page.headings
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"heading skips from h{before} to h{after}: {page.headings}"
    return page


def queries_for(client, url) -> int:
    """The queries of rendering the page (a page sent again from the public cache makes none)."""
    with (
        override_settings(PUBLIC_CACHE_ENABLED=False),
        CaptureQueriesContext(connection) as captured,
    ):
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)
