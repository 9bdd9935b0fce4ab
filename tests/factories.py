"""Small builders for model tests: real rows with sensible defaults."""

from __future__ import annotations

import datetime as dt
import hashlib
from itertools import count

from django.core.files.base import ContentFile

from documents.models import Document, Page, PageRange
from meetings.models import AgendaItem, Committee, Meeting

_seq = count(1)


def committee(name: str = "Cabinet", **kwargs) -> Committee:
    return Committee.objects.get_or_create(name=name, defaults=kwargs)[0]


def meeting(committee_name: str = "Cabinet", date=dt.date(2017, 10, 4), **kwargs) -> Meeting:
    kwargs.setdefault("is_published", True)
    return Meeting.objects.create(committee=committee(committee_name), date=date, **kwargs)


def item(meeting: Meeting, title: str = "Fostering Modernisation Plan", **kwargs) -> AgendaItem:
    kwargs.setdefault("order", next(_seq))
    return AgendaItem.objects.create(meeting=meeting, title=title, **kwargs)


def document(meeting: Meeting, pages: list[str] | None = None, **kwargs) -> Document:
    pages = pages or ["Page one text"]
    body = f"%PDF-1.4 test {next(_seq)}".encode()
    sha = hashlib.sha256(body).hexdigest()
    kwargs.setdefault("kind", "agenda-pack")
    kwargs.setdefault("title", "Agenda reports pack")
    kwargs.setdefault("is_published", True)
    doc = Document(meeting=meeting, sha256=sha, size=len(body), page_count=len(pages), **kwargs)
    doc.file.save(f"{sha}.pdf", ContentFile(body), save=False)
    doc.save()
    Page.objects.bulk_create(
        Page(document=doc, number=n, text=text) for n, text in enumerate(pages, start=1)
    )
    return doc


def page_range(item: AgendaItem, document: Document, start: int, end: int) -> PageRange:
    return PageRange.objects.create(item=item, document=document, start=start, end=end)
