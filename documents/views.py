"""Public reading views for papers: accessible HTML page by page, and the original PDF."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_safe

from documents.citations import CitationLinker
from documents.models import Document, Page, PageRange
from documents.redaction import public_pdf, withheld_page_numbers


@dataclass
class ReadingPage:
    """One page as the reader sees it; a withheld page carries no text at all."""

    number: int
    withheld: bool
    is_blank: bool = False
    pdf_page: int | None = None  # its number in the PDF the public downloads
    blocks: list[dict] = field(default_factory=list)


def _heading_levels(blocks: list[dict]) -> None:
    """Page headings are h2; a page's most important headings are h3 and the others go
    below them by their level, never skipping a level on the way down."""
    levels = [int(block.get("level", 2)) for block in blocks if block["kind"] == "heading"]
    top = min(levels, default=2)
    previous = 2
    for block in blocks:
        if block["kind"] == "heading":
            level = min(int(block.get("level", 2)) - top + 3, previous + 1, 6)
            block["tag"], previous = f"h{level}", level


def _table_rows(block: dict, link) -> tuple[list[list[dict]], list[list[dict]]]:
    """A table's header rows and body rows as cells to draw, merged cells drawn once with
    their spans. Header cells name their columns; a first column with a value in every body
    row names its rows."""
    rows = block.get("rows", [])
    header_rows = min(int(block.get("header_rows", 1)), len(rows))
    spans = {(r, c): (rowspan, colspan) for r, c, rowspan, colspan in block.get("spans", [])}
    covered = {
        (r + dr, c + dc)
        for (r, c), (rowspan, colspan) in spans.items()
        for dr in range(rowspan)
        for dc in range(colspan)
        if dr or dc
    }
    body = rows[header_rows:]
    row_headers = bool(body) and all(row and row[0] for row in body) and len(rows[0]) > 1
    drawn: list[list[dict]] = []
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            rowspan, colspan = spans.get((r, c), (1, 1))
            if r < header_rows:
                scope = "colgroup" if colspan > 1 else "col"
            else:
                scope = "row" if c == 0 and row_headers else ""
            cells.append(
                {"html": link(text), "rowspan": rowspan, "colspan": colspan, "scope": scope}
            )
        drawn.append(cells)
    return drawn[:header_rows], drawn[header_rows:]


def _linked_blocks(page: Page, linker: CitationLinker) -> list[dict]:
    blocks = page.blocks or [{"kind": "paragraph", "text": line} for line in _paragraphs(page)]
    shown = []
    for block in blocks:
        kind = block.get("kind", "paragraph")
        entry = {
            "kind": kind,
            "level": block.get("level", 2),
            "ordered": block.get("ordered", False),
            "html": linker.link(block.get("text", "")),
            "label": linker.link(block.get("label", "")),
            "items": [linker.link(entry) for entry in block.get("items", [])],
            "pairs": [
                (linker.link(label), [linker.link(part) for part in value.split("\n")])
                for label, value in block.get("pairs", [])
            ],
        }
        if kind == "table":
            entry["head"], entry["body"] = _table_rows(block, linker.link)
            entry["wide"] = max((len(row) for row in block.get("rows", [])), default=0) >= 8
        shown.append(entry)
    _heading_levels(shown)
    return shown


def _paragraphs(page: Page) -> list[str]:
    return [chunk.strip() for chunk in page.text.split("\n\n") if chunk.strip()]


def reading_pages(document: Document) -> list[ReadingPage]:
    """Every page of ``document`` in order, withheld ones reduced to their number."""
    pages = list(Page.objects.filter(document=document).annotate_withheld().order_by("number"))
    linker = CitationLinker(document.meeting)
    linker.prepare(
        text for page in pages if not page.withheld for text in _texts_of(page.blocks, page.text)
    )
    shown, withheld_so_far = [], 0
    for page in pages:
        if page.withheld:
            withheld_so_far += 1
            shown.append(ReadingPage(number=page.number, withheld=True))
            continue
        shown.append(
            ReadingPage(
                number=page.number,
                withheld=False,
                is_blank=page.is_blank,
                pdf_page=page.number - withheld_so_far,
                blocks=[] if page.is_blank else _linked_blocks(page, linker),
            )
        )
    return shown


def _texts_of(blocks: list[dict], text: str):
    if not blocks:
        yield text
    for block in blocks or []:
        yield block.get("text", "")
        yield block.get("label", "")
        yield from block.get("items", [])
        for pair in block.get("pairs", []):
            yield from pair
        for row in block.get("rows", []):
            yield from row


def _public_document_or_newer(pk: int) -> Document:
    """The public paper; an old version's address leads to the version now public."""
    documents = Document.objects.public().select_related("meeting__committee")
    document = documents.filter(pk=pk).first()
    if document is not None:
        return document
    asked = Document.objects.filter(pk=pk).exclude(identity="").first()
    if asked is not None:
        newer = documents.filter(
            meeting_id=asked.meeting_id, identity=asked.identity, version__gt=asked.version
        ).first()
        if newer is not None:
            raise _Moved(newer)
    raise Http404("No such paper.")


class _Moved(Exception):
    def __init__(self, document: Document):
        self.document = document


@require_safe
def document_detail(request, pk):
    try:
        document = _public_document_or_newer(pk)
    except _Moved as moved:
        return redirect(moved.document, permanent=True)
    contents = (
        PageRange.objects.filter(document=document, holds_paper=True, item__parent__isnull=True)
        .select_related("item")
        .order_by("start", "item__order")
    )
    return render(
        request,
        "documents/document_detail.html",
        {
            "document": document,
            "meeting": document.meeting,
            "record_of": record_of(document.meeting),
            "pages": reading_pages(document),
            "contents": contents,
        },
    )


def record_of(meeting):
    """The public decision a record of decision's container stands for (None for a meeting)."""
    if not meeting.is_decision_record:
        return None
    from decisions.models import Decision

    return Decision.objects.public().filter(meeting=meeting).order_by("pk").first()


@require_safe
def document_pdf(request, pk):
    document = get_object_or_404(
        Document.objects.public().select_related("meeting__committee"), pk=pk
    )
    # The public file is the stored one less its withheld pages: both name it, so a reader
    # holding this copy is answered 304 before any file is opened or cut.
    withheld = withheld_page_numbers(document)
    etag = f'"{document.sha256[:40]}-{"-".join(map(str, withheld)) or "whole"}"'
    unchanged = get_conditional_response(request, etag=etag)
    if unchanged is not None:  # 304, or 412 for an If-Match that fails
        return unchanged
    stream = public_pdf(document, withheld)
    if stream is None:
        raise Http404("This paper is not available.")
    filename = f"{document.meeting.committee.slug}-{document.meeting.date}-{document.kind}.pdf"
    response = FileResponse(stream, content_type="application/pdf", filename=filename)
    response["ETag"] = etag
    return response
