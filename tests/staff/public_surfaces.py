"""Every public place an exempt item's text could leak through, checked as far as each exists.

Search, the API and the feeds are built alongside the staff workflow: a URL is fetched only
once it resolves, so these checks tighten by themselves as those parts land.
"""

from __future__ import annotations

import html
import io
import re
from urllib.parse import urlsplit

import pypdfium2 as pdfium
from django.urls import Resolver404, resolve

from documents.models import Document, Page


def squash(text: str) -> str:
    return " ".join(html.unescape(text).split())


def resolves(url: str) -> bool:
    try:
        resolve(urlsplit(url).path)
    except Resolver404:
        return False
    return True


def secrets_of(item) -> list[str]:
    """Snippets of what an exempt item withholds: its pages' text, report and resolutions."""
    found = []
    for span in item.page_ranges.filter(holds_paper=True):
        pages = Page.objects.filter(document=span.document, number__range=(span.start, span.end))
        for page in pages:
            words = squash(page.text)
            if len(words) > 80:
                found.append(words[20:80])
    report = getattr(item, "report", None)
    if report and len(report.recommendation) > 30:
        found.append(squash(report.recommendation)[:60])
    found += [squash(r.text)[:60] for r in item.resolutions.all() if len(r.text) > 30]
    return found


def search_word(snippet: str) -> str:
    words = re.findall(r"[A-Za-z]{7,}", snippet)
    return " ".join(words[:2]) or snippet[:20]


def public_urls(meeting, item, query: str) -> list[str]:
    documents = Document.objects.filter(meeting=meeting)
    urls = [meeting.get_absolute_url(), item.get_absolute_url()]
    urls += [d.get_absolute_url() for d in documents]
    urls += [
        f"/search/?q={query}",
        f"/api/search?q={query}",
        f"/api/meetings/{meeting.pk}/",
        f"/api/items/{item.pk}/",
        f"/api/items/?meeting={meeting.pk}",
        f"/api/resolutions/?item={item.pk}",
        "/feeds/papers.rss",
        "/feeds/decisions.rss",
        "/feeds/meetings.rss",
        "/open-data/export.json",
    ]
    urls += [f"/api/documents/{d.pk}/" for d in documents]
    return [url for url in urls if resolves(url)]


def leaks(client, meeting, item, secrets: list[str]) -> dict[str, str]:
    """{url: secret} for every public response that shows a withheld snippet."""
    found = {}
    for url in public_urls(meeting, item, search_word(secrets[0])):
        response = client.get(url)
        raw = b"".join(response.streaming_content) if response.streaming else response.content
        body = squash(raw.decode())
        for secret in secrets:
            if secret in body:
                found[url] = secret
    return found


def pdf_pages_and_text(body: bytes) -> tuple[int, str]:
    served = pdfium.PdfDocument(io.BytesIO(body))
    text = "".join(served[i].get_textpage().get_text_range() for i in range(len(served)))
    return len(served), squash(text)
