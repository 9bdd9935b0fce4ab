"""Where each paper sits in a reports pack: printed page stamps, "Agenda Item N" marks, blanks.

A pack stamps "Page N" (or a bare number) on its pages and "Agenda Item N" on the first page
of each paper. The front sheet refers to printed pages ("Pages 11 - 24"); these helpers map
those to physical pages (1-based) and work out each item's inclusive page range.
"""

from __future__ import annotations

import re
from collections import Counter

from .parsed import PageContent, ParsedItem

_EDGE_LINES = 3
_PAGE_STAMP = re.compile(r"^\s*(?:-\s*)?page\s+(\d{1,4})(?:\s*-)?\b(?!\s*of\b)", re.I)
_BARE_NUMBER = re.compile(r"^\s*(?:-\s*)?(\d{1,4})(?:\s*-)?\s*$")
_ITEM_MARK = re.compile(
    r"\b(?:agenda\s+)?item(?:\s+no\.?)?\s*:?\s+([0-9]{1,3}[a-z]?|[A-Z]\d{1,2})\.?\s*$", re.I
)
_BLANK = re.compile(
    r"\b(?:this\s+page\s+(?:is\s+)?(?:intentionally|deliberately)\s+(?:left\s+)?blank)\b", re.I
)
_STAMP_LINE = re.compile(
    r"^\s*(?:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|\d{1,4}|(?:page\s+\d{1,4}\s+)?agenda\s+item\s+\w+)\s*$",
    re.I,
)


def _edge_lines(text: str) -> list[str]:
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) <= 2 * _EDGE_LINES:
        return lines
    return lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]


def strip_stamps(text: str) -> str:
    """The page text without "Page N", bare page numbers and "Agenda Item N" lines."""
    return "\n".join(line for line in text.splitlines() if not _STAMP_LINE.match(line))


def unstamped_lines(pages: list[PageContent]) -> tuple[str, list | None]:
    """The pages' text as ``strip_stamps`` leaves it, with each kept line's layout box
    (None for the whole when a page was not measured)."""
    kept: list[str] = []
    boxes: list = []
    measured = True
    for page in pages:
        lines = page.raw_text.splitlines()
        layout = page.layout if page.layout is not None and len(page.layout) == len(lines) else None
        measured = measured and layout is not None
        for index, line in enumerate(lines):
            if not _STAMP_LINE.match(line):
                kept.append(line)
                boxes.append(layout[index] if layout is not None else None)
    return "\n".join(kept), boxes if measured else None


def is_blank_page(page: PageContent) -> bool:
    """True for an empty page or one that only says it is intentionally left blank."""
    if page.blank:
        return True
    body = strip_stamps(page.raw_text).strip()
    if not body:
        return True
    return bool(_BLANK.search(body)) and len(body) < 120


def _stamp_candidates(page: PageContent) -> tuple[list[int], list[int]]:
    explicit, bare = [], []
    for line in _edge_lines(page.raw_text):
        if match := _PAGE_STAMP.match(line):
            explicit.append(int(match.group(1)))
        elif match := _BARE_NUMBER.match(line):
            bare.append(int(match.group(1)))
    return explicit, bare


def printed_page_numbers(pages: list[PageContent]) -> dict[int, int]:
    """Physical page -> printed page number, for the pages whose stamp can be trusted.

    "Page N" stamps are trusted; bare numbers only where the physical-minus-printed offset
    agrees with a neighbouring page, so footnote markers and running numbers are ignored.
    """
    explicit: dict[int, int] = {}
    bare: dict[int, list[int]] = {}
    for page in pages:
        exp, nums = _stamp_candidates(page)
        if exp:
            explicit[page.number] = exp[-1]
        if nums:
            bare[page.number] = nums
    if explicit:
        return explicit
    offsets: Counter[int] = Counter()
    for number, nums in bare.items():
        for value in set(nums):
            offsets[number - value] += 1
    result: dict[int, int] = {}
    for number, nums in bare.items():
        for value in sorted(nums, key=lambda v: -offsets[number - v]):
            offset = number - value
            agrees = any(n - offset in bare.get(n, []) for n in (number - 1, number + 1))
            if agrees and offsets[offset] >= 2:
                result[number] = value
                break
    return result


def printed_to_physical(printed: int, stamps: dict[int, int], page_count: int) -> int | None:
    """The physical page carrying printed page ``printed``, inferred from nearby stamps."""
    for physical, value in stamps.items():
        if value == printed:
            return physical
    if not stamps:
        return None
    # Unstamped page: use the offset of the nearest stamped page.
    nearest = min(stamps, key=lambda physical: abs(stamps[physical] - printed))
    physical = nearest + (printed - stamps[nearest])
    return physical if 1 <= physical <= page_count else None


def agenda_item_marks(pages: list[PageContent]) -> dict[str, int]:
    """Item number -> the first physical page stamped "Agenda Item N" for it."""
    marks: dict[str, int] = {}
    for page in pages:
        for line in _edge_lines(page.raw_text):
            line = _PAGE_STAMP.sub("", line).strip()
            if len(line) > 30 or not re.search(r"\bitem\b", line, re.I):
                continue
            if match := _ITEM_MARK.search(line):
                marks.setdefault(match.group(1).lower(), page.number)
    return marks


def _trim_blank_tail(start: int, end: int, pages: list[PageContent]) -> int:
    by_number = {page.number: page for page in pages}
    while end > start and end in by_number and is_blank_page(by_number[end]):
        end -= 1
    return end


def assign_page_ranges(
    items: list[ParsedItem], pages: list[PageContent], first_paper_page: int
) -> None:
    """Set page_start / page_end / has_paper on each item of a pack, in place.

    ``first_paper_page`` is the first physical page after the front sheet: no paper starts
    earlier. Items without a paper keep the front-sheet page that lists them.
    """
    page_count = len(pages)
    stamps = printed_page_numbers(pages)
    marks = agenda_item_marks(pages)
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    for index, item in enumerate(items):
        start = marks.get((item.number or "").lower())
        if start is None and item.printed_page:
            start = printed_to_physical(item.printed_page, stamps, page_count)
        if start is None or start < first_paper_page or start > page_count:
            continue
        starts[index] = start
        printed_end = item.printed_page_end
        if (
            printed_end
            and item.printed_page
            and start == printed_to_physical(item.printed_page, stamps, page_count)
        ):
            end = printed_to_physical(printed_end, stamps, page_count)
            if end is not None and end >= start:
                ends[index] = min(end, page_count)
    ordered = sorted(starts.items(), key=lambda pair: pair[1])
    for position, (index, start) in enumerate(ordered):
        following = [s for _, s in ordered[position + 1 :] if s > start]
        limit = (following[0] - 1) if following else page_count
        end = min(ends.get(index, limit), limit)
        item = items[index]
        item.page_start = start
        item.page_end = _trim_blank_tail(start, max(end, start), pages)
        item.has_paper = True
