"""Cleaning page text for reading and search: stamps, running heads, bullets, blank pages.

Raw extraction carries print furniture: "Page 23" stamps, "Agenda Item 6" marks landing
mid-text, bare page numbers, and running headers/footers repeated on most pages. These are
found by shape and by repetition across the document, never by a council's wording. Every
real word of the page is kept. Pure functions over text.
"""

from __future__ import annotations

import re
from collections import Counter

_PAGE_STAMP = re.compile(
    r"^\s*(?:page\s*\|?\s*\d+(?:\s*(?:of|/)\s*\d+)?|-\s*\d+\s*-|\d{1,4}|\d+\s*\|\s*page"
    r"|page\s+[ivxlc]+)\s*$",
    re.I,
)
_ITEM_STAMP = re.compile(r"^\s*agenda\s+item\s+\d+[a-z]?(?:\s*\(?[a-z0-9]\)?)?\s*$", re.I)
_BLANK_PAGE = re.compile(
    r"^\W*(?:this\s+page\s+(?:is\s+|has\s+been\s+)?(?:intentionally|deliberately)\s+"
    r"(?:left\s+)?blank|(?:page\s+)?intentionally\s+(?:left\s+)?blank|blank\s+page)\W*$",
    re.I,
)
BULLETS = (
    "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\u2022\u25aa\u25cf\u25e6\u2023\u2043\u2219"
    "\u25a0\u25a1\u27a2\u2713\u2714\u00b7\u25ba\u25b6\u2192\u2794-*"
)
_BULLET = re.compile(rf"^\s*(?:[{re.escape(BULLETS)}]|[\ue000-\uf8ff]|o(?=\s))\s*(?P<rest>\S.*)$")
_EDGE_LINES = 3
# pdfium writes U+0002 where the PDF has a (soft) hyphen; every other control character is
# noise from the PDF's encoding and is dropped. Line feeds and tabs are kept.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACE_RUN = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")


def strip_controls(text: str) -> str:
    """Text without control characters: U+0002 becomes the hyphen it stands for."""
    return _CONTROL.sub("", text.replace("\x02", "-"))


def line_key(line: str) -> str:
    """A line reduced for repetition tests: digits become #, case and spacing ignored."""
    return _SPACE_RUN.sub(" ", _DIGITS.sub("#", line)).strip().lower()


def running_lines(raw_texts: list[str], *, min_share: float = 0.5) -> set[str]:
    """Keys of header/footer lines repeated at the top or bottom of most pages."""
    texts = [t for t in raw_texts if t.strip()]
    if len(texts) < 3:
        return set()
    counts: Counter[str] = Counter()
    for text in texts:
        lines = [line for line in text.splitlines() if line.strip()]
        edges = lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]
        counts.update({line_key(line) for line in edges})
    threshold = max(3, int(len(texts) * min_share + 0.999))
    return {key for key, n in counts.items() if n >= threshold and len(key) > 1}


def is_stamp(line: str) -> bool:
    """A page stamp or an "Agenda Item N" mark: print furniture, not content."""
    return bool(_PAGE_STAMP.match(line) or _ITEM_STAMP.match(line))


def normalise_bullet(line: str) -> str:
    """A bulleted line with its symbol-font bullet as "• ", other lines unchanged."""
    match = _BULLET.match(line)
    if not match:
        return line
    return "• " + match["rest"].strip()


def clean_lines(raw_text: str, running: set[str] | None = None) -> list[str]:
    """The page's content lines: stamps, marks and running heads/footers removed."""
    return [line for _, line in clean_numbered_lines(raw_text, running)]


def clean_numbered_lines(raw_text: str, running: set[str] | None = None) -> list[tuple[int, str]]:
    """``clean_lines`` with each kept line's index among ``raw_text.splitlines()``."""
    running = running or set()
    lines = [line.rstrip() for line in raw_text.splitlines()]
    content_index = [i for i, line in enumerate(lines) if line.strip()]
    edges = set(content_index[:_EDGE_LINES] + content_index[-_EDGE_LINES:])
    kept: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        stripped = line.strip().replace("\xad", "-").replace("\x02", "-")
        if not stripped:
            kept.append((index, ""))
            continue
        if _ITEM_STAMP.match(stripped):
            continue
        if index in edges and (_PAGE_STAMP.match(stripped) or line_key(stripped) in running):
            continue
        if _PAGE_STAMP.match(stripped) and re.match(r"^\s*(?:page\b|-)", stripped, re.I):
            continue
        kept.append((index, normalise_bullet(stripped)))
    return kept


def is_blank_text(text: str) -> bool:
    """Empty, or only "This page is intentionally left blank"."""
    return not text.strip() or bool(_BLANK_PAGE.match(" ".join(text.split())))


_LONE_NUMBER = re.compile(r"^\(?\d{1,3}(?:\.0)?[.)]$")  # "1.", "1)", "(1)", "1.0."
_NUMBERED_START = re.compile(r"^\(?\d{1,3}[.)]?(?:\s|$)")


def join_lone_numbers(lines: list[str]) -> list[str]:
    """An item number printed alone on its line, its title on the next ("1." then "Apologies
    for absence", as a two-column table of items is extracted), joined into one line."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if following and _LONE_NUMBER.match(line.strip()) and not _NUMBERED_START.match(following):
            out.append(f"{line.strip()} {following}")
            index += 2
            continue
        out.append(line)
        index += 1
    return out


# What an agenda prints after an item's title that is not the title: "(Action)",
# "(Discussion Item)", "- Information Item", a presenter "(Jane Doe, Parks Director)".
_TITLE_TAG = re.compile(
    r"\s*(?:[(\[](?:action|discussion|information|info|consent|for\s+(?:action|information|"
    r"discussion|decision|approval))(?:\s+items?)?[)\]]|[-–—]\s*(?:action|discussion|information)"
    r"\s+items?)\s*$",
    re.I,
)
_PRESENTER = re.compile(
    r"\s*\((?:(?:presented\s+by|presenter:?)\s+[^()]{3,80}|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
    r",\s+[^()]{3,60})\)\s*$"
)


def strip_title_tags(title: str) -> str:
    """An item's title without the tags and presenter an agenda prints after it."""
    while True:
        stripped = _PRESENTER.sub("", _TITLE_TAG.sub("", title))
        if stripped == title or not stripped.strip():
            return title
        title = stripped
