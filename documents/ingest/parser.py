"""Parsing one committee-paper PDF into a ParsedDocument: the orchestration.

read (checked) -> OCR when there is no text layer -> kind -> meeting header -> items and
attendance (``agenda.parse_agenda`` / ``minutes.parse_minutes``) -> cleaned pages. No global
state; the caller enforces any time limit.
"""

from __future__ import annotations

import re
from pathlib import Path

from .detect import detect_kind
from .errors import IngestError
from .header import parse_meeting
from .ocr import lacks_text_layer, ocr_pages
from .pages import finish_pages
from .parsed import PageContent, ParsedDocument, ParsedItem
from .pdf import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, read_pdf
from .vocabulary import DOCUMENT_KINDS, KIND_TITLES, OTHER

_SUBJECT_LABEL = re.compile(
    r"^\s*(?:subject(?:\s+matter)?|title(?:\s+of\s+(?:report|decision))?|report\s+title)\s*[:/]"
    r"\s*(?P<value>.*)$",
    re.I,
)


def _items_for(kind: str, pages: list[PageContent]):
    """Items and attendance from the structure parsers for this kind."""
    if kind == "minutes":
        from .minutes import parse_minutes

        return parse_minutes(pages)
    if kind in {"agenda-pack", "agenda", "supplement", "report", "decision"}:
        from .agenda import parse_agenda

        return parse_agenda(pages, kind), None
    return [], None


def document_title(kind: str, pages: list[PageContent], items: list[ParsedItem]) -> str:
    """A title a reader recognises: the kind's name, or a single report's own title."""
    if kind in {"report", "decision"}:
        if items and items[0].report and items[0].report.title:
            return items[0].report.title
        for page in pages[:2]:
            lines = [line.strip() for line in page.raw_text.splitlines()]
            for index, line in enumerate(lines[:40]):
                match = _SUBJECT_LABEL.match(line)
                if not match:
                    continue
                value = match["value"].strip() or next(
                    (n for n in lines[index + 1 : index + 3] if n), ""
                )
                if value:
                    return " ".join(value.split())[:200]
        if items and items[0].title:
            return items[0].title
    return KIND_TITLES.get(kind, KIND_TITLES[OTHER])


def parse_pdf(
    path: str | Path,
    *,
    kind: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int = DEFAULT_MAX_PAGES,
    ocr: bool = True,
    tables: bool = True,
    page_workers: int = 1,
) -> ParsedDocument:
    """Parse a committee-paper PDF; raises IngestError with a clerk-readable message.

    ``page_workers`` processes share the reading of a long document's pages.
    """
    if kind is not None and kind not in DOCUMENT_KINDS:
        raise IngestError(f"unknown document kind {kind!r}")
    extracted = read_pdf(path, max_bytes=max_bytes, max_pages=max_pages, workers=page_workers)
    pages = extracted.pages
    warnings: list[str] = []
    has_text_layer = not lacks_text_layer(pages)
    ocr_used = False
    if not has_text_layer:
        if ocr and ocr_pages(path, pages):
            ocr_used = True
            warnings.append("the PDF has no text layer (scanned); its text was read by OCR")
        else:
            warnings.append("the PDF has no text layer (scanned) and OCR was not available")
    kind = kind or detect_kind(pages, extracted.title)
    meeting = parse_meeting(pages, kind)
    items, attendance = _items_for(kind, pages)
    found_tables = extracted.tables if tables and has_text_layer else {}
    finish_pages(pages, found_tables)
    for page in pages:
        page.layout = None  # read into the blocks; not stored, so not sent back to the caller
    return ParsedDocument(
        kind=kind,
        title=document_title(kind, pages, items),
        meeting=meeting,
        pages=pages,
        items=items,
        attendance=attendance,
        has_text_layer=has_text_layer,
        ocr_used=ocr_used,
        warnings=warnings,
    )
