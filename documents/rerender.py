"""Reading the stored papers' pages again with the current reading code (``rerender_pages``).

A page's blocks and text are made when its paper is ingested. When the reading improves,
the papers already in the portal are read again from their stored PDFs: only the pages'
text and blocks change (items, minutes and everything staff corrected on them stay as they
are). A page read by OCR keeps what OCR gave, and a page whose text was corrected by hand
(its text no longer what its blocks say) is kept as corrected.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from documents.ingest.blocks import blocks_text
from documents.ingest.pages import finish_pages
from documents.ingest.parsed import Block
from documents.ingest.pdf import read_pdf
from documents.models import Document, Page

_BLOCK_FIELDS = set(Block.__dataclass_fields__)


@dataclass
class Rerendered:
    document: Document
    changed: int = 0
    unchanged: int = 0
    kept: int = 0  # corrected by hand, or read by OCR


def stored_text(blocks: list[dict]) -> str:
    """The text the reading made from stored blocks (what an uncorrected page holds)."""
    known = [{key: value for key, value in b.items() if key in _BLOCK_FIELDS} for b in blocks]
    return blocks_text([Block(**fields) for fields in known])


def rerender(document: Document, *, dry_run: bool = False) -> Rerendered:
    """Read ``document``'s stored PDF again and update the pages that changed."""
    result = Rerendered(document)
    with tempfile.TemporaryDirectory(prefix="rerender-") as scratch:
        path = Path(scratch) / "paper.pdf"
        with document.file.open("rb") as stored, path.open("wb") as copy:
            shutil.copyfileobj(stored, copy)
        extracted = read_pdf(path)
    finish_pages(extracted.pages, extracted.tables)
    fresh = {page.number: page for page in extracted.pages}
    updates = []
    for row in Page.objects.filter(document=document).order_by("number"):
        page = fresh.get(row.number)
        if page is None or row.ocr or (row.blocks and row.text != stored_text(row.blocks)):
            result.kept += 1
            continue
        blocks = [block.as_dict() for block in page.blocks]
        if row.blocks == blocks and row.text == page.text and row.is_blank == page.blank:
            result.unchanged += 1
            continue
        row.blocks, row.text, row.is_blank = blocks, page.text, page.blank
        updates.append(row)
    result.changed = len(updates)
    if updates and not dry_run:
        with transaction.atomic():
            Page.objects.bulk_update(updates, ["blocks", "text", "is_blank"], batch_size=200)
    return result
