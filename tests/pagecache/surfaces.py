"""A published meeting on every public surface, and the checks that what is sent is fresh.

``prime()`` fetches every surface twice as an anonymous visitor (the second must come from
the public cache, so a check after it is not vacuous); ``assert_fresh()`` then fetches each
once more, with the cache, and compares it with the same address rendered afresh (the cache
turned off): the very next anonymous response must be the one the database now gives.
"""

from __future__ import annotations

import datetime as dt
import re

from django.test import override_settings
from django.utils import timezone

from meetings.models import Report, Resolution
from tests import factories

TITLE = "Quillfeather library review"
NEW_TITLE = "Marrowbone library review"
RECOMMENDATION = "That the zanzibarine opening hours be extended on Saturdays."
RESOLUTION = "That the quintessory review of the libraries be noted."
PAGE_TEXT = "The libraries opened for longer hours this year, said the report."


def world(*, published: bool = True):
    day = timezone.localdate() + dt.timedelta(days=20)
    meeting = factories.meeting("Cabinet", date=day, is_published=published)
    item = factories.item(meeting, number="5", title=TITLE, order=5)
    factories.item(meeting, number="1", title="Apologies for absence", order=1)
    Report.objects.create(item=item, title="Report of the Director", recommendation=RECOMMENDATION)
    Resolution.objects.create(item=item, order=1, number="1", text=RESOLUTION)
    document = factories.document(meeting, pages=[PAGE_TEXT, PAGE_TEXT], is_published=published)
    factories.page_range(item, document, 1, 2)
    return meeting, item, document


def surfaces(meeting, item, document) -> list[str]:
    slug, day = meeting.committee.slug, meeting.date
    return [
        "/",
        "/meetings/",
        f"/meetings/calendar/{day.year}/{day.month}/",
        "/committees/",
        f"/committees/{slug}/",
        meeting.get_absolute_url(),
        item.get_absolute_url(),
        document.get_absolute_url(),
        "/decisions/",
        "/search/?q=Quillfeather",
        "/search/?q=Marrowbone",
        "/search/?q=zanzibarine",
        "/api/search?q=Quillfeather",
        "/api/search?q=Marrowbone",
        "/api/search?q=quintessory",
        "/api/meetings/",
        f"/api/meetings/{meeting.pk}/",
        f"/api/items/?meeting={meeting.pk}",
        f"/api/items/{item.pk}/",
        f"/api/resolutions/?item={item.pk}",
        f"/api/documents/{document.pk}/",
        "/feeds/meetings.rss",
        "/feeds/meetings.atom",
        "/feeds/papers.rss",
        "/feeds/decisions.rss",
        f"/feeds/committees/{slug}/meetings.rss",
        "/feeds/meetings.ics",
        f"/feeds/committees/{slug}/meetings.ics",
        f"/feeds/meetings/{meeting.pk}.ics",
        "/sitemap.xml",
    ]


def body(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    text = raw.decode()
    # The moment of rendering, not content: calendars stamp it on every event, and an empty
    # feed gives it as its last update.
    text = re.sub(r"DTSTAMP:\S+", "DTSTAMP:-", text)
    return re.sub(r"<(updated|lastBuildDate)>[^<]*</\1>", r"<\1/>", text)


def prime(client, urls) -> None:
    for url in urls:
        client.get(url)
        again = client.get(url)
        if again.status_code == 200:
            assert again["X-Public-Cache"] == "hit", url


def rendered_afresh(client, url) -> tuple[int, str]:
    with override_settings(PUBLIC_CACHE_ENABLED=False):
        response = client.get(url)
    return response.status_code, body(response)


def assert_fresh(client, urls) -> dict[str, str]:
    """Every surface's next anonymous response is what the database gives now; returns them."""
    sent = {}
    for url in urls:
        response = client.get(url)
        sent[url] = body(response)
        assert (response.status_code, sent[url]) == rendered_afresh(client, url), url
    return sent
