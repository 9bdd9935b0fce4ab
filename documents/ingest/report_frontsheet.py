"""A committee report's front sheet: the label/value block at the top of a report.

Councils word the labels differently ("Portfolio Holder" / "Cabinet Member", "Report Author"
/ "Contact Officer", "Local Councillor(s)" / "Wards affected"), so the labels live in one
table of synonyms; values run on until the next label or the first numbered section.
"""

from __future__ import annotations

import re

from .exempt import exempt_paragraph, looks_exempt
from .parsed import ParsedReport

# field -> label synonyms (regex fragments, matched at the start of a line, before ":").
LABELS: dict[str, tuple[str, ...]] = {
    "portfolio_holder": (
        r"portfolio\s+holders?",
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
        r"divisions?\s+affected",
        r"wards?(?:\(s\))?",
    ),
    "executive_director": (
        r"executive\s+director",
        r"corporate\s+director",
        r"strategic\s+director",
        r"lead\s+director",
        r"director",
        r"lead\s+officer",
        r"responsible\s+officer",
    ),
    "report_author": (
        r"report\s+author",
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
    "from": (r"report\s+of", r"from", r"report\s+by", r"report\s+from"),
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
_HEADING_LABEL = re.compile(
    r"^\s*\d{1,2}(?:\.0)?\.?\s+(?P<label>recommendations?(?:\(s\))?|reasons?(?:\(s\))?\s+for\s+"
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


def _labelled_values(lines: list[str]) -> list[tuple[str, str, int]]:
    """(field, value, line index) for each label line, values gathered across lines."""
    found: list[tuple[str, list[str], int]] = []
    current: list[str] | None = None
    current_field = ""
    for index, line in enumerate(lines):
        match = _LABEL_LINE.match(line)
        heading = _HEADING_LABEL.match(line)
        if heading:
            match = None
            found.append((_field_for(heading.group("label")), [], index))
        elif match:
            found.append((_field_for(match.group("label")), [match.group("value").strip()], index))
        elif current is not None and _NUMBERED_SECTION.match(line) and current_field in _LONG:
            current = None
            continue
        elif current is not None and current_field == "title" and _ANY_LABEL.match(line):
            current = None  # "Previous Pathway: ..." is the next label, not more of the subject
            continue
        elif current is not None:
            # A subject wraps over up to four lines; other short fields over two.
            limit = 60 if current_field in _LONG else 4 if current_field == "title" else 2
            if len(current) < limit and line.strip():
                current.append(line.strip())
            continue
        else:
            continue
        current_field, current = found[-1][0], found[-1][1]
    return [(name, " ".join(v for v in values if v).strip(), i) for name, values, i in found]


def _title_above(lines: list[str], index: int) -> str | None:
    """The report title printed just above the decision-type line (after any date line)."""
    title: list[str] = []
    for line in reversed(lines[max(0, index - 4) : index]):
        if _DATE_LINE.search(line) or _LABEL_LINE.match(line) or not line.strip():
            break
        title.insert(0, line.strip())
    return " ".join(title) or None


def parse_report_frontsheet(text: str, min_fields: int = 2) -> ParsedReport | None:
    """The front-sheet fields of a report whose first page(s) are ``text``.

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
    for name, value, _ in _labelled_values(lines):
        if name == "_other" or not value:
            continue
        if name == "title" and seen_author is False and report.title:
            continue
        if name == "author_title" and not seen_author:
            name = "title"
        if name == "from":
            _assign_from(report, value)
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


def _tidy(value: str, name: str) -> str:
    value = re.sub(r"\s+", " ", value).strip()
    if name not in _LONG:
        value = value.rstrip(" .;,")
    return value


def _assign_from(report: ParsedReport, value: str) -> None:
    """A "Report of" / "From" value may name the cabinet member, the director, or both."""
    parts = re.split(r"\s{2,}|(?<=[a-z])\s+(?=[A-Z][a-z]+ [A-Z][a-z]+,)", value)
    for part in parts:
        part = part.strip(" ,")
        if re.search(r"cabinet\s+member|portfolio|leader|executive\s+member", part, re.I):
            report.portfolio_holder = report.portfolio_holder or part
        elif re.search(r"director|chief\s+executive|head\s+of|officer", part, re.I):
            report.executive_director = report.executive_director or part


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


_AUTHOR_LABEL = re.compile(r"^\s*(?:report\s+)?author(?:\s*\(s\))?\b\s*:?\s*(?P<rest>.*)$", re.I)
_CONTACT_NOISE = re.compile(
    r"@|\d{4}|^\s*(?:tel|telephone|phone|email|e-mail|mobile|ext)\b|:\s*$|^\s*relevant\s+", re.I
)
_PERSON = re.compile(
    r"^(?:(?:Dr|Mr|Mrs|Ms|Miss|Cllr)\.?\s+)?[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}$"
)


_ROLE = re.compile(
    r"\b(?:director|officer|manager|head|chief|accountant|clerk|lead|adviser|advisor|analyst|"
    r"counsel|executive|assistant|deputy|interim|acting|senior|principal|coordinator)\b",
    re.I,
)


def contact_author(text: str) -> tuple[str, str | None] | None:
    """The report author and their job title from the "Contact details" block a report
    prints at its end ("Report Author:" / "Nick Abrahams" / "Assistant Director ...")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for index, line in enumerate(lines):
        label = _AUTHOR_LABEL.match(line)
        if not label or re.search(r"\band\b", line, re.I):
            continue
        rest = re.sub(r"\s*relevant\s+director.*$", "", label["rest"], flags=re.I).strip(" :")
        following = [rest] if rest else []
        following += [n for n in lines[index + 1 : index + 4] if not _CONTACT_NOISE.search(n)]
        if not following:
            continue
        name, _, title = following[0].partition(",")
        if not _PERSON.match(name.strip()):
            continue
        title = title.strip() or (following[1] if len(following) > 1 else "")
        person = _PERSON.match(title) and not _ROLE.search(title)
        if title and (person or _AUTHOR_LABEL.match(title)):
            title = ""
        return name.strip(), title.strip() or None
    return None
