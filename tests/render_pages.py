"""Render the public pages of a portal database and print a digest of each, as JSON.

    DATABASE_URL=... MEDIA_ROOT=... python tests/render_pages.py [--migrate]
        [--ingest PDF ...] [--search WORD ...]

Used by tests/test_backup_restore.py to compare a database and its papers folder with a
restored copy: both are rendered by this same script, in a fresh process, so the comparison
sees exactly what a visitor would. The pages are found in the database itself (every
published meeting, item, paper and its PDF, committee and person; the lists, feeds, sitemap
and the API), plus a search page and an API search for each ``--search`` word (only those
with ``--only-search``). With ``--ingest`` the papers are read in first (after ``--migrate``,
when given).

Output: ``{"pages": {url: {"status", "sha256", "bytes"}}, "search_counts": {url: n}}``.
Anything that differs on every request (a CSRF token, an iCalendar DTSTAMP) is blanked
before hashing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import warnings
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PER_REQUEST = [
    (re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*'), rb"\1"),
    (re.compile(rb"^(DTSTAMP:)[0-9TZ]+", re.MULTILINE), rb"\1"),
]
# A pack with exempt pages is a new PDF on each download, stamped with the time and an ID.
PDF_PER_REQUEST = [
    (re.compile(rb"(/CreationDate\(D:)[^)]*"), rb"\1"),
    (re.compile(rb"(/ID\s*\[)\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>"), rb"\1"),
]
# A feed with no entries says it was built now.
EMPTY_FEED_PER_REQUEST = [
    (re.compile(rb"(<lastBuildDate>)[^<]*"), rb"\1"),
    (re.compile(rb"(<updated>)[^<]*"), rb"\1"),
]
FIXED_URLS = [
    "/",
    "/committees/",
    "/meetings/",
    "/meetings/calendar/",
    "/decisions/",
    "/people/",
    "/sitemap.xml",
    "/robots.txt",
    "/feeds/meetings.rss",
    "/feeds/papers.rss",
    "/feeds/decisions.atom",
    "/feeds/meetings.ics",
    "/api/committees/",
    "/api/meetings/",
    "/api/items/",
    "/api/documents/",
    "/api/resolutions/",
    "/api/people/",
]


def configure() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", "render-pages-" + "s" * 50)
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    warnings.filterwarnings("ignore", "No directory at", UserWarning)  # no collectstatic here
    import django

    django.setup()


def search_urls(search_words: list[str]) -> list[str]:
    from django.urls import reverse

    urls = []
    for word in search_words:
        query = urlencode({"q": word})
        urls += [f"{reverse('search')}?{query}", f"{reverse('api-search')}?{query}"]
    return urls


def public_urls() -> list[str]:
    from django.urls import reverse

    from documents.models import Document
    from meetings.models import AgendaItem, Committee, Meeting, Person

    urls = list(FIXED_URLS)
    for committee in Committee.objects.with_public_meetings().order_by("slug"):
        urls += [committee.get_absolute_url(), f"/feeds/committees/{committee.slug}/papers.rss"]
    meetings = Meeting.objects.published().select_related("committee").order_by("date", "pk")
    for meeting in meetings:
        urls += [
            meeting.get_absolute_url(),
            reverse("meeting-calendar", args=[meeting.date.year, meeting.date.month]),
            reverse("meeting-ical", args=[meeting.pk]),
            f"/api/meetings/{meeting.pk}/",
        ]
    items = AgendaItem.objects.published().select_related("meeting__committee", "parent")
    shown: dict[int, int] = {}
    for item in items.order_by("meeting__date", "meeting_id", "order", "pk"):
        # Every exempt item (its page says what is withheld) and the first few of the others.
        shown[item.meeting_id] = shown.get(item.meeting_id, 0) + 1
        if item.exempt or (item.parent and item.parent.exempt) or shown[item.meeting_id] <= 8:
            urls.append(item.get_absolute_url())
    for document in Document.objects.public().order_by("pk"):
        urls += [
            document.get_absolute_url(),
            document.get_pdf_url(),
            f"/api/documents/{document.pk}/",
        ]
    for person in Person.objects.with_public_attendance().order_by("slug")[:10]:
        urls.append(person.get_absolute_url())
    return urls


def body_of(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def normalised(body: bytes, content_type: str) -> bytes:
    patterns = list(PER_REQUEST)
    if content_type.startswith("application/pdf"):
        patterns += PDF_PER_REQUEST
    feed = b"<rss" in body[:500] or b"<feed" in body[:500]
    if feed and b"<item>" not in body and b"<entry>" not in body:
        patterns += EMPTY_FEED_PER_REQUEST
    for pattern, replacement in patterns:
        body = pattern.sub(replacement, body)
    return body


def render(urls: list[str]) -> tuple[dict, dict]:
    from django.conf import settings
    from django.test import Client
    from django.test.utils import override_settings

    plain_static = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    pages, counts = {}, {}
    with override_settings(STORAGES=plain_static):  # no collectstatic manifest needed
        client = Client()
        for url in urls:
            response = client.get(url)
            body = normalised(body_of(response), response.get("Content-Type", ""))
            pages[url] = {
                "status": response.status_code,
                "sha256": hashlib.sha256(body).hexdigest(),
                "bytes": len(body),
            }
            if url.startswith("/api/search?") and response.status_code == 200:
                counts[url] = json.loads(body)["count"]
    return pages, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--migrate", action="store_true")
    parser.add_argument("--ingest", nargs="*", default=[], metavar="PDF")
    parser.add_argument("--search", nargs="*", default=[], metavar="WORD")
    parser.add_argument("--only-search", action="store_true", help="only the searches")
    args = parser.parse_args()
    configure()
    if args.migrate:
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
    if args.ingest:
        from documents.importer import Importer, IngestOptions

        results = Importer(IngestOptions(isolate=False, ocr=False)).ingest(args.ingest)
        failed = [r.as_dict() for r in results if r.status != "ok"]
        if failed:
            raise SystemExit(f"ingest failed: {failed}")
    urls = [] if args.only_search else public_urls()
    pages, counts = render(list(dict.fromkeys(urls + search_urls(args.search))))
    json.dump({"pages": pages, "search_counts": counts}, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
