"""Items of agendas, reports packs, supplements, single reports and decision records.

``parse_agenda`` is the entry point: it reads the front sheet's numbered list
(``agenda_list``), finds each paper's pages in a pack (``pack_pages``), and reads each
report's front sheet (``report_frontsheet``). Decision records ("Record of Decision") become
one item whose resolutions are the decision's clauses.
"""

from __future__ import annotations

import re

from .agenda_list import parse_agenda_list
from .dates import find_dates
from .exempt import exempt_paragraph, looks_exempt
from .outline_items import outline_items
from .pack_pages import (
    agenda_item_marks,
    assign_page_ranges,
    is_blank_page,
    printed_page_numbers,
    printed_to_physical,
    strip_stamps,
    unstamped_lines,
)
from .parsed import PageContent, ParsedItem, ParsedReport, ParsedResolution
from .report_frontsheet import parse_report_frontsheet, report_section
from .report_people import contact_block

MAX_FRONT_SHEET_PAGES = 8
EXEMPT_HEAD = 15  # lines at the top of a paper where it is marked not for publication

_DECISION_FORM = re.compile(r"\brecord\s+of\s+(?:executive\s+|officer\s+|key\s+)?decision\b", re.I)
_DECISION_LABELS = {
    "number": r"decision\s+(?:no\.?|number|ref(?:erence)?)",
    "title": r"(?:subject\s+matter\s*/\s*)?title\s+of\s+decision|subject\s+matter|decision\s+title"
    r"|title|subject",
    "decision": r"decision(?:\(s\))?(?:\s+taken|\s+made)?",
    "reasons": r"reasons?(?:\(s\))?\s+for\s+(?:the\s+)?decisions?(?:\(s\))?",
    "stop": (
        r"cabinet\s+committee\s+recommendations.*|any\s+alternatives\s+considered.*"
        r"|alternative\s+options.*|any\s+interest\s+declared.*|signed|decision\s+to\s+be\s+taken\s+by"
        r"|key\s+decision.*|decision\s+(?:maker|taker)|date\s+of\s+(?:the\s+)?decision|summary"
        r"|publication\s+date|date\s+of\s+publication|effective\s+from|interests?\s+.*declared.*"
    ),
}
_ENUMERATED = re.compile(
    r"^\s*(?:\((?P<a>[a-z]{1,3}|\d{1,2})\)|(?P<b>[a-zA-Z]|\d{1,2}|[ivx]{1,4})[.)])\s+"
)
_CAPS_VERB = re.compile(r"^\s*[A-Z]{4,}\b")


def front_sheet_pages(pages: list[PageContent]) -> list[PageContent]:
    """The leading pages that hold the summons and agenda list, before the first paper."""
    marks = agenda_item_marks(pages)
    limit = min([*marks.values(), MAX_FRONT_SHEET_PAGES + 1, len(pages) + 1]) - 1
    front = pages[: max(limit, 1)]
    items = parse_agenda_list(front)
    stamps = printed_page_numbers(pages)
    for item in items:
        if not item.printed_page:
            continue
        physical = printed_to_physical(item.printed_page, stamps, len(pages))
        if physical is not None and (item.page_start or 0) < physical <= len(front):
            front = front[: physical - 1]
    return front


def parse_agenda(pages: list[PageContent], kind: str) -> list[ParsedItem]:
    """The items of an agenda-like document (kind: agenda-pack, agenda, supplement, report,
    decision), with page ranges, exempt flags and report front sheets where present."""
    if not pages:
        return []
    if kind == "decision" or (kind != "agenda-pack" and _is_decision_form(pages)):
        item = parse_decision_record(pages)
        if item is not None:
            return [item]
    if kind == "report":
        return [parse_single_report(pages)]
    front = front_sheet_pages(pages)
    items = parse_agenda_list(front, any_first_number=kind == "supplement")
    if not items and kind == "supplement":
        items = parse_agenda_list(pages[:MAX_FRONT_SHEET_PAGES], any_first_number=True)
    if not items and kind != "supplement":
        # A house style the agenda list reader does not know: the front sheet's outline.
        # (A supplement without an agenda list is a report: its numbered sections are not
        # items.)
        items = outline_items(front)
    if not items:
        return [parse_single_report(pages)] if kind == "supplement" else []
    assign_page_ranges(items, pages, front[-1].number + 1)
    for item in items:
        if item.has_paper:
            _read_paper(item, pages)
    return items


def _read_paper(item: ParsedItem, pages: list[PageContent]) -> None:
    """Attach the paper's front sheet (or decision record) to its agenda item."""
    paper = pages[item.page_start - 1 : item.page_end]
    if _is_decision_form(paper):
        decision = parse_decision_record(paper)
        if decision is not None:
            item.resolutions, item.reasons = decision.resolutions, decision.reasons
            _mark_exempt(item, decision.exempt, decision.exempt_paragraph)
            return
    # Only the item's own pages: a short paper must not take the next paper's front sheet.
    own_pages = min(2, item.page_end - item.page_start + 1)
    text, layout = unstamped_lines(pages[item.page_start - 1 : item.page_start - 1 + own_pages])
    report = parse_report_frontsheet(text, layout=layout)
    if report is not None:
        item.report = report
        _mark_exempt(item, report.exempt, report.exempt_paragraph)
    # A confidential paper says so at its head, front sheet or not: withhold it.
    head = "\n".join(strip_stamps(pages[item.page_start - 1].raw_text).splitlines()[:EXEMPT_HEAD])
    if looks_exempt(head):
        _mark_exempt(item, True, exempt_paragraph(head))


def _mark_exempt(item: ParsedItem, exempt: bool, paragraph: int | None) -> None:
    if exempt:
        item.exempt = True
        item.exempt_paragraph = item.exempt_paragraph or paragraph


def parse_single_report(pages: list[PageContent]) -> ParsedItem:
    """A stand-alone report: one item spanning the document, with its front sheet."""
    text, layout = unstamped_lines(pages[:2])
    report = parse_report_frontsheet(text, min_fields=1, layout=layout) or ParsedReport()
    _read_contacts(report, pages)
    marks = agenda_item_marks(pages[:1])
    number = next(iter(marks), None)
    title = _without_date(report.title or _first_heading(pages[0].raw_text) or "Report")
    end = len(pages)
    while end > 1 and is_blank_page(pages[end - 1]):
        end -= 1
    item = ParsedItem(
        title=title,
        number=number,
        report=report
        if report.title
        or any(getattr(report, f) for f in ("decision_type", "recommendation", "report_author"))
        else None,
    )
    item.page_start, item.page_end, item.has_paper = 1, end, True
    if report.exempt:
        item.exempt, item.exempt_paragraph = True, report.exempt_paragraph
    return item


def _read_contacts(report: ParsedReport, pages: list[PageContent]) -> None:
    """Fill what the front sheet left out from the rest of the report: the author(s) and
    director from its contact block or closing signature, the recommendations and reasons
    from their own sections."""
    wanted = ("report_author", "executive_director", "recommendation", "reason_for_recommendation")
    if all(getattr(report, name) for name in wanted):
        return
    whole = "\n".join(strip_stamps(page.raw_text) for page in pages)
    if not report.report_author or not report.executive_director:
        # Reports print their contact block at the end ("11. Contact details").
        authors, director = contact_block(*_placed_text(pages[-3:]))
        if not authors:
            authors = contact_block(whole)[0]
        if authors and not report.report_author:
            report.report_author = "; ".join(name for name, _ in authors)
            titles = [title for _, title in authors if title]
            report.author_title = "; ".join(titles) or report.author_title
        report.executive_director = report.executive_director or director
    for name in ("recommendation", "reason_for_recommendation"):
        if not getattr(report, name):
            setattr(report, name, report_section(whole, name))


def _placed_text(pages: list[PageContent]) -> tuple[str, list]:
    """The pages' unstamped text, with each line's (page, top, left) where measured."""
    lines: list[str] = []
    places: list = []
    for page in pages:
        text, layout = unstamped_lines([page])
        page_lines = text.split("\n")
        lines += page_lines
        boxes = layout or [None] * len(page_lines)
        places += [box and (page.number, box.top, box.x0) for box in boxes]
    return "\n".join(lines), places


def _without_date(title: str) -> str:
    """ "Community Grant Applications 13th March 2018" -> "Community Grant Applications"."""
    dates = find_dates(title)
    if dates and dates[-1].end >= len(title.rstrip(" .")) and dates[-1].start > 10:
        return title[: dates[-1].start].rstrip(" -–—,:")
    return title


def _first_heading(text: str) -> str | None:
    """The first title-like line, preferring the one after an "Agenda Item N" mark.

    A meeting line ("County Council Meeting - 13th March 2025") is not the title; a title
    wrapped over two lines is joined."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for index, line in enumerate(lines[:8]):
        if re.fullmatch(r"(?:agenda\s+)?item\s+\w+", line, re.I) and index + 1 < len(lines):
            return lines[index + 1]
    for index, line in enumerate(lines[:8]):
        if not 3 <= len(line) <= 120 or re.fullmatch(r"[\d\s./-]+", line) or ":" in line:
            continue
        if re.search(r"\bmeeting\b", line, re.I) and find_dates(line):
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        wrapped = len(line) >= 55 and ":" not in following and len(following) < 60
        if wrapped and following[:1].isalpha() and not following.endswith("."):
            return f"{line} {following}"
        return line
    return None


# -- decision records -------------------------------------------------------------------
def _is_decision_form(pages: list[PageContent]) -> bool:
    head = "\n".join(page.raw_text for page in pages[:1])[:600]
    return bool(_DECISION_FORM.search(head))


def _decision_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        stripped = line.strip()
        label, match = None, None
        for name in ("stop", "number", "title", "reasons", "decision"):
            pattern = _DECISION_LABELS[name]
            match = re.match(rf"^(?:{pattern})\s*(?::\s*(?P<rest>.*))?$", stripped, re.I)
            if match:
                label = name
                break
        if label is not None and match is not None:
            current = sections.setdefault(label, []) if label != "stop" else None
            if current is not None and match.group("rest"):
                current.append(match.group("rest").strip())
            continue
        if current is not None and stripped:
            current.append(stripped)
    return sections


def split_resolutions(lines: list[str]) -> list[ParsedResolution]:
    """Decision text -> clauses: enumerated ("A)", "(1)") or capitalised verbs ("APPROVE")."""
    resolutions: list[ParsedResolution] = []
    for line in lines:
        enumerated = _ENUMERATED.match(line)
        if enumerated or _CAPS_VERB.match(line):
            number = (enumerated.group("a") or enumerated.group("b")) if enumerated else ""
            text = line[enumerated.end() :] if enumerated else line
            resolutions.append(ParsedResolution(number=number, text=text.strip()))
        elif resolutions and not line.rstrip().endswith(":"):
            resolutions[-1].text += " " + line.strip()
        elif not line.rstrip().endswith(":"):
            resolutions.append(ParsedResolution(number="", text=line.strip()))
    return resolutions


def parse_decision_record(pages: list[PageContent]) -> ParsedItem | None:
    """A "Record of Decision" form: one item (title, number, decision clauses, reasons)."""
    text = "\n".join(strip_stamps(page.raw_text) for page in pages)
    sections = _decision_sections(text)
    title = " ".join(sections.get("title", [])[:2]).strip()
    if not title and not sections.get("decision"):
        return None
    number = (sections.get("number") or [None])[0]
    item = ParsedItem(title=title or "Decision", number=number)
    item.resolutions = split_resolutions(sections.get("decision", []))
    reasons = " ".join(sections.get("reasons", []))
    item.reasons = re.sub(r"\s+", " ", reasons).strip() or None
    end = len(pages)
    while end > 1 and is_blank_page(pages[end - 1]):
        end -= 1
    item.page_start, item.page_end, item.has_paper = pages[0].number, pages[end - 1].number, True
    head = strip_stamps(pages[0].raw_text)
    if looks_exempt(head):
        item.exempt, item.exempt_paragraph = True, exempt_paragraph(head)
    return item
