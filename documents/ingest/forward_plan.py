"""Read a forward plan of key decisions from a paper's tables (pure: pages in, plain data out).

A forward plan is a table whose header names a decision maker column beside the subject
("Subject / Decision | Decision Maker | Date the Decision is Due | Other Committee(s)
consulted | Portfolio Holder | Officer Contact"). Each entry is one row; the subject cell
also holds "Key Decision - Yes", "Public Access - Open" (or exempt, with its paragraph) and
the description. A row holding only a month ("September") heads the rows under it; a row
with text in its first cell only, and no key decision mark, continues the entry before it
(a row split over two pages). Works on the table blocks the reading view stores
(``Block.as_dict()``), so it reads stored papers as well as new ones.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import MONTHS, find_dates

_HEAD = re.compile(r"forward\s+plan", re.I)
_PUBLISHED = re.compile(r"publication\s+date:?\s*(.{6,30}?\d{4})", re.I)
_KEY = re.compile(r"\bkey\s+decision\s*[-–:]?\s*(?P<key>yes|no)\b", re.I)
_ACCESS = re.compile(
    r"\b(?:public\s+access|open\s*/\s*exempt|access)\s*[-–:]?\s*"
    r"(?P<access>fully\s+exempt|part(?:ly)?\s+exempt|exempt|private|confidential|open)"
    r"(?:[\s,(]*(?:para(?:graph)?s?\.?\s*)(?P<paragraph>[1-7])\)?)?",
    re.I,
)
_LABEL = re.compile(r"^\s*(decision\s+maker|decision\s+date|date)\s*:?\s*", re.I)
_MONTH_ROW = re.compile(
    r"^(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\w*(?:\s+(?:19|20)\d\d)?$",
    re.I,
)
_MONTH_ONLY = re.compile(
    r"\b(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\w*\.?\s+"
    r"(?P<year>(?:19|20)\d\d)\b",
    re.I,
)


@dataclass
class PlanEntry:
    subject: str
    description: str = ""
    decision_maker: str = ""
    decision_due: dt.date | None = None
    due_month_only: bool = False
    key_decision: bool | None = None
    exempt: bool = False
    exempt_paragraph: int | None = None
    portfolio_holder: str = ""
    officer_contact: str = ""
    consultees: str = ""
    reference: str = ""
    page: int | None = None


@dataclass
class ForwardPlan:
    published: dt.date | None = None
    entries: list[PlanEntry] = field(default_factory=list)


@dataclass(frozen=True)
class _Columns:
    subject: int
    maker: int
    due: int | None
    consultees: int | None
    portfolio: int | None
    officer: int | None
    reference: int | None


def _find(header: list[str], *patterns: str) -> int | None:
    for index, cell in enumerate(header):
        if any(re.search(p, cell, re.I) for p in patterns):
            return index
    return None


def columns(header: list[str]) -> _Columns | None:
    """Where each field is in a forward plan table, or None if this is no forward plan."""
    maker = _find(header, r"decision[\s-]*maker", r"decision\s+taker")
    subject = _find(header, r"subject", r"^\s*(title|matter|decision|issue)\b")
    if maker is None or subject is None or subject == maker:
        return None
    return _Columns(
        subject=subject,
        maker=maker,
        due=_find(header, r"\bdue\b", r"date"),
        consultees=_find(header, r"consult"),
        portfolio=_find(header, r"portfolio", r"cabinet\s+member", r"lead\s+member"),
        officer=_find(header, r"officer", r"contact"),
        reference=_find(header, r"^\s*(ref|reference|no\.?)\b"),
    )


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip(" ,;")


def _cell(row: list[str], index: int | None) -> str:
    return _clean(row[index]) if index is not None and index < len(row) else ""


def due_date(text: str) -> tuple[dt.date | None, bool]:
    """The date a decision is due: a day, or only a month (then the 1st, month only)."""
    text = _LABEL.sub("", text)
    found = find_dates(text)
    if found:
        return found[0].date, False
    month = _MONTH_ONLY.search(text)
    if month:
        return dt.date(int(month["year"]), MONTHS[month["month"].lower()[:3]], 1), True
    return None, False


def read_subject(text: str) -> tuple[str, str, bool | None, bool, int | None]:
    """(subject, description, key decision, exempt, paragraph) from a subject cell."""
    marks = [m for m in (_KEY.search(text), _ACCESS.search(text)) if m]
    key = _KEY.search(text)
    access = _ACCESS.search(text)
    if not marks:
        return _clean(text), "", None, False, None
    start = min(m.start() for m in marks)
    end = max(m.end() for m in marks)
    subject, description = text[:start], text[end:]
    exempt = bool(access) and access["access"].lower() != "open"
    paragraph = int(access["paragraph"]) if access and access["paragraph"] else None
    keyed = key["key"].lower() == "yes" if key else None
    return _clean(subject), _clean(description), keyed, exempt, paragraph


def _is_continuation(row: list[str], cols: _Columns) -> bool:
    others = [c for i, c in enumerate(row) if i != cols.subject and _clean(c)]
    return not others and not _KEY.search(row[cols.subject] if row else "")


def read_table(rows: list[list[str]], cols: _Columns, page: int, last: PlanEntry | None):
    """The entries of one forward plan table (its header row already left out)."""
    entries: list[PlanEntry] = []
    for row in rows:
        first = _cell(row, cols.subject)
        if not any(_clean(c) for c in row):
            continue
        if _is_continuation(row, cols):
            if _MONTH_ROW.match(first):
                continue  # a month heading
            if last is not None:
                last.description = _clean(f"{last.description} {first}")
            continue
        subject, description, key, exempt, paragraph = read_subject(first)
        due, month_only = due_date(_cell(row, cols.due))
        entry = PlanEntry(
            subject=subject,
            description=description,
            decision_maker=_LABEL.sub("", _cell(row, cols.maker)).strip(),
            decision_due=due,
            due_month_only=month_only,
            key_decision=key,
            exempt=exempt,
            exempt_paragraph=paragraph,
            portfolio_holder=_cell(row, cols.portfolio),
            officer_contact=_cell(row, cols.officer),
            consultees=_cell(row, cols.consultees),
            reference=_cell(row, cols.reference),
            page=page,
        )
        entries.append(entry)
        last = entry
    return entries, last


def read_forward_plan(pages: list[tuple[int, str, list[dict]]]) -> ForwardPlan | None:
    """The forward plan in a paper's pages ((number, text, blocks) each), or None."""
    plan = ForwardPlan()
    last: PlanEntry | None = None
    for number, text, blocks in pages:
        if plan.published is None and _HEAD.search(text or ""):
            match = _PUBLISHED.search(text)
            found = find_dates(match.group(1)) if match else []
            plan.published = found[0].date if found else None
        for block in blocks or []:
            if block.get("kind") != "table" or not block.get("rows"):
                continue
            header_rows = max(1, int(block.get("header_rows") or 1))
            header = [" ".join(parts) for parts in zip(*block["rows"][:header_rows], strict=False)]
            cols = columns(header)
            if cols is None:
                continue
            found, last = read_table(block["rows"][header_rows:], cols, number, last)
            plan.entries += found
    return plan if plan.entries else None
