"""Shape ranked rows as results: loaded through the public querysets, with marked snippets."""

from __future__ import annotations

import html
import re

from documents.models import Page, PageRange
from documents.search.backends import KINDS, START, STOP
from documents.search.query import Query
from meetings.models import AgendaItem, Resolution

_SPACES = re.compile(r"\s+")
# Table cells are stored joined by " | "; a snippet shows them as a list, empty cells dropped.
_CELLS = re.compile(r"(?:\s*\|)+\s*")


def mark(text: str) -> str:
    """HTML-escape ``text``, turning the highlight markers into balanced ``<mark>`` tags."""
    out, open_ = [], False
    for part in _split_markers(text):
        if part == START and not open_:
            out.append("<mark>")
            open_ = True
        elif part == STOP and open_:
            out.append("</mark>")
            open_ = False
        elif part not in (START, STOP):
            out.append(html.escape(_SPACES.sub(" ", _CELLS.sub(" · ", part)), quote=False))
    if open_:
        out.append("</mark>")
    return "".join(out).strip().strip("·").strip()


def _split_markers(text: str):
    buffer = []
    for char in text:
        if char in (START, STOP):
            if buffer:
                yield "".join(buffer)
                buffer = []
            yield char
        else:
            buffer.append(char)
    if buffer:
        yield "".join(buffer)


class ResultBuilder:
    """Load the chosen rows through the public querysets and shape them as results."""

    def __init__(self, engine, query: Query) -> None:
        self.engine = engine
        self.query = query

    def build(self, chosen: list[tuple[float, str, int]]) -> list[dict]:
        ids = {kind: [row_id for _, k, row_id in chosen if k == kind] for kind in KINDS}
        loaded = {
            "page": self._pages(ids["page"]),
            "item": self._items(ids["item"]),
            "resolution": self._resolutions(ids["resolution"]),
        }
        snippets = {kind: self.engine.snippets(kind, self.query, ids[kind]) for kind in KINDS}
        results = []
        for score, kind, row_id in chosen:
            result = loaded[kind].get(row_id)
            if result is None:  # no longer public: never shown
                continue
            result["snippet"] = mark(snippets[kind].get(row_id, ""))
            result["score"] = round(score, 6)
            results.append(result)
        return results

    @staticmethod
    def _meeting(meeting) -> dict:
        return {
            "committee": meeting.committee.name,
            "date": meeting.date.isoformat(),
            "url": meeting.get_absolute_url(),
        }

    @staticmethod
    def _item(item: AgendaItem | None) -> dict | None:
        if item is None:
            return None
        return {
            "number": item.number or None,
            "minute_number": item.minute_number or None,
            "title": item.title,
            "url": item.get_absolute_url(),
        }

    def _items(self, ids: list[int]) -> dict[int, dict]:
        items = AgendaItem.objects.public().filter(id__in=ids).select_related("meeting__committee")
        return {
            item.id: {
                "type": "item",
                "title": item.title,
                "url": item.get_absolute_url(),
                "meeting": self._meeting(item.meeting),
                "item": self._item(item),
                "document": None,
            }
            for item in items
        }

    def _resolutions(self, ids: list[int]) -> dict[int, dict]:
        resolutions = (
            Resolution.objects.public()
            .filter(id__in=ids)
            .select_related("item__meeting__committee")
        )
        return {
            res.id: {
                "type": "resolution",
                "title": res.item.title,
                "url": f"{res.item.get_absolute_url()}#minute",
                "meeting": self._meeting(res.item.meeting),
                "item": self._item(res.item),
                "document": None,
            }
            for res in resolutions
        }

    def _pages(self, ids: list[int]) -> dict[int, dict]:
        pages = list(
            Page.objects.public().filter(id__in=ids).select_related("document__meeting__committee")
        )
        items = self._items_holding(pages)
        return {
            page.id: {
                "type": "page",
                "title": page.document.title,
                "url": page.get_absolute_url(),
                "meeting": self._meeting(page.document.meeting),
                "item": self._item(items.get(page.id)),
                "document": {
                    "title": page.document.title,
                    "kind": page.document.kind,
                    "url": page.document.get_absolute_url(),
                    "page": page.number,
                },
            }
            for page in pages
        }

    @staticmethod
    def _items_holding(pages: list[Page]) -> dict[int, AgendaItem]:
        """The public item whose paper each page is part of, where the ingest knows it."""
        if not pages:
            return {}
        ranges = (
            PageRange.objects.filter(
                document_id__in={p.document_id for p in pages},
                holds_paper=True,
                item__in=AgendaItem.objects.public(),
            )
            .select_related("item__meeting__committee")
            .order_by("start")
        )
        found = {}
        for page in pages:
            for page_range in ranges:
                if (
                    page_range.document_id == page.document_id
                    and page_range.start <= page.number <= page_range.end
                ):
                    found[page.id] = page_range.item
        return found
