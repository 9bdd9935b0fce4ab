"""Finishing each page for reading: cleaned text, Blocks, tables, the blank flag.

Combines ``cleaning`` (stamps, running heads, bullets) with the page's structure: where
every line was measured (``layout``), ``structure`` reads headings, paragraphs, label/value
pairs and lists from the layout and places each ruled table where it sits; otherwise (OCR,
a page pdfium could not measure) ``blocks`` reads them from the text alone and a table goes
where the first line whose words all sit in its cells was.
"""

from __future__ import annotations

import re

from .blocks import blocks_text, build_blocks
from .cleaning import clean_numbered_lines, is_blank_text, running_lines
from .page_style import Style, document_style
from .parsed import Block, PageContent
from .ruled_tables import RuledTable
from .structure import build_laid_blocks, laid_out_lines, table_block

_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _split_tables(
    lines: list[str], tables: list[RuledTable]
) -> tuple[list[str], list[tuple[int, Block]]]:
    """Lines outside the tables, and each table Block with the line index where it begins."""
    placed: list[tuple[int, Block]] = []
    remaining = list(lines)
    for table in tables:
        vocabulary = _words(" ".join(cell for row in table.rows for cell in row))
        first: int | None = None
        kept: list[str] = []
        for line in remaining:
            words = _words(line)
            inside = bool(words) and words <= vocabulary
            if inside and first is None:
                first = len(kept)
            if not inside:
                kept.append(line)
        remaining = kept
        placed.append((first if first is not None else len(kept), table_block(table)))
    return remaining, placed


def _text_blocks(lines: list[str], tables: list[RuledTable] | None) -> list[Block]:
    if not tables:
        return build_blocks(lines)
    outside, placed = _split_tables(lines, tables)
    blocks: list[Block] = []
    cursor = 0
    for start, table in sorted(placed, key=lambda p: p[0]):
        blocks.extend(build_blocks(outside[cursor:start]))
        blocks.append(table)
        cursor = max(cursor, start)
    blocks.extend(build_blocks(outside[cursor:]))
    return blocks


def finish_page(
    page: PageContent,
    running: set[str],
    tables: list[RuledTable] | None = None,
    style: Style | None = None,
) -> None:
    """Fill page.text, page.blocks and page.blank from page.raw_text (in place)."""
    numbered = clean_numbered_lines(page.raw_text, running)
    lines = [line for _, line in numbered]
    if is_blank_text("\n".join(lines)):
        page.text, page.blocks, page.blank = "", [], True
        return
    laid = None
    if page.layout is not None and style is not None:
        layout = page.layout
        boxes = [layout[index] if index < len(layout) else None for index, _ in numbered]
        laid = laid_out_lines(lines, boxes)
    if laid is not None:
        page.blocks = build_laid_blocks(laid, style, tables)
    else:
        page.blocks = _text_blocks(lines, tables)
    page.text = blocks_text(page.blocks)
    page.blank = False


def finish_pages(
    pages: list[PageContent], tables: dict[int, list[RuledTable]] | None = None
) -> None:
    """Finish every page of a document; running heads and the body's style are judged
    across all of them."""
    running = running_lines([page.raw_text for page in pages])
    style = document_style([page.layout for page in pages if page.layout])
    tables = tables or {}
    for page in pages:
        finish_page(page, running, tables.get(page.number), style)
