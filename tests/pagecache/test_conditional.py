"""Conditional requests: pages, the API, feeds, calendars and PDFs carry an ETag (and, but for
PDFs, a Last-Modified no earlier than the last change), so a feed reader or a calendar app
asking again is answered 304 Not Modified, until something it shows has changed."""

from __future__ import annotations

import math
import time

import pytest
from django.urls import reverse
from django.utils.http import http_date

from pagecache import middleware, version
from tests.pagecache.surfaces import NEW_TITLE, world
from tests.staff.helpers import item_form_data

pytestmark = pytest.mark.django_db(transaction=True)


def later(monkeypatch, seconds: float = 5) -> None:
    """The clock some seconds after the last change (Last-Modified is left out during the
    second of a change: a copy taken in it could predate a second change in it)."""
    changed = version.current() / 1_000_000
    monkeypatch.setattr(middleware, "_now", lambda: changed + seconds)


def into_the_next_second() -> None:
    """Wait until the second after the last change: the first answers above were given as if
    five seconds had passed, but a real change can only come after a real answer, so it must
    not fall in the same second as the one before (HTTP dates count whole seconds)."""
    time.sleep(max(0.0, math.floor(version.current() / 1_000_000) + 1 - time.time()))


def addresses(meeting, item, document) -> list[str]:
    return [
        meeting.get_absolute_url(),
        item.get_absolute_url(),
        f"/api/meetings/{meeting.pk}/",
        f"/api/items/?meeting={meeting.pk}",
        "/feeds/meetings.rss",
        "/feeds/meetings.atom",
        "/feeds/meetings.ics",
        f"/feeds/meetings/{meeting.pk}.ics",
        "/sitemap.xml",
    ]


def test_readers_asking_again_get_304_until_the_content_changes(
    client, officer_client, monkeypatch
):
    meeting, item, document = world()
    later(monkeypatch)
    urls = addresses(meeting, item, document)
    first = {url: client.get(url) for url in urls}
    for url, response in first.items():
        assert response.status_code == 200, url
        assert response["ETag"] and response["Last-Modified"], url
        assert "no-cache" in response["Cache-Control"], url
        by_tag = client.get(url, headers={"if-none-match": response["ETag"]})
        by_date = client.get(url, headers={"if-modified-since": response["Last-Modified"]})
        assert by_tag.status_code == by_date.status_code == 304, url
        assert by_tag.content == b""

    into_the_next_second()
    data = item_form_data(officer_client, item, title=NEW_TITLE)
    officer_client.post(reverse("staff:item", args=[item.pk]), data)
    later(monkeypatch)
    for url in (
        meeting.get_absolute_url(),
        item.get_absolute_url(),
        f"/api/meetings/{meeting.pk}/",
    ):
        old = first[url]
        by_tag = client.get(url, headers={"if-none-match": old["ETag"]})
        by_date = client.get(url, headers={"if-modified-since": old["Last-Modified"]})
        assert by_tag.status_code == by_date.status_code == 200, url
        assert NEW_TITLE in by_tag.text and by_tag["ETag"] != old["ETag"], url


def test_no_last_modified_within_the_second_of_a_change(client, monkeypatch):
    meeting, _, _ = world()
    changed = version.current() / 1_000_000
    monkeypatch.setattr(middleware, "_now", lambda: changed + 0.0001)
    response = client.get(meeting.get_absolute_url())
    assert "Last-Modified" not in response and response["ETag"]
    stale = client.get(
        meeting.get_absolute_url(), headers={"if-modified-since": http_date(changed + 0.0001)}
    )
    assert stale.status_code == 200


def test_a_pdf_is_answered_304_while_it_is_the_same_file(client, officer_client):
    meeting, _, document = world()
    response = client.get(document.get_pdf_url())
    assert response.status_code == 200 and response["ETag"]
    again = client.get(document.get_pdf_url(), headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304
    officer_client.post(reverse("staff:unpublish", args=[meeting.pk]))
    gone = client.get(document.get_pdf_url(), headers={"if-none-match": response["ETag"]})
    assert gone.status_code == 404
