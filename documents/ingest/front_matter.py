"""The opening lines of a document, where its kind and its meeting are announced.

Shared by kind detection and meeting-header parsing. Pure functions over page text.
"""

from __future__ import annotations

import functools
import re

from .parsed import PageContent

_SPACED_LETTERS = re.compile(r"^(?:[A-Za-z] ){3,}[A-Za-z]$")
_PAGE_STAMP = re.compile(
    r"^\s*(?:page\s*\|?\s*\d+(?:\s*(?:of|/)\s*\d+)?|-\s*\d+\s*-|\d{1,3})\s*$", re.I
)
_MIN_CHARS = 40
_WIDE_GAP = re.compile(r"\s{2,}")


def unspace_letters(line: str) -> str:
    """Undo letter-spaced headings: "A G E N D A" -> "AGENDA" (words split on double gaps)."""
    stripped = line.strip()
    if _SPACED_LETTERS.match(stripped):
        return stripped.replace(" ", "")
    words = _WIDE_GAP.split(stripped)
    if len(words) > 1 and all(_SPACED_LETTERS.match(w) for w in words):
        return " ".join(w.replace(" ", "") for w in words)
    return line


def _spaced_words(line: str) -> str:
    # "H E R T I N G F O R D B U R Y P A R I S H C O U N C I L" has lost its word gaps; keep
    # it joined, it is still searchable and readable by the caller's regexes.
    return unspace_letters(line)


def page_lines(text: str) -> list[str]:
    """Non-empty, stripped lines of a page's text, letter-spaced headings rejoined."""
    return list(_page_lines(text))


@functools.lru_cache(maxsize=32)
def _page_lines(text: str) -> tuple[str, ...]:
    # Kind detection and each header reader look at the same opening pages: read them once.
    return tuple(_spaced_words(line).strip() for line in text.splitlines() if line.strip())


def front_pages(pages: list[PageContent], limit: int = 2) -> list[PageContent]:
    """The first ``limit`` pages that carry real text (a near-empty cover page is skipped)."""
    chosen = [page for page in pages if len(page.raw_text.strip()) >= _MIN_CHARS]
    return chosen[:limit]


def front_lines(pages: list[PageContent], limit_pages: int = 2, limit_lines: int = 60) -> list[str]:
    """The opening lines of a document (page stamps dropped), across its first text pages."""
    lines: list[str] = []
    for page in pages[:6]:
        page_text = [line for line in page_lines(page.raw_text) if not _PAGE_STAMP.match(line)]
        lines.extend(page_text)
        if len(page.raw_text.strip()) < _MIN_CHARS:
            continue  # a cover or blank page does not use up the page allowance
        limit_pages -= 1
        if limit_pages <= 0 or len(lines) >= limit_lines:
            break
    return lines[:limit_lines]
