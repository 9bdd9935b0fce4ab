"""Nothing unpublished is public: drafts added to a published meeting stay private until published.

A published Cabinet meeting (a generated agenda pack) gains draft minutes and a draft
supplement through the staff upload (publish unticked), and a draft new version of its pack
through ``ingest --draft``; each carries unique marker words. An anonymous visitor crawls every
public URL (pages, search, feeds, calendars, the sitemap, the API and the export, and the
address of every record) and meets no marker, while the published pack stays public. Then
staff publish the drafts, and the same crawl finds every marker.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from documents.importer import Importer, IngestOptions
from documents.models import Document
from meetings.models import Meeting, Resolution
from staff.models import IngestJob
from tests.pdfmaker import make_pdf
from tests.security.crawler import Crawler, search_urls
from tests.security.emails import follow_everything, send_alerts
from tests.security.markers import zqx_words
from tests.security.test_leak_crawl import SEEDS, probes, schema_values
from tests.staff.conftest import upload

pytestmark = pytest.mark.django_db(transaction=True)

DAY = dt.date(2025, 5, 14)
HEADER = [
    "Borsetshire County Council",
    "Cabinet",
    f"Date: {DAY:%A, %-d %B %Y}",
    "Time: 10.00 am",
    "Venue: Council Chamber, County Hall, Borchester",
]
# Marker words (tests/security/markers.py spells them so the crawler spots any of them).
MINUTES_NARRATIVE = "zqxleakdraftminutesnarrativezz"
MINUTES_RESOLUTION = "zqxleakdraftminutesresolutionzz"
MINUTES_ITEM = "zqxleakdraftminutesitemzz"
SUPPLEMENT_ITEM = "zqxleakdraftsupplementitemzz"
SUPPLEMENT_TEXT = "zqxleakdraftsupplementtextzz"
NEW_VERSION_TEXT = "zqxleakdraftnewversiontextzz"
MARKERS = {
    MINUTES_NARRATIVE,
    MINUTES_RESOLUTION,
    MINUTES_ITEM,
    SUPPLEMENT_ITEM,
    SUPPLEMENT_TEXT,
    NEW_VERSION_TEXT,
}


def pack(folder: Path, extra: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return make_pdf(
        folder / "cabinet-2025-05-14-agenda-pack.pdf",
        [
            [
                *HEADER,
                "AGENDA",
                "1. Apologies for absence",
                "2. Library service review (Pages 2 - 2)",
                "Page 1",
            ],
            [
                "Agenda Item 2",
                "Library service review",
                "Report of the Corporate Director for Communities",
                "Recommendation: That the review be noted.",
                "The libraries opened for longer hours this year.",
                *extra,
                "Page 2",
            ],
        ],
    )


def minutes(folder: Path) -> Path:
    return make_pdf(
        folder / "cabinet-2025-05-14-minutes.pdf",
        [
            [
                *HEADER[:2],
                "MINUTES",
                *HEADER[2:],
                "Present: Councillor A Smith (Chair), Councillor B Jones",
                "1. Apologies for Absence",
                "There were no apologies.",
                "2. Library Service Review",
                f"The Cabinet considered the review {MINUTES_NARRATIVE} of opening hours.",
                f"RESOLVED: That the review be noted {MINUTES_RESOLUTION}.",
                f"3. Mobile Library {MINUTES_ITEM.title()}",
                "RESOLVED: That the replacement be approved.",
                "Page 1",
            ]
        ],
    )


def supplement(folder: Path) -> Path:
    return make_pdf(
        folder / "cabinet-2025-05-14-supplement.pdf",
        [
            [
                *HEADER,
                "SUPPLEMENTARY AGENDA",
                f"3. Compulsory purchase of 12 Acacia Avenue {SUPPLEMENT_ITEM} (Pages 2 - 2)",
                "Page 1",
            ],
            [
                "Agenda Item 3",
                "Compulsory purchase of 12 Acacia Avenue",
                f"The owner has not replied {SUPPLEMENT_TEXT} to three letters.",
                "Page 2",
            ],
        ],
    )


def crawl(client, extra_seeds=()) -> dict[str, set[str]]:
    """Every public URL, the address of every record and a search for every marker."""
    crawler = Crawler(client)
    crawler.fill_schema(*schema_values())
    for url in [*SEEDS, *extra_seeds]:
        crawler.add(url, "seed")
    for url in probes():
        crawler.add(url, "probe")
    for url in search_urls(sorted(MARKERS)):
        crawler.add(url, "search")
    result = crawler.run()
    assert result.bad_status == {}
    assert result.unreadable == []
    return result.leaks


def found(leaks: dict[str, set[str]]) -> set[str]:
    return {word for words in leaks.values() for word in words}


def test_drafts_stay_private_until_published_and_then_show(officer_client, client, tmp_path):
    first = pack(tmp_path / "v1", [])
    [result] = Importer(IngestOptions(isolate=False, publish=True)).ingest([first])
    assert result.status == "ok", result.error
    meeting = Meeting.objects.get(date=DAY)
    assert meeting.is_published
    published = Document.objects.get(meeting=meeting)
    assert client.get(published.get_pdf_url()).status_code == 200
    assert client.get("/open-data/export.json").status_code == 200

    for path, kind in ((minutes(tmp_path), "minutes"), (supplement(tmp_path), "supplement")):
        response = upload(officer_client, path.parent, path.name, kind=kind, meeting=meeting)
        assert response.status_code == 302, response.content[:500]
    assert [j.status for j in IngestJob.objects.order_by("pk")] == ["ok", "ok"]
    call_command("ingest", "--draft", str(pack(tmp_path / "v2", [NEW_VERSION_TEXT])))
    drafts = list(Document.objects.filter(meeting=meeting, is_published=False))
    assert len(drafts) == 3
    # The drafts were read: staff see them (a preview), the public must not.
    read = Resolution.objects.filter(item__meeting=meeting).values_list("text", flat=True)
    assert MINUTES_RESOLUTION in " ".join(read)
    staff_page = officer_client.get(reverse("staff:meeting", args=[meeting.pk])).content.decode()
    assert SUPPLEMENT_ITEM in staff_page or MINUTES_ITEM in staff_page

    # Staff preview the meeting as it will be: the drafts are in it, marked as a preview...
    preview_url = reverse("staff:meeting-preview", args=[meeting.pk])
    preview = officer_client.get(preview_url)
    assert preview.status_code == 200 and "no-store" in preview["Cache-Control"]
    shown = preview.content.decode()
    assert "Preview" in shown and "not published" in shown
    assert SUPPLEMENT_ITEM in shown.lower() and MINUTES_ITEM in shown.lower()
    # ...and nothing of the preview stays: still drafts, and the anonymous crawl (the preview's
    # address among its seeds, where it is sent to sign in) meets no marker.
    assert Document.objects.filter(meeting=meeting, is_published=False).count() == 3
    assert client.get(preview_url).status_code == 302

    leaks = crawl(client, [preview_url])
    assert found(leaks) == set(), {url: sorted(words) for url, words in leaks.items()}
    # An address following everything, and a search for every marker, hears of no draft.
    follow_everything(sorted(MARKERS))
    emailed = send_alerts()
    assert published.title in emailed
    assert zqx_words(emailed) == set()
    # The search itself: a draft minute's words find nothing (the URL echoes the word).
    for word in (MINUTES_NARRATIVE, MINUTES_RESOLUTION):
        assert client.get(f"/api/search?q={word}").json()["count"] == 0
    # The published pack stays public while its draft new version waits.
    assert client.get(published.get_absolute_url()).status_code == 200
    assert client.get(published.get_pdf_url()).status_code == 200
    assert client.get(f"/api/documents/{published.pk}/").status_code == 200

    for draft in drafts:
        publish = reverse("staff:document-publish", args=[draft.pk])
        assert officer_client.post(publish, {"publish": "1"}).status_code == 302
    assert not Document.objects.filter(meeting=meeting, is_published=False).exists()

    shown = found(crawl(client))
    assert shown >= MARKERS, sorted(MARKERS - shown)
    told = zqx_words(send_alerts())
    assert told >= MARKERS - {MINUTES_ITEM}, sorted(MARKERS - told)
    # The new version now replaces the one it supersedes.
    assert client.get(published.get_pdf_url()).status_code == 404


def test_a_preview_of_an_unpublished_meeting_is_staff_only_and_leaves_it_unpublished(
    officer_client, staff_without_group, client, tmp_path
):
    path = pack(tmp_path / "draft", [NEW_VERSION_TEXT])
    [result] = Importer(IngestOptions(isolate=False, publish=False)).ingest([path])
    assert result.status == "ok", result.error
    meeting = Meeting.objects.get(date=DAY)
    assert not meeting.is_published
    url = reverse("staff:meeting-preview", args=[meeting.pk])

    page = officer_client.get(url).content.decode()
    assert "Library service review" in page and "Preview" in page
    assert 'name="robots" content="noindex, nofollow"' in page

    meeting.refresh_from_db()
    assert not meeting.is_published
    assert not Document.objects.filter(meeting=meeting, is_published=True).exists()
    assert client.get(meeting.get_absolute_url()).status_code == 404
    assert client.get(url).status_code == 302  # to sign in
    other = type(client)()
    other.force_login(staff_without_group)
    assert other.get(url).status_code == 403
