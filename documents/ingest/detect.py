"""Telling what kind of committee paper a PDF is, from its content alone.

Kinds (``parsed.DOCUMENT_KINDS``): agenda-pack, agenda, minutes, supplement, report, decision,
other. The opening lines announce most kinds ("Minutes of the meeting", "Summons", "Record of
Decision", "Supplementary agenda"); a pack is an agenda front sheet followed by the papers
themselves (``Agenda Item N`` stamps, report front sheets, more pages than the list needs).
"""

from __future__ import annotations

import re

from .front_matter import front_lines, page_lines
from .parsed import PageContent

_HEAD_LINES = 25

_SUPPLEMENT = re.compile(
    r"\bsupplement(?:ary)?\b|\bupdate\s+sheet\b|\baddendum\b|\blate\s+(?:items?|papers?|reports?)\b"
    r"|\badditional\s+(?:papers?|information|documents?|reports?|items?)\b"
    r"|\bunavailable\s+when\s+the\s+agenda\s+was\s+(?:published|printed|despatched|issued)",
    re.I,
)
_COVER_LETTER = re.compile(r"^\s*dear\s+(?:member|councillor|sir|all)", re.I)
_AGENDA_ITEM_COLUMN = re.compile(r"^\s*agenda\s+item\s+no\b", re.I)
_DECISION = re.compile(
    r"\brecord\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}decisions?\b|\bdecision\s+(?:notice|record|sheet)\b"
    r"|\bnotice\s+of\s+(?:\w+\s+)?decisions?\b|\bdecisions?\s+(?:to\s+be\s+)?taken\s+by\b"
    r"|\bofficer\s+(?:key\s+)?decision\b|\bdelegated\s+decision\b|\bdecision\s+taken\b",
    re.I,
)
_MINUTES_WORD = re.compile(r"\bminutes\b", re.I)
_NUMBERED_LINE = re.compile(r"^\s*(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|[ivx]{1,5}[.)])\s+\S", re.I)
_MINUTES_AS_ITEM = re.compile(
    r"\b(?:approv\w*|confirm\w*|adopt\w*|receive|note|draft)\b.{0,30}\bminutes\b"
    r"|\bminutes\s+of\s+(?:the\s+)?(?:previous|last)\b|\bminutes\b.{0,60}\bfor\s+noting\b",
    re.I,
)
_ATTENDANCE = re.compile(
    r"^\s*(?:present|members\s+present|councillors\s+present|in\s+attendance|roll\s+call"
    r"|attendance|attendees|commissioners\s+present)\b",
    re.I | re.M,
)
_RESOLVED = re.compile(r"\bresolved\b|\bmotion\s+carried\b|\bmotion\s+passed\b", re.I)
_AGENDA_WORD = re.compile(r"\bagenda\b", re.I)
_AGENDA_HEADING = re.compile(
    r"^\s*(?:(?:meeting|council|committee|board|final|revised|draft|public)\s+)?agenda\b"
    r"|\bagenda\s*(?:[-–—:]|$)|\bsummons\b|\bhereby\s+summoned\b|\bnotice\s+of\s+(?:the\s+)?meeting\b"
    r"|\bnotice\s+is\s+hereby\s+given\b|\bwill\s+be\s+held\b|\bto\s+be\s+held\b|\bto\s+deal\s+with\s+the\b",
    re.I,
)
_PAGE_REFERENCE = re.compile(
    r"\(\s*pages?\s+\d+(?:\s*[-–]\s*\d+)?\s*\)|^\s*\d{1,4}\s*[-–]\s*\d{1,4}\s*$|^\s*page\s+no\.?\s*$"
    r"|^\s*\d{1,2}\.\s+.{3,}\s\d{1,4}\s*$",
    re.I | re.M,
)
_ITEM_STAMP = re.compile(r"^\s*agenda\s+item\s+\d+[a-z]?\s*$", re.I | re.M)
_REPORT_SIGNS = re.compile(
    r"^\s*(?:report\s+(?:of|from|by|author)\b|report\s+to\b|purpose\s+of\s+(?:the\s+)?report"
    r"|\d+(?:\.0)?\.?\s+purpose\b|recommendations?\s*:?$|\d+(?:\.0)?\.?\s+recommendations?\b"
    r"|subject\s*:|classification\s*:|wards?\s+affected|electoral\s+divisions?\s*:"
    r"|executive\s+summary|summary\s*:|from\s*:|to\s*:|contact\s+officer|portfolio\s+holder"
    r"|key\s+decision\s*:|report\s+status|agenda\s+item\s+\d+|for\s+(?:decision|information)\b)",
    re.I | re.M,
)


def _head(lines: list[str], n: int = _HEAD_LINES) -> list[str]:
    return lines[:n]


def is_supplement(head: list[str]) -> bool:
    """Supplementary agenda, update sheet, or a covering letter enclosing late papers."""
    text = "\n".join(head)
    if _SUPPLEMENT.search(text):
        return True
    letter = any(_COVER_LETTER.match(line) for line in head)
    return letter and any(_AGENDA_ITEM_COLUMN.match(line) for line in head)


def is_decision(head: list[str]) -> bool:
    """A record / notice of a decision announced in the opening lines."""
    return any(_DECISION.search(line) for line in head[:12])


def _minutes_heading(line: str) -> bool:
    """ "MINUTES of a meeting ...", "Regular Meeting Minutes": not "(3) minutes" in prose."""
    if re.search(r"\d\)?\s+minutes\b|\bagendas?\s+and\s+minutes\b", line, re.I):
        return False
    words = line.split()
    first = " ".join(words[:4])
    return bool(_MINUTES_WORD.search(first)) or (len(words) <= 12 and not line.endswith("."))


def minutes_announced(head: list[str], limit: int = 15) -> bool:
    """A heading line among the first ``limit`` says these are minutes."""
    for line in head[:limit]:
        if _AGENDA_HEADING.search(line):
            break
        if not _MINUTES_WORD.search(line) or _NUMBERED_LINE.match(line):
            continue
        if not _MINUTES_AS_ITEM.search(line) and _minutes_heading(line):
            return True
    return False


def is_minutes(head: list[str], pages: list[PageContent]) -> bool:
    """Minutes announce themselves in a heading line, or record attendance and resolutions."""
    if minutes_announced(head):
        return True
    body = "\n".join(page.raw_text for page in pages[:3])
    attendance = bool(_ATTENDANCE.search(body))
    resolutions = len(_RESOLVED.findall(body))
    return attendance and resolutions >= 3 and not _agenda_heading(head)


def _agenda_heading(head: list[str]) -> bool:
    return any(_AGENDA_HEADING.search(line) for line in head[:30])


def _numbered_items(lines: list[str]) -> int:
    return sum(1 for line in lines if _NUMBERED_LINE.match(line))


def is_agenda(head: list[str], lines: list[str]) -> bool:
    """A front sheet: "Agenda"/"Summons"/"will be held" and a list of numbered items."""
    if _agenda_heading(head):
        return True
    text = "\n".join(lines)
    return _numbered_items(lines) >= 4 and bool(_AGENDA_WORD.search(text))


def is_pack(pages: list[PageContent], metadata_title: str | None = None) -> bool:
    """An agenda front sheet followed by the papers it lists."""
    if metadata_title and re.search(r"\bpack\b", metadata_title, re.I):
        return True
    stamped = sum(1 for page in pages[2:] if _ITEM_STAMP.search(page.raw_text))
    if stamped >= 1 and len(pages) >= 4:
        return True
    front = "\n".join(page.raw_text for page in pages[:3])
    references = len(_PAGE_REFERENCE.findall(front))
    if references < 2:
        return False
    # Pages after the front sheet that read like papers, not more of the agenda list.
    later = [page for page in pages[2:] if page.raw_text.strip()]
    papers = sum(1 for page in later if not _AGENDA_WORD.search(page.raw_text[:200]))
    return len(pages) >= 6 and papers >= 3


def is_report(head: list[str]) -> bool:
    """A single report: label/value heading block, "Purpose of report", "Recommendations"."""
    return sum(1 for line in head[:40] if _REPORT_SIGNS.match(line)) >= 2


_REPORT_HEAD_LABEL = re.compile(r"^\s*(?:from|to|by|subject|report\s+of|report\s+to)\s*:", re.I)


def _report_head(head: list[str]) -> bool:
    """A report's label block heads the paper (no covering letter, no agenda list)."""
    labels = {
        _REPORT_HEAD_LABEL.match(line).group(0).split(":")[0].strip().lower()
        for line in head[:14]
        if _REPORT_HEAD_LABEL.match(line)
    }
    letter = any(_COVER_LETTER.match(line) for line in head)
    return len(labels) >= 3 and "subject" in labels and not letter


def detect_kind(pages: list[PageContent], metadata_title: str | None = None) -> str:
    """The document kind read from its content (see the module docstring)."""
    lines = front_lines(pages, limit_pages=2, limit_lines=80)
    if not lines:
        return "other"
    head = _head(lines)
    if minutes_announced(head, 6):  # "MINUTES FOR REGULAR MEETING" in the title block
        return "minutes"
    if _report_head(head):  # "From:", "To:", "Subject:": a report, even on late papers
        return "report"
    if is_supplement(head) or (metadata_title and _SUPPLEMENT.search(metadata_title)):
        return "supplement"
    if is_decision(head):
        return "decision"
    if is_minutes(head, pages):
        return "minutes"
    stamped_report = any(_ITEM_STAMP.match(line) for line in head[:8]) and is_report(lines)
    if not stamped_report and is_agenda(head, lines):
        return "agenda-pack" if is_pack(pages, metadata_title) else "agenda"
    if is_report(lines):
        return "report"
    words = sum(len(page_lines(page.raw_text)) for page in pages)
    return "report" if words >= 20 else "other"
