"""The search page groups an item's hits under it: a phrase in both the item's report and its
minute finds the item once, with the page of the report and the minute's decision below."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse

from documents.search.results import mark
from meetings.models import Resolution
from tests import factories

PHRASE = "quiet lane scheme"


def test_a_phrase_in_the_report_and_the_minute_finds_the_item_once_with_both(client, db):
    meeting = factories.meeting("Cabinet", dt.date(2017, 10, 4))
    item = factories.item(meeting, number="7", title="Highways programme")
    factories.item(meeting, number="8", title="Library opening hours")
    pack = factories.document(
        meeting,
        pages=["Front sheet", f"Report: the {PHRASE} would cover twelve villages."],
    )
    factories.page_range(item, pack, 2, 2)
    Resolution.objects.create(item=item, order=1, number="1", text=f"That the {PHRASE} be done.")

    page = client.get(reverse("search"), {"q": f'"{PHRASE}"'}).content.decode()

    entries = re.findall(r'<li class="search-result">.*?</li>\s*</ul>', page, re.S)
    assert len(entries) == 1, page
    entry = entries[0]
    assert f'href="{item.get_absolute_url()}">7. Highways programme</a>' in entry
    assert 'Cabinet, <time datetime="2017-10-04">4 October 2017</time>' in entry
    assert f'href="{pack.get_absolute_url()}#page-2">Agenda reports pack, page 2</a>' in entry
    assert f'href="{item.get_absolute_url()}#minute">Decision</a>' in entry
    assert len(re.findall(r"<mark>quiet", entry)) == 2  # both hits, each marked
    assert "Library opening hours" not in page
    # The API keeps to its contract: one result per hit.
    api = client.get("/api/search", {"q": f'"{PHRASE}"'}).json()
    assert sorted(r["type"] for r in api["results"]) == ["page", "resolution"]


def test_snippets_never_show_table_markup():
    text = "Age | CWD ** | | CWD/LAC | | | \ue000total\ue001 | forecast |"
    assert mark(text) == "Age · CWD ** · CWD/LAC · <mark>total</mark> · forecast"
