"""RSS and Atom feeds parse with a real feed parser and carry only public records."""

from __future__ import annotations

import feedparser
import pytest

from tests.api.world import PUBLIC_RESOLUTION, assert_no_secrets, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


FEEDS = ["meetings", "papers", "decisions"]


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert_no_secrets(response.content)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return feed


@pytest.mark.parametrize("name", FEEDS)
@pytest.mark.parametrize("format_", ["rss", "atom"])
def test_it_serves_each_feed_site_wide_and_per_committee(client, world, name, format_):
    site = parsed(client, f"/feeds/{name}.{format_}")
    committee = parsed(client, f"/feeds/committees/cabinet/{name}.{format_}")
    assert site.entries, name
    assert [e.link for e in committee.entries] == [e.link for e in site.entries]
    assert "Cabinet" in committee.feed.title


def test_it_lists_upcoming_meetings_only(client, world):
    feed = parsed(client, "/feeds/meetings.rss")
    assert [e.link for e in feed.entries] == [
        f"http://testserver{world.upcoming.get_absolute_url()}"
    ]
    assert "Room A" in feed.entries[0].summary


def test_it_lists_new_papers_with_their_pdf(client, world):
    feed = parsed(client, "/feeds/papers.atom")
    titles = [e.title for e in feed.entries]
    assert len(titles) == 2 and all("Cabinet" in t for t in titles)
    enclosures = [link for e in feed.entries for link in e.links if link.rel == "enclosure"]
    assert {link.type for link in enclosures} == {"application/pdf"}


def test_it_lists_decisions_of_public_items(client, world):
    feed = parsed(client, "/feeds/decisions.rss")
    assert [e.title.split(" (")[0] for e in feed.entries] == ["Fostering Modernisation Plan"]
    assert PUBLIC_RESOLUTION in feed.entries[0].summary


def test_it_has_no_feed_for_a_committee_with_no_published_meeting(client, world):
    from meetings.models import Committee
    from tests.api.world import SECRETS

    hidden = Committee.objects.get(name=SECRETS[9])
    assert client.get(f"/feeds/committees/{hidden.slug}/meetings.rss").status_code == 404
    assert client.get(f"/feeds/committees/{hidden.slug}/meetings.ics").status_code == 404
