"""Finishing each page for reading: cleaned text, Blocks, tables, the blank flag.

Combines ``cleaning`` (stamps, running heads, bullets), ``blocks`` (paragraphs, lists,
headings) and the tables pdfplumber found. Lines whose words all sit in a table's cells are
shown once, as the table, where the table begins.
"""

from __future__ import annotations

import re

from .blocks import blocks_text, build_blocks
from .cleaning import clean_lines, is_blank_text, running_lines
from .parsed import Block, PageContent

_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _split_tables(
    lines: list[str], tables: list[list[list[str]]]
) -> tuple[list[str], list[tuple[int, Block]]]:
    """Lines outside the tables, and each table Block with the line index where it begins."""
    placed: list[tuple[int, Block]] = []
    remaining = list(lines)
    for rows in tables:
        vocabulary = _words(" ".join(cell for row in rows for cell in row))
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
        placed.append((first if first is not None else len(kept), Block(kind="table", rows=rows)))
    return remaining, placed


def finish_page(
    page: PageContent, running: set[str], tables: list[list[list[str]]] | None = None
) -> None:
    """Fill page.text, page.blocks and page.blank from page.raw_text (in place)."""
    lines = clean_lines(page.raw_text, running)
    if is_blank_text("\n".join(lines)):
        page.text, page.blocks, page.blank = "", [], True
        return
    if not tables:
        page.blocks = build_blocks(lines)
    else:
        outside, placed = _split_tables(lines, tables)
        blocks: list[Block] = []
        cursor = 0
        for start, table in sorted(placed, key=lambda p: p[0]):
            blocks.extend(build_blocks(outside[cursor:start]))
            blocks.append(table)
            cursor = max(cursor, start)
        blocks.extend(build_blocks(outside[cursor:]))
        page.blocks = blocks
    page.text = blocks_text(page.blocks)
    page.blank = False


def finish_pages(
    pages: list[PageContent], tables: dict[int, list[list[list[str]]]] | None = None
) -> None:
    """Finish every page of a document; running heads are judged across all of them."""
    running = running_lines([page.raw_text for page in pages])
    tables = tables or {}
    for page in pages:
        finish_page(page, running, tables.get(page.number))
