"""After a publish, a correction, an unpublish or an exempt marking, made by staff on the
staff pages and committed, the very next anonymous response of every public surface (pages,
API, feeds, calendars, the sitemap, search) shows the change, though each was just served
from the public cache."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.pagecache.surfaces import (
    NEW_TITLE,
    RECOMMENDATION,
    TITLE,
    assert_fresh,
    prime,
    surfaces,
    world,
)
from tests.staff.helpers import item_form_data

pytestmark = pytest.mark.django_db(transaction=True)

SHOWING_THE_TITLE = (
    "meeting",
    "item",
    "/api/meetings/{meeting}/",
    "/api/items/{item}/",
    "/api/items/?meeting={meeting}",
)


def places(meeting, item) -> list[str]:
    named = {"meeting": meeting.get_absolute_url(), "item": item.get_absolute_url()}
    return [named.get(p) or p.format(meeting=meeting.pk, item=item.pk) for p in SHOWING_THE_TITLE]


def test_a_corrected_title_is_everywhere_at_once(client, officer_client):
    meeting, item, document = world()
    urls = surfaces(meeting, item, document)
    prime(client, urls)
    assert NEW_TITLE not in client.get("/api/search?q=Marrowbone").text

    data = item_form_data(officer_client, item, title=NEW_TITLE)
    assert officer_client.post(reverse("staff:item", args=[item.pk]), data).status_code == 302

    sent = assert_fresh(client, urls)
    for url in places(meeting, item):
        assert NEW_TITLE in sent[url] and TITLE not in sent[url], url
    assert NEW_TITLE in sent["/search/?q=Marrowbone"]
    assert NEW_TITLE in sent["/api/search?q=Marrowbone"]
    assert TITLE not in sent["/api/search?q=Quillfeather"]


def test_publishing_and_unpublishing_show_and_hide_the_meeting_at_once(client, officer_client):
    meeting, item, document = world(published=False)
    urls = surfaces(meeting, item, document)
    prime(client, urls)
    assert client.get(meeting.get_absolute_url()).status_code == 404

    officer_client.post(reverse("staff:publish", args=[meeting.pk]))
    sent = assert_fresh(client, urls)
    for url in places(meeting, item):
        assert TITLE in sent[url], url
    assert meeting.get_absolute_url() in sent["/sitemap.xml"]
    assert f"meeting-{meeting.pk}@" in sent["/feeds/meetings.ics"]
    assert TITLE in sent["/api/search?q=Quillfeather"]
    assert meeting.get_absolute_url() in sent["/feeds/meetings.rss"]

    prime(client, urls)
    officer_client.post(reverse("staff:unpublish", args=[meeting.pk]))
    sent = assert_fresh(client, urls)
    assert client.get(meeting.get_absolute_url()).status_code == 404
    for url, text in sent.items():
        assert TITLE not in text and meeting.get_absolute_url() not in text, url
    assert f"meeting-{meeting.pk}@" not in sent["/feeds/meetings.ics"]


def test_an_item_marked_exempt_is_withheld_at_once(client, officer_client):
    meeting, item, document = world()
    urls = surfaces(meeting, item, document)
    prime(client, urls)
    assert RECOMMENDATION in client.get(item.get_absolute_url()).text

    data = item_form_data(officer_client, item, exempt=True, exempt_paragraph="3")
    assert officer_client.post(reverse("staff:item", args=[item.pk]), data).status_code == 302

    sent = assert_fresh(client, urls)
    for url, text in sent.items():
        assert "zanzibarine opening hours" not in text, url
        assert "opened for longer hours" not in text, url
    assert "Not for publication" in sent[item.get_absolute_url()]
