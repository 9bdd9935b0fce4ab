"""An anonymous visitor crawls everything public and never meets a withheld word.

The world (conftest, world.py) plants a distinct secret in every withheld place. The crawl
starts from the home page, the sitemap, robots.txt, every feed and calendar, the OpenAPI
schema (every GET path, filled with every real id and slug), the bulk export and a search
for every secret word and the words beside them; it follows every same-site link, and tries
the address of every record in the database besides. No response may show a secret, and
none may fail. Then the same reading is shown to find secrets that are there to find.
"""

from __future__ import annotations

import re
import time
from collections import Counter

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core import mail
from django.db import connection
from django.test import Client
from django.utils import timezone

from councillors.models import RecordedVote, Ward
from decisions.models import Decision, ForwardPlanEntry
from documents.models import Document
from documents.search.backends import backend
from documents.search.query import parse
from meetings.feed_urls import FEEDS
from meetings.models import AgendaItem, Committee, Meeting, Person, Report, Resolution
from tests.security.crawler import Crawler, kind_of, read, search_urls
from tests.security.emails import follow_everything, send_alerts
from tests.security.markers import zqx_words

pytestmark = pytest.mark.django_db

MIN_URLS = 1000  # the crawl reaches about 1,300: far fewer means it silently shrank
SEEDS = [
    "/",
    "/sitemap.xml",
    "/robots.txt",
    "/api/",
    "/api/schema",
    "/api/schema?format=json",
    "/api/docs",
    "/api/redoc",
    "/open-data/export.json",
    "/search/",
    "/decisions/",
    "/forward-plan/",
    "/meetings/calendar/",
    "/health/",
    "/staff/",
    "/admin/",
    "/feeds/meetings.ics",
    *(f"/feeds/{name}.{ext}" for name in FEEDS for ext in ("rss", "atom")),
]
# Where the search index keeps each field ("item" rows also hold their report's words).
INDEXED = {
    ("documents.Page", "text"): "page",
    ("meetings.Resolution", "text"): "resolution",
    **{("meetings.AgendaItem", f): "item" for f in ("title", "narrative", "reasons")},
    **{
        ("meetings.Report", f): "item"
        for f in ("title", "recommendation", "reason_for_recommendation", "report_author")
    },
}


def probes():
    """The address of every record, public or not: what anyone could guess."""
    for meeting in Meeting.objects.select_related("committee"):
        yield meeting.get_absolute_url()
        yield f"/feeds/meetings/{meeting.pk}.ics"
        yield f"/meetings/calendar/{meeting.date.year}/{meeting.date.month}/"
        yield f"/staff/meetings/{meeting.pk}/"
    for item in AgendaItem.objects.select_related("meeting__committee"):
        yield item.get_absolute_url()
    for document in Document.objects.all():
        yield document.get_absolute_url()
        yield document.get_pdf_url()
        yield f"/staff/documents/{document.pk}/pdf/"
    for person in Person.objects.all():
        yield person.get_absolute_url()
        yield f"/search/?q={person.surname}"
        yield f"/people/?name={person.surname}"
    for decision in Decision.objects.all():
        yield decision.get_absolute_url()
    yield "/forward-plan/?key_decision=yes"
    yield "/forward-plan/?month=2021-10"
    yield "/decisions/?kind=executive&status=confirmed"
    yield "/decisions/?q=record"
    yield "/api/forward-plan/?key_decision=true"
    yield "/api/decisions/?kind=executive"
    yield "/wards/"
    for ward in Ward.objects.all():
        yield ward.get_absolute_url()
    for committee in Committee.objects.all():
        slug = committee.slug
        yield committee.get_absolute_url()
        yield f"/meetings/?committee={slug}"
        yield f"/decisions/?committee={slug}"
        yield f"/search/?q=council&committee={slug}"
        yield f"/feeds/committees/{slug}/meetings.ics"
        for name in FEEDS:
            yield f"/feeds/committees/{slug}/{name}.rss"
            yield f"/feeds/committees/{slug}/{name}.atom"


def schema_values() -> tuple[dict, dict]:
    """Every real id and slug for the API's paths, and for its ``meeting``/``committee``."""
    meetings = list(Meeting.objects.values_list("pk", flat=True))
    committees = list(Committee.objects.values_list("slug", flat=True))
    values = {
        "committees": committees,
        "meetings": meetings,
        "items": list(AgendaItem.objects.values_list("pk", flat=True)),
        "documents": list(Document.objects.values_list("pk", flat=True)),
        "resolutions": list(Resolution.objects.values_list("pk", flat=True)),
        "people": list(Person.objects.values_list("slug", flat=True)),
        "forward-plan": list(ForwardPlanEntry.objects.values_list("pk", flat=True)),
        "votes": list(RecordedVote.objects.values_list("pk", flat=True)),
        "wards": list(Ward.objects.values_list("slug", flat=True)),
    }
    return values, {"meeting": meetings, "committee": committees, "q": ["council"]}


def crawl(client, world):
    """Everything: links from the seeds, every record's address, a search for every secret."""
    crawler = Crawler(client)
    crawler.fill_schema(*schema_values())
    for url in SEEDS:
        crawler.add(url, "seed")
    for url in probes():
        crawler.add(url, "probe")
    markers = sorted(secret.marker for secret in world.secrets.all.values())
    for url in search_urls(markers + world.near_words):
        crawler.add(url, "search")
    return crawler.run()


def named(world, leaks: dict[str, set[str]]) -> dict[str, list[str]]:
    return {url: sorted(world.secrets.explain(w) for w in words) for url, words in leaks.items()}


def test_an_anonymous_visitor_never_sees_a_secret(client, world):
    started = time.monotonic()
    result = crawl(client, world)
    seconds = time.monotonic() - started

    summary = dict(sorted(result.by_kind().items()))
    print(f"\n{len(result.visits)} URLs in {seconds:.1f}s on {connection.vendor}: {summary}")
    print(f"by source: {dict(sorted(result.by_source().items()))}")
    print(f"seconds by kind: {result.seconds_by_kind()}")
    planted = Counter(f"{s.model}.{s.field}" for s in world.secrets.all.values())
    print(f"{len(world.secrets)} secrets: {dict(sorted(planted.items()))}")
    print(f"words searched beside them: {world.near_words}")
    assert named(world, result.leaks) == {}
    assert result.bad_status == {}
    assert result.unreadable == []
    assert result.unfilled == []
    assert len(result.visits) >= MIN_URLS, summary
    for kind in ("html", "api", "pdf", "feed", "ical", "sitemap", "export", "api browsable"):
        assert summary.get(kind, 0) >= 1, kind
    assert {"/api/meetings/{id}/", "/api/items/{id}/", "/api/people/{slug}/"} <= set(
        result.schema_paths
    )
    secret_searches = {u: n for u, n in result.search_counts.items() if zqx_words(u)}
    searched = {word for url in secret_searches for word in zqx_words(url)}
    assert searched >= {secret.marker for secret in world.secrets.all.values()}
    assert {u: n for u, n in secret_searches.items() if n} == {}
    assert any(n > 0 for u, n in result.search_counts.items() if not zqx_words(u))
    # It read every public page and download, withheld parts and all.
    ok = {visit.url for visit in result.visits if visit.status == 200}
    public_papers = Document.objects.public().select_related("meeting__committee")
    assert {d.get_pdf_url() for d in public_papers} <= ok
    items = AgendaItem.objects.published().select_related("meeting__committee")
    assert {i.get_absolute_url() for i in items.filter(meeting__is_decision_record=False)} <= ok
    # A published record of one person's decision is read at its decision's page; its old
    # meeting address moves there.
    record = Decision.objects.get(reference="24/00093")
    assert record.meeting.is_decision_record and record.get_absolute_url() in ok
    moved = {visit.url for visit in result.visits if visit.status == 301}
    assert record.meeting.get_absolute_url() in moved


def test_the_crawl_finds_a_secret_that_is_published(client, world):
    """The negative control: publish one planted paper and the crawl reports it everywhere."""
    control = Document.objects.get(pk=world.control.pk)
    control.is_published, control.published_at = True, timezone.now()
    control.save()
    crawler = Crawler(client, max_depth=2)  # links alone, two clicks from a seed
    for url in SEEDS:
        crawler.add(url, "seed")
    words = [s.marker for n, s in world.secrets.all.items() if n.startswith("unpublished paper")]
    for url in search_urls(words):
        crawler.add(url, "search")
    started = time.monotonic()
    result = crawler.run()
    print(f"\ncontrol: {len(result.visits)} URLs in {time.monotonic() - started:.1f}s")

    shown = {world.secrets.explain(w) for words in result.leaks.values() for w in words}
    assert shown == {
        "unpublished paper title",
        "unpublished paper pdf",
        "unpublished paper page two text",
        "unpublished paper page two heading",
        "unpublished paper page two paragraph",
        "unpublished paper page two list entry",
        "unpublished paper page two table cell",
    }
    kinds = {kind_of(url.partition("?")[0]) for url in result.leaks}
    assert {"html", "pdf", "api", "feed", "export", "search page", "api search"} <= kinds
    assert any(url == "/sitemap.xml" or "/documents/" in url for url in result.leaks)


def test_alert_emails_never_tell_a_secret(world, settings):
    """An address following everything, and a search for every secret word, is told of every
    public paper and of no secret; published, the control paper's secrets do reach it."""
    settings.PORTAL_BASE_URL = "https://papers.example.org"
    markers = sorted(secret.marker for secret in world.secrets.all.values())
    assert follow_everything(markers + world.near_words) > 100
    sent = send_alerts()
    assert mail.outbox, "the follower was told of the public papers"
    assert zqx_words(sent) == set()
    assert {d.get_absolute_url() for d in Document.objects.public()} <= {
        url.removeprefix(settings.PORTAL_BASE_URL) for url in re.findall(r"https://\S+", sent)
    }

    control = Document.objects.get(pk=world.control.pk)
    control.is_published, control.published_at = True, timezone.now()
    control.save()
    told = zqx_words(send_alerts())
    assert {world.secrets.explain(w) for w in told} >= {"unpublished paper page two text"}
    mail.outbox.clear()  # the control's secrets were published: not a leak


def test_the_secrets_are_there_to_be_found(world):
    """Not vacuous: every secret is in its row or its stored PDF, and in the search index."""
    index = backend()
    for secret in world.secrets.all.values():
        if secret.field == "file":
            with Document.objects.get(pk=secret.pk).file.open("rb") as stored:
                text = read("application/pdf", stored.read())[0]
        else:
            row = apps.get_model(secret.model).objects.get(pk=secret.pk)
            text = str(getattr(row, secret.field))
        assert set(secret.words) <= zqx_words(text), secret
        if kind := INDEXED.get((secret.model, secret.field)):
            row_id = secret.pk
            if secret.model == "meetings.Report":
                row_id = Report.objects.get(pk=secret.pk).item_id
            sql, params = index.matches(kind, parse(secret.marker), None, True)
            assert row_id in {found for found, _ in index.fetch(sql, params)}, secret


def test_staff_see_the_secrets_the_public_never_do(world):
    """The same reading of a signed-in superuser's pages shows the planted words."""
    staff = Client()
    staff.force_login(User.objects.create(username="auditor", is_staff=True, is_superuser=True))
    hidden = Meeting.objects.get(committee__name__startswith="Audit Committee")
    for url, expected in (
        (f"/staff/meetings/{hidden.pk}/", "hidden committee meeting venue"),
        (f"/staff/documents/{world.control.pk}/pdf/", "unpublished paper pdf"),
    ):
        response = staff.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = read(response["Content-Type"].partition(";")[0], body)[0]
        assert world.secrets.all[expected].marker in zqx_words(text), url


def test_reading_sees_through_escaping_folding_and_compression(papers):
    word = "zqxleakreadingcheckzz"
    escaped = f"<p>A &amp; {word[:7]}&#{ord(word[7])};{word[8:]}</p>".encode()
    assert word in zqx_words(read("text/html", escaped)[0])
    folded = f"DESCRIPTION:Agenda {word[:10]}\r\n {word[10:]}\\, more".encode()
    assert word in zqx_words(read("text/calendar", folded)[0])
    escaped_json = '{"title": "\\u007a' + word[1:] + '"}'
    assert word in zqx_words(read("application/json", escaped_json.encode())[0])
    # A real paper's text is in compressed streams: only extracting it finds a word.
    body = (papers / "dorset-cabinet-2017-10-04-minutes.pdf").read_bytes()
    assert b"Fostering" not in body
    assert "Fostering Modernisation Plan" in read("application/pdf", body)[0]
