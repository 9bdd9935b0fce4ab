"""Printed minutes -> minutes (ParsedItem) and attendance (ParsedAttendance).

    items, attendance = parse_minutes(pages)

The pipeline: a line stream without page furniture (minute_items.page_lines), minute headings
found by their rising numbers (minute_items.find_minutes), then each minute's body read for
resolutions and reasons (resolutions), declarations, sub-headings and exempt markings, and the
text before the first minute plus the apologies minute read for attendance (attendance).
"""

from __future__ import annotations

import re

from .attendance import is_roll_row, labelled_lists, parse_attendance
from .cleaning import strip_title_tags
from .minute_items import (
    TRAILING_OUTCOME,
    Line,
    MinuteSpan,
    find_minutes,
    heading_like,
    page_lines,
)
from .minute_sub_items import FILE_NUMBER, lettered_minutes, split_sub_items
from .outline_items import outline_minutes
from .parsed import PageContent, ParsedAttendance, ParsedItem
from .resolutions import extract_decisions
from .votes import motions_with_movers, votes_in

try:
    from .exempt import exempt_paragraph, looks_exempt
except ImportError:  # pragma: no cover - the shared exempt module is normally present

    def looks_exempt(text: str) -> bool:
        return bool(re.search(r"not\s+for\s+publication|schedule\s*12\s*a", text or "", re.I))

    def exempt_paragraph(text: str) -> int | None:
        match = re.search(r"paragraphs?\s+([1-7])\b", text or "", re.I)
        return int(match.group(1)) if match else None


_CLOSING = re.compile(
    r"^(?:(?:the\s+)?meeting\s+(?:closed|ended|finished|terminated|rose|was\s+(?:closed|adjourned)"
    r"|adjourned)|duration\s+of\s+(?:the\s+)?meeting|signed\b|chair(?:man|person)?\s*[._…]*\s*$|"
    r"there\s+being\s+no\s+further\s+business|the\s+(?:chairman|chair|mayor|president)\b.{0,40}"
    r"\b(?:closed|adjourned)\s+the\s+meeting)",
    re.I,
)
_EXCLUSION_TITLE = re.compile(
    r"exempt\s+(?:business|items?|information)|exclusion\s+of|exclude\s+the|private\s+business|"
    r"part\s*(?:2|ii|b)\b|urgent\s+business",
    re.I,
)
_EXEMPT_MARK = re.compile(
    r"not\s+for\s+publication|schedule\s*12\s*a|exempt\s+information|confidential", re.I
)
# The business a US closed session may take (California's Government Code 54956.8-54957.6).
_CLOSED_SESSION = re.compile(
    r"^(?:conference\s+with\s+(?:legal\s+counsel|labor\s+negotiators?|real\s+property)"
    r"|public\s+employ(?:ment|ee)|(?:existing|anticipated)\s+litigation|closed\s+session\b)",
    re.I,
)
_DECLARATIONS_TITLE = re.compile(r"declar|interests?\b|code\s+of\s+conduct", re.I)
_NO_DECLARATIONS = re.compile(
    r"^(?:none|nil|no\b|there\s+(?:were|was)\s+no|no\s+(?:declarations|interests)|"
    r"members\s+(?:were\s+)?(?:asked|reminded)|the\s+chair\w*\s+(?:asked|reminded|invited))",
    re.I,
)
_DECLARED = re.compile(
    r"\bdeclared\b.{0,80}\binterest|\binterest\b.{0,40}\bdeclared\b|\brecused\b", re.I
)
_PARAGRAPH_MARK = re.compile(r"\s(?=\(\d{1,2}\)\s+[A-Z])")
_SUB_NUMBERED = re.compile(r"^(?:\d+[A-Z]\.?|\d+-[A-Z]|\d+(?:\.\d+)+\.?)\s+(?P<title>\S.*)$")
_ROLL_TITLE = re.compile(r"roll\s+call|attendance|present|apolog|absence|call\s+to\s+order", re.I)
_APOLOGIES_TITLE = re.compile(r"apolog|absence", re.I)
_SENTENCE = re.compile(r"(?<=[a-z0-9)\]])[.;]\s+(?=[A-Z])")


def parse_minutes(pages: list[PageContent]) -> tuple[list[ParsedItem], ParsedAttendance | None]:
    """Minutes and attendance read from the pages of a minutes document."""
    lines = page_lines(pages)
    header, spans = find_minutes(lines)
    if not spans:
        header, spans = lettered_minutes(lines)
    outline = not spans
    if outline:  # a numbering style the readers above do not know: the paper's outline
        found = outline_minutes(pages)
        if found[1]:
            header, spans = found
    if spans:
        _trim_closing(spans[-1])
    if not outline:
        spans = split_sub_items(spans)
    items = [_item(span) for span in spans]
    _mark_exempt(items, spans)
    return items, _attendance(header, spans)


def _trim_closing(span: MinuteSpan) -> None:
    """End the last minute at the closing lines (meeting closed, signature, appendices)."""
    for k, line in enumerate(span.body):
        if _CLOSING.match(line.text):
            span.body = span.body[: max(k, 1)] if k == 0 else span.body[:k]
            break
    if span.body:
        span.page_end = span.body[-1].page
    else:
        span.page_end = span.page_start


def _item(span: MinuteSpan) -> ParsedItem:
    decisions = extract_decisions(span.body, span.title)
    narrative = decisions.narrative
    body = [line.text for line in span.body]
    return ParsedItem(
        title=_clean_title(span.title),
        number=span.number,
        minute_number=span.minute_number,
        page_start=span.page_start,
        page_end=span.page_end,
        sub_items=sub_headings(narrative),
        narrative="\n".join(line.text for line in narrative),
        resolutions=decisions.resolutions,
        reasons=decisions.reasons,
        declarations=declarations_in(span.title, narrative),
        recorded_votes=votes_in(body),
        motions=motions_with_movers(body, []),
    )


def _clean_title(title: str) -> str:
    """Drop the outcome US minutes print after an item's title ("... Ordinance. Adopted.")."""
    title = strip_title_tags(TRAILING_OUTCOME.sub("", title))
    return FILE_NUMBER.sub("", title.strip(" .;:"))


def sub_headings(lines: list[Line]) -> list[str]:
    """Headings inside a minute: numbered sub-items ("5A.", "44.1.") and short title lines."""
    found: list[str] = []
    for k, line in enumerate(lines):
        text = line.text
        numbered = _SUB_NUMBERED.match(text)
        if numbered and heading_like(numbered.group("title"), strict=False):
            found.append(numbered.group("title").strip(" .:"))
            continue
        if re.match(r"^[\W\d]", text) or len(text.split()) > 10 or not heading_like(text):
            continue
        before = lines[k - 1].text if k else ""
        after = lines[k + 1].text if k + 1 < len(lines) else ""
        if (not before or before.endswith((".", ":"))) and len(after) > 30 and after[0].isupper():
            found.append(text.strip(" .:"))
    return found


def declarations_in(title: str, lines: list[Line]) -> list[str]:
    """Each declaration of interest printed in a minute; "no declarations" gives none."""
    text = re.sub(r"\s+", " ", " ".join(line.text for line in lines)).strip()
    if not text:
        return []
    sentences = [
        s.strip()
        for part in _PARAGRAPH_MARK.split(text)
        for s in _SENTENCE.split(part)
        if s.strip()
    ]
    if _DECLARATIONS_TITLE.search(title):
        return [
            s.rstrip(".") + "."
            for s in sentences
            if not _NO_DECLARATIONS.match(s) and re.search(r"interest|declar|recus", s, re.I)
        ]
    return [s.rstrip(".") + "." for s in sentences if _DECLARED.search(s)]


def _mark_exempt(items: list[ParsedItem], spans: list[MinuteSpan]) -> None:
    """Exempt minutes: marked at their head, or named by an exclusion resolution, or (US)
    the business of a closed session."""
    excluded: set[int] = set()
    for item in items:
        if _CLOSED_SESSION.search(item.title):
            item.exempt = True
            continue
        head = "\n".join([item.title] + [ln.text for ln in _span_of(spans, item).body[:4]])
        if _EXCLUSION_TITLE.search(item.title):
            text = " ".join(r.text for r in item.resolutions) + " " + item.narrative
            excluded |= _minutes_named(text)
            continue
        if looks_exempt(head) and _EXEMPT_MARK.search(head) and not re.search(r"exclu", head, re.I):
            item.exempt = True
            item.exempt_paragraph = exempt_paragraph(head)
    for item in items:
        key = int(re.sub(r"\D", "", item.minute_number or "") or -1)
        if key in excluded and not item.exempt:
            item.exempt = True


def _span_of(spans: list[MinuteSpan], item: ParsedItem) -> MinuteSpan:
    for span in spans:
        if span.page_start == item.page_start and span.number == item.number:
            return span
    return spans[0]


def _minutes_named(text: str) -> set[int]:
    """Minute numbers an exclusion resolution names ("business specified in minutes 95-97")."""
    named: set[int] = set()
    for match in re.finditer(r"\bminutes?\s+(\d+)\s*(?:[-–]|to)\s*(\d+)", text, re.I):
        low, high = int(match.group(1)), int(match.group(2))
        if 0 <= high - low <= 50:
            named |= set(range(low, high + 1))
    return named


def _attendance(header: list[Line], spans: list[MinuteSpan]) -> ParsedAttendance | None:
    extra: list[str] = []
    apologies = ""
    for span in spans[:4]:
        if _ROLL_TITLE.search(span.title):
            body = [line.text for line in span.body]
            if (
                body
                and re.match(r"roll\s+call", span.title, re.I)
                and not labelled_lists(body[:1])
                and not is_roll_row(body[0])
            ):
                body[0] = "Present: " + body[0]  # "ROLL CALL: Board Members Rich, Peeler"
            extra += body
        if not apologies and _APOLOGIES_TITLE.search(span.title):
            apologies = "\n".join(line.text for line in span.body)
    att = parse_attendance([line.text for line in header], extra, apologies)
    if not (att.present or att.apologies or att.substitutes or att.officers or att.other_members):
        return None
    return att
