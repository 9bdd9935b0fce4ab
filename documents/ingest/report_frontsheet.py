"""A committee report's front sheet: the label/value block at the top of a report.

Councils word the labels differently ("Portfolio Holder" / "Cabinet Member", "Report Author"
/ "Contact Officer", "Local Councillor(s)" / "Wards affected"), so the labels live in one
table of synonyms; values run on until the next label or the first numbered section.
"""

from __future__ import annotations

import re

from .exempt import exempt_paragraph, looks_exempt
from .parsed import ParsedReport
from .report_people import assign_from

# field -> label synonyms (regex fragments, matched at the start of a line, before ":").
LABELS: dict[str, tuple[str, ...]] = {
    "portfolio_holder": (
        r"portfolio\s+holders?",
        r"cabinet\s+portfolio\s+holders?",
        r"lead\s+cabinet\s+members?",
        r"cabinet\s+leads?",
        r"member\s+sponsor",
        r"responsible\s+members?",
        r"cabinet\s+members?(?:\s+responsible)?",
        r"lead\s+members?",
        r"executive\s+members?",
        r"responsible\s+cabinet\s+member",
        r"portfolio",
    ),
    "local_councillors": (
        r"local\s+councillor(?:\(s\)|s)?",
        r"ward\s+councillor(?:\(s\)|s)?",
        r"wards?(?:\(s\))?\s+affected",
        r"electoral\s+divisions?(?:\(s\))?(?:\s+affected)?",
        r"electoral\s+wards?(?:\(s\))?(?:\s+affected)?",
        r"wards?\s*(?:and|/)\s*divisions?(?:\s+affected)?",
        r"divisions?\s+affected",
        r"wards?(?:\(s\))?",
    ),
    "executive_director": (
        r"report\s+sponsor",
        r"executive\s+director",
        r"corporate\s+director",
        r"strategic\s+director",
        r"service\s+director",
        r"responsible\s+director",
        r"chief\s+officer",
        r"accountable\s+officer",
        r"lead\s+director",
        r"director",
        r"lead\s+officer",
        r"responsible\s+officer",
    ),
    "report_author": (
        r"report\s+author",
        r"(?:report\s+)?prepared\s+by",
        r"author",
        r"contact\s+officer",
        r"report\s+contact",
        r"officer\s+contact",
        r"contact\s+for\s+enquiries",
        r"report\s+writer",
        r"contact",
    ),
    "author_title": (r"job\s+title", r"title", r"designation", r"position"),
    "author_contact": (r"tel(?:ephone)?", r"e-?mail", r"phone", r"contact\s+details"),
    "report_status": (r"report\s+status", r"status", r"classification", r"report\s+classification"),
    "recommendation": (
        r"recommendations?(?:\(s\))?",
        r"recommended",
        r"decisions?(?:\(s\))?\s+required",
        r"recommended\s+decision",
        r"proposed\s+decision",
    ),
    "reason_for_recommendation": (
        r"reasons?(?:\(s\))?\s+for\s+(?:the\s+)?recommendations?(?:\(s\))?",
        r"reasons?(?:\(s\))?\s+for\s+(?:the\s+)?decisions?(?:\(s\))?",
    ),
    "title": (
        r"subject",
        r"report\s+title",
        r"title\s+of\s+report",
        r"subject\s+matter(?:\s*/\s*title"
        r"\s+of\s+decision)?",
        r"title\s+of\s+decision",
    ),
    "from": (r"report\s+of", r"from", r"report\s+by", r"report\s+from", r"by"),
    "_other": (
        r"meeting",
        r"date",
        r"to",
        r"key\s+decision",
        r"budget/policy\s+framework",
        r"appendices",
        r"purpose(?:\s+of\s+(?:the\s+)?report)?",
        r"summary",
        r"past\s+pathway\s+of\s+paper",
        r"future\s+pathway\s+of\s+paper",
        r"executive\s+summary",
        r"background\s+papers",
        r"decision\s+no\.?",
        r"decision\s+number",
        r"decision\s+to\s+be\s+taken\s+by",
    ),
}
# Multi-line values only for these; the rest take one line (plus a wrapped continuation).
_LONG = {"recommendation", "reason_for_recommendation"}

_LABEL_LINE = re.compile(
    r"^\s*(?P<label>"
    + "|".join(f"(?:{alt})" for alts in LABELS.values() for alt in alts)
    + r")\s*(?::|\t|\s{3,})\s*(?P<value>.*)$",
    re.I,
)
# A label printed alone as a heading ("Purpose of report"): the end of a long value above it.
_BARE_LABEL = re.compile(
    r"^\s*(?:" + "|".join(f"(?:{alt})" for alts in LABELS.values() for alt in alts) + r")\s*:?\s*$",
    re.I,
)
_HEADING_LABEL = re.compile(
    r"^\s*(?:\d{1,2}(?:\.0)?\.?\s+)?(?P<label>recommendations?(?:\(s\))?|reasons?(?:\(s\))?\s+for\s+"
    r"(?:the\s+)?(?:recommendations?|decisions?)(?:\(s\))?)\s*:?\s*$",
    re.I,
)
_DECISION_TYPE = re.compile(
    r"^\s*(?P<value>for\s+(?:decision|information|review\s+and\s+consultation|consultation|"
    r"recommendation(?:\s+to\s+\w+(?:\s+\w+)?)?|noting|approval|discussion|comment|"
    r"scrutiny|review|assurance|endorsement)(?:\s+and\s+\w+)?)\s*\.?\s*$",
    re.I,
)
_NUMBERED_SECTION = re.compile(r"^\s*\d{1,2}(?:\.0)?\.?\s+[A-Z][\w ,&'’-]{2,60}$")
_STATUS_LINE = re.compile(
    r"^\s*(?P<value>for\s+general\s+release|not\s+for\s+publication|open|public|exempt|"
    r"confidential|restricted|unrestricted|part\s*(?:i|ii|1|2|a|b))\s*$",
    re.I,
)
_DATE_LINE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4}\b"
    r"|^\s*\d{1,2}/\d{1,2}/\d{2,4}\s*$",
    re.I,
)


_ANY_LABEL = re.compile(r"^\s*[A-Z][A-Za-z ()/&'’-]{2,40}:(?:\s|$)")


def _field_for(label: str) -> str:
    label = re.sub(r"\s+", " ", label.strip().lower())
    for name, alternatives in LABELS.items():
        if any(re.fullmatch(alt, label, re.I) for alt in alternatives):
            return name
    return "_other"


def _value_column(box, label_box) -> bool | None:
    """Whether a line sits in the value column of a label set in columns (None: unknown)."""
    if box is None or label_box is None or label_box.rest_x is None:
        return None
    return box.x0 >= label_box.x0 + 12


def _after_gap(box, previous) -> bool:
    """A line set lower than the line pitch: a new entry of a list value."""
    if box is None or previous is None:
        return False
    return box.top - previous.top > 1.6 * max(previous.size, 1.0)


def _labelled_values(lines: list[str], layout: list | None = None) -> list[tuple[str, list, int]]:
    """(field, value lines, line index) for each label line, values gathered across lines.

    Each value line is (text, set after a gap). With the page layout, a short value runs on
    while the lines stay in the label's value column; without it, for a line or two.
    """
    boxes = layout if layout is not None and len(layout) == len(lines) else [None] * len(lines)
    found: list[tuple[str, list, int]] = []
    current: list | None = None
    current_field = ""
    label_box = previous = None
    for index, line in enumerate(lines):
        box = boxes[index]
        match = _LABEL_LINE.match(line)
        heading = _HEADING_LABEL.match(line)
        if heading:
            match = None
            found.append((_field_for(heading.group("label")), [], index))
        elif match:
            value = match.group("value").strip()
            found.append((_field_for(match.group("label")), [(value, False)], index))
        elif current is not None and _NUMBERED_SECTION.match(line) and current_field in _LONG:
            current = None
            continue
        elif current is not None and current_field not in _LONG:
            column = _value_column(box, label_box)
            if column is False or (column is None and _ANY_LABEL.match(line)):
                current = None  # back at the label column: the next label, or the body
                continue
            # Without the layout a subject or a list of people ("From") wraps over up to
            # four lines, other fields two.
            limit = 8 if column else 4 if current_field in {"title", "from"} else 2
            if len(current) < limit and line.strip():
                current.append((line.strip(), _after_gap(box, previous)))
            previous = box or previous
            continue
        elif current is not None:
            if _BARE_LABEL.match(line):
                current = None
                continue
            if len(current) < 60 and line.strip():
                current.append((line.strip(), False))
            continue
        else:
            continue
        current_field, current = found[-1][0], found[-1][1]
        label_box = previous = box
    return found


def _joined(values: list) -> str:
    return " ".join(text for text, _ in values if text).strip()


def _title_above(lines: list[str], index: int) -> str | None:
    """The report title printed just above the decision-type line (after any date line)."""
    title: list[str] = []
    for line in reversed(lines[max(0, index - 4) : index]):
        if _DATE_LINE.search(line) or _LABEL_LINE.match(line) or not line.strip():
            break
        title.insert(0, line.strip())
    return " ".join(title) or None


def parse_report_frontsheet(
    text: str, min_fields: int = 2, layout: list | None = None
) -> ParsedReport | None:
    """The front-sheet fields of a report whose first page(s) are ``text``.

    ``layout`` (a ``layout.LineBox`` or None per line of ``text``) tells a value's wrapped
    lines, set in the value column, from the next label or the body at the label column.
    None when fewer than ``min_fields`` front-sheet fields are found (a paper without one).
    """
    lines = [line.rstrip() for line in text.splitlines()]
    report = ParsedReport()
    hits = 0
    decision_index = next(
        (i for i, line in enumerate(lines[:40]) if _DECISION_TYPE.match(line)), None
    )
    if decision_index is not None:
        report.decision_type = _DECISION_TYPE.match(lines[decision_index]).group("value").strip()
        report.title = _title_above(lines, decision_index)
        hits += 1
    seen_author = False
    for name, values, _ in _labelled_values(lines, layout):
        value = _joined(values)
        if name == "_other" or not value:
            continue
        if name == "title" and seen_author is False and report.title:
            continue
        if name == "author_title" and not seen_author:
            name = "title"
        if name == "from":
            assign_from(report, values)
            hits += 1
            continue
        if name == "author_contact":
            report.author_contact = f"{report.author_contact or ''} {value}".strip()
            continue
        if getattr(report, name) is None:
            setattr(report, name, _tidy(value, name))
            hits += 1
            seen_author = seen_author or name == "report_author"
    _split_author_title(report)
    if report.report_status is None:
        status = next((m for line in lines[:40] if (m := _STATUS_LINE.match(line))), None)
        if status:
            report.report_status = status.group("value").strip()
            hits += 1
    if hits < min_fields:
        return None
    head = "\n".join(lines[:60])
    status = report.report_status or ""
    report.exempt = looks_exempt(status) or bool(
        re.search(r"^\s*(?:not\s+for\s+publication|exempt|confidential)\b", head, re.I | re.M)
    )
    if report.exempt:
        report.exempt_paragraph = exempt_paragraph(head)
    return report


_SECTION_HEADINGS = {
    "recommendation": re.compile(
        r"^\s*(?:\d{1,2}(?:\.0)?\.?\s+)?recommendations?(?:\(s\))?\s*:?\s*$", re.I
    ),
    "reason_for_recommendation": re.compile(
        r"^\s*(?:\d{1,2}(?:\.0)?\.?\s+)?reasons?(?:\(s\))?\s+for\s+(?:the\s+)?"
        r"(?:recommendations?|decisions?)(?:\(s\))?\s*:?\s*$",
        re.I,
    ),
}


def report_section(text: str, name: str) -> str | None:
    """The text under a report's own "Recommendation(s)" or "Reasons for Recommendations"
    heading (often pages after the front sheet), up to the next section."""
    lines = text.splitlines()
    heading = _SECTION_HEADINGS[name]
    start = next((i for i, line in enumerate(lines) if heading.match(line)), None)
    if start is None:
        return None
    body: list[str] = []
    for line in lines[start + 1 : start + 30]:
        if _NUMBERED_SECTION.match(line) or _HEADING_LABEL.match(line):
            break
        if line.strip():
            body.append(line.strip())
    return _tidy(" ".join(body), name) or None


def _tidy(value: str, name: str) -> str:
    value = re.sub(r"\s+", " ", value).strip()
    if name not in _LONG:
        value = value.rstrip(" .;,")
    else:  # "2.1 Cabinet is asked to ..." : the paragraph number is not the recommendation
        value = re.sub(r"^\d{1,2}\.\d{1,2}\.?\s+", "", value)
    return value


def _split_author_title(report: ParsedReport) -> None:
    """ "Karen Haile, Service Delivery Manager" -> author and title, if no title was given."""
    author = report.report_author
    if author and not report.author_title and "," in author:
        name, _, title = author.partition(",")
        if 1 <= len(name.split()) <= 4:
            report.report_author, report.author_title = name.strip(), title.strip()
    if report.report_author:
        pattern = r"\s+(?:tel|e-?mail|phone)\b"
        report.report_author = re.split(pattern, report.report_author, maxsplit=1, flags=re.I)[0]
