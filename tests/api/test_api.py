"""The open-data JSON API: everything public, paginated and filterable, nothing exempt."""

from __future__ import annotations

import pytest

from meetings.models import Report, Resolution
from tests import factories
from tests.api.world import PUBLIC_PAGE_TEXT, PUBLIC_RESOLUTION, assert_no_secrets, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


LISTS = ["committees", "meetings", "items", "documents", "resolutions", "people"]


def crawl(client, url, seen, limit=200):
    """Fetch url and every API link in it, breadth first, returning all bodies."""
    bodies, queue = [], [url]
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url, HTTP_ACCEPT="application/json")
        assert response.status_code == 200, url
        bodies.append(response.content.decode())
        for link in _links(response.json()):
            if link.startswith("http://testserver/api/") and link not in seen:
                queue.append(link.removeprefix("http://testserver"))
    return bodies


def _links(data):
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("url", "meeting", "item", "next") and isinstance(value, str):
                yield value
            else:
                yield from _links(value)
    elif isinstance(data, list):
        for value in data:
            yield from _links(value)


def test_it_serves_every_public_record_and_no_secret_anywhere(client, world):
    seen: set[str] = set()
    bodies = []
    for name in LISTS:
        bodies += crawl(client, f"/api/{name}/", seen)
    everything = "\n".join(bodies)
    assert_no_secrets(everything)
    assert PUBLIC_RESOLUTION in everything
    assert PUBLIC_PAGE_TEXT in everything
    assert "Cllr Jane Public" in everything
    assert f"/api/documents/{world.paper.pk}/" in seen


def test_it_shows_an_exempt_item_only_by_number_title_and_paragraph(client, world):
    response = client.get(f"/api/meetings/{world.meeting.pk}/")
    items = response.json()["items"]
    exempt = next(i for i in items if i["title"] == "Purchase of land at Example Farm")
    assert exempt == {
        "number": "9",
        "title": "Purchase of land at Example Farm",
        "exempt": True,
        "exempt_paragraph": 3,
    }
    # Its part ("9a. Valuation appendix") is withheld business: not listed on its own, and at
    # its own address it shows the exempt item's number and title.
    assert items.count(exempt) == 1
    assert "Valuation appendix" not in response.content.decode()
    assert "Valuation appendix" not in client.get("/api/items/?page_size=200").content.decode()
    part = world.exempt_item.sub_items.get()
    assert client.get(f"/api/items/{part.pk}/").json() == exempt
    assert client.get(f"/api/items/{world.exempt_item.pk}/").json()["exempt"] is True


def test_it_shows_the_minute_the_council_printed_for_an_exempt_item(client, world):
    """Exempt (Schedule 12A) withholds the report, not what the public minutes printed."""
    printed = factories.item(
        world.meeting,
        "Residential homes",
        number="10",
        minute_number="10",
        exempt=True,
        exempt_paragraph=3,
        narrative="The Cabinet considered the exempt report.",
    )
    Resolution.objects.create(item=printed, order=1, number="1", text="PRINTED-EXEMPT-RESOLVED")
    Report.objects.create(item=printed, recommendation="MARKER-exempt-report-recommendation")

    shown = client.get(f"/api/items/{printed.pk}/").json()
    assert shown["exempt"] is True and shown["exempt_paragraph"] == 3
    assert shown["narrative"] == "The Cabinet considered the exempt report."
    assert shown["resolutions"] == [{"number": "1", "text": "PRINTED-EXEMPT-RESOLVED"}]
    meeting = client.get(f"/api/meetings/{world.meeting.pk}/").content.decode()
    decisions = client.get("/api/resolutions/?page_size=200").content.decode()
    for body in (meeting, decisions):
        assert "PRINTED-EXEMPT-RESOLVED" in body
        assert "MARKER-exempt-report-recommendation" not in body
        assert_no_secrets(body)


def test_it_gives_a_paper_its_pages_text_but_withholds_exempt_pages(client, world):
    pages = client.get(f"/api/documents/{world.paper.pk}/").json()["pages"]
    assert pages == [
        {"number": 1, "withheld": False, "text": PUBLIC_PAGE_TEXT},
        {"number": 2, "withheld": True, "text": None},
    ]


def test_it_hides_unpublished_superseded_and_exempt_papers(client, world):
    listed = client.get("/api/documents/?page_size=200").json()
    titles = sorted(d["title"] for d in listed["results"])
    assert titles == ["Agenda reports pack", "Minutes"]
    assert listed["count"] == 2


def test_it_does_not_find_an_unpublished_meeting_even_by_id(client, world):
    from meetings.models import Meeting

    hidden = Meeting.objects.get(is_published=False)
    assert client.get(f"/api/meetings/{hidden.pk}/").status_code == 404
    assert client.get("/api/meetings/").json()["count"] == 2


def test_it_filters_meetings_by_committee_date_range_and_updated_since(client, world):
    one_day = world.meeting.date.isoformat()
    response = client.get(f"/api/meetings/?committee=cabinet&date_from={one_day}&date_to={one_day}")
    assert [m["id"] for m in response.json()["results"]] == [world.meeting.pk]
    assert client.get("/api/meetings/?committee=planning").json()["count"] == 0
    future = "2999-01-01T00:00:00Z"
    assert client.get(f"/api/meetings/?updated_since={future}").json()["count"] == 0
    assert client.get("/api/meetings/?updated_since=2000-01-01T00:00:00Z").json()["count"] == 2
    assert client.get("/api/meetings/?date_from=not-a-date").status_code == 400


def test_it_paginates_with_a_next_link(client, world):
    first = client.get("/api/items/?page_size=1").json()
    # The public item and the exempt one; the exempt item's part is not listed on its own.
    assert first["count"] == 2 and len(first["results"]) == 1
    assert "page=2" in first["next"]


def test_it_serves_an_openapi_schema_and_browsable_docs(client, world):
    schema = client.get("/api/schema", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    data = schema.json()
    assert {"/api/meetings/", "/api/documents/{id}/", "/api/resolutions/"} <= set(data["paths"])
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and b"swagger" in docs.content.lower()
    browsable = client.get("/api/meetings/", HTTP_ACCEPT="text/html")
    assert browsable.status_code == 200 and b"Cabinet" in browsable.content
    assert_no_secrets(browsable.content)
