"""What the council printed in its public minutes is public, exempt items included.

Minute 95 of the Dorset Cabinet, 4 October 2017 ("Residential Homes - Children's Services",
exempt under Schedule 12A) is printed in the council's public minutes with its resolution:
the public item page, the API, the decisions register, search and the export show it. The
exempt report inside the People and Health pack stays withheld everywhere (the leak crawl
plants secrets in it: tests/security/test_leak_crawl.py); here its pages are checked as the
public receives them.
"""

from __future__ import annotations

import io
import json
import re

import pypdfium2 as pdfium
import pytest

from documents.models import Page
from meetings.models import AgendaItem
from tests.staff.public_surfaces import squash

pytestmark = pytest.mark.django_db

PRINTED = "That the recommendation at paragraph 4.1"


def raw(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def body(response) -> str:
    return raw(response).decode()


@pytest.fixture
def minute_95(world):
    item = AgendaItem.objects.get(meeting__date="2017-10-04", minute_number="95")
    assert item.exempt and not item.minute_withheld
    assert "Residential Homes" in item.title
    [resolution] = item.resolutions.all()
    assert resolution.text.startswith(PRINTED)
    return item


def test_item_95_shows_its_printed_resolution_on_its_public_page(client, minute_95):
    response = client.get(minute_95.get_absolute_url())
    assert response.status_code == 200
    page = squash(body(response))
    assert "Not for publication" in page
    assert PRINTED in page
    assert "Residential Homes" in page


def test_item_95_shows_its_printed_resolution_in_the_api(client, minute_95):
    shown = client.get(f"/api/items/{minute_95.pk}/").json()
    assert shown["exempt"] is True and shown["exempt_paragraph"] == minute_95.exempt_paragraph
    assert [r["text"][: len(PRINTED)] for r in shown["resolutions"]] == [PRINTED]
    meeting = client.get(f"/api/meetings/{minute_95.meeting_id}/").json()
    [listed] = [i for i in meeting["items"] if i.get("minute_number") == "95"]
    assert listed["resolutions"][0]["text"].startswith(PRINTED)
    day = minute_95.meeting.date.isoformat()
    decisions = client.get(f"/api/resolutions/?date_from={day}&date_to={day}&page_size=100")
    assert any(r["text"].startswith(PRINTED) for r in decisions.json()["results"])


def test_item_95_shows_its_printed_resolution_in_the_export(client, minute_95):
    export = json.loads(body(client.get("/open-data/export.json")))
    [meeting] = [m for m in export["meetings"] if m["id"] == str(minute_95.meeting_id)]
    [item] = [i for i in meeting["items"] if i["minute_number"] == "95"]
    assert item["exempt"] is True
    assert item["resolutions"][0]["text"].startswith(PRINTED)
    assert item["report"] is None


def test_item_95_is_found_by_searching_its_resolution(client, minute_95):
    text = minute_95.resolutions.get().text
    words = " ".join(re.findall(r"[A-Za-z]{7,}", text)[:3])
    found = client.get("/api/search", {"q": words, "type": "resolution", "page_size": 100})
    urls = [r["url"] for r in found.json()["results"]]
    assert f"{minute_95.get_absolute_url()}#minute" in urls


def test_the_exempt_report_in_the_dorset_pack_stays_withheld(client, world):
    item = AgendaItem.objects.get(meeting__date="2021-09-02", number="7")
    assert item.exempt  # the world marks its report exempt and plants secrets in it
    [span] = item.page_ranges.filter(holds_paper=True)
    pack = span.document
    withheld = set(range(span.start, span.end + 1))
    texts = {p.number: squash(p.text) for p in Page.objects.filter(document=pack)}
    api = client.get(f"/api/documents/{pack.pk}/").json()["pages"]
    assert {p["number"] for p in api if p["withheld"]} >= withheld
    assert all(p["text"] is None for p in api if p["number"] in withheld)
    served = pdfium.PdfDocument(io.BytesIO(raw(client.get(pack.get_pdf_url()))))
    all_withheld = Page.objects.withheld().filter(document=pack).count()
    assert all_withheld >= len(withheld)
    assert len(served) == pack.page_count - all_withheld
    page = squash(body(client.get(item.get_absolute_url())))
    export = body(client.get("/open-data/export.json"))
    for number in withheld:
        words = texts[number][20:80]
        assert words and words not in page and words not in squash(export)
