"""Read records of decision from a paper's pages (pure: page texts in, plain data out).

A record of decision ("Record of Decision", "Proposed Record of Decision", an officer
decision record) is a form: who takes the decision ("DECISION TO BE TAKEN BY:"), its number
("DECISION NO:" 24/00096), key decision yes/no, the title, the decision (a lead-in such as
"Cabinet agree to:" and its lettered or numbered parts, or one paragraph per part), the
reasons, the alternatives considered and rejected, interests declared and dispensations,
and the date beside "signed". A paper may hold several (a supplementary pack of proposed
records), each starting on a page whose head names the form.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import find_dates

_FORM = re.compile(
    r"(?P<proposed>proposed\s+)?record\s+of\s+(?:an?\s+)?(?:officer\s+|executive\s+|key\s+)?"
    r"decision|(?:officer|executive|delegated)\s+decision\s+(?:record|notice)|(?:^|\n)\s*decision\s+notice\b",
    re.I,
)
_REFERENCE = re.compile(r"\b\d{2}/\d{4,5}\b")
_LABELS = {
    "maker": r"decision\s+(?:to\s+be\s+)?taken\s+by|decision\s+(?:maker|taker)",
    "number": r"decision\s+(?:no\.?|number|reference)|reference(?:\s+no\.?)?",
    "key": r"key\s+decision",
    "title": r"subject\s+matter\s*/\s*title\s+of\s+decision|title\s+of\s+decision|subject|title",
    "decision": r"decision",
    "reasons": r"reasons?\s*\(?s?\)?\s+for\s+(?:the\s+)?decision",
    "consultation": r"cabinet\s+committee\s+recommendations\s+and\s+other\s+consultation",
    "alternatives": r"any\s+alternatives\s+considered(?:\s+and\s+rejected)?",
    "interests": r"any\s+interests?\s+declared[^:]*",
    "forward_plan": r"forward\s+plan\s+(?:reference|ref\.?)",
}
_LABEL = {
    name: re.compile(rf"(?:^|\n)\s*(?:{pattern})\s*:", re.I) for name, pattern in _LABELS.items()
}
_TITLE_HEAD = re.compile(r"(?:^|\n)\s*subject\s+matter\s*/\s*title\s+of\s+decision\s*\n", re.I)
_SIGNED = re.compile(r"\.{8,}|\bsigned\b", re.I)
_KEY_VALUE = re.compile(r"^\W*(yes|no)\b", re.I)
_LEAD_IN = re.compile(r"^(?P<lead>.{0,240}?\b(?:to|that|agreed?)\s*:)\s*", re.I | re.S)
_PART = re.compile(r"^\(?(?P<number>[A-Za-z]|\d{1,2}|[ivx]{1,4})[.)]\s+(?=\S)")
#: Where a record prints when its call-in period ends (the date follows in the same sentence).
_CALL_IN_DEADLINE = re.compile(
    r"call[\s-]*in\s+(?:period|deadline)(?:\s+(?:ends|expires|closes|ending|expiring))?"
    r"|(?:date\s+of\s+)?expiry\s+(?:date\s+)?(?:of\s+)?(?:the\s+)?call[\s-]*in"
    r"|call[\s-]*in\s+(?:expiry|end)\s+date"
    r"|(?:can\s*not|may\s+not|will\s+not)\s+be\s+implemented\s+(?:until|before)"
    r"|(?:can|may)\s+be\s+implemented\s+(?:from|after|on)",
    re.I,
)
_SENTENCE_END = re.compile(r"\.\s|\n\s*\n")
_OFFICER_ROLE = re.compile(
    r"\b(director|officer|head\s+of|manager|chief\s+executive|counsel|proper\s+officer)\b", re.I
)


@dataclass
class DecisionPartRead:
    number: str
    text: str


@dataclass
class DecisionRecord:
    reference: str = ""
    title: str = ""
    decision_maker: str = ""
    decision_maker_role: str = ""
    kind: str = "executive"  # "executive" | "officer"
    proposed: bool = False
    key_decision: bool | None = None
    lead_in: str = ""
    parts: list[DecisionPartRead] = field(default_factory=list)
    reasons: str = ""
    alternatives: str = ""
    interests: str = ""
    forward_plan_reference: str = ""
    date: dt.date | None = None
    call_in_deadline: dt.date | None = None
    page_start: int | None = None
    page_end: int | None = None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip(" ,;")


def _paragraphs(text: str) -> list[str]:
    return [
        _clean(p)
        for p in re.split(r"\n\s*\n|\n(?=\s*\(?[A-Za-z0-9]{1,3}[.)]\s)", text)
        if _clean(p)
    ]


def _sections(text: str) -> dict[str, tuple[int, int]]:
    """Where each labelled field's value starts and (before the next label) ends: the first
    of each label, the decision's the first after the title's."""
    found: list[tuple[int, int, str]] = []
    for name, pattern in _LABEL.items():
        if name == "decision":
            continue
        match = pattern.search(text)
        if match:
            found.append((match.start(), match.end(), name))
    after = max([end for _, end, name in found if name in ("title", "key")] or [0])
    title_head = _TITLE_HEAD.search(text)
    after = max(after, title_head.end() if title_head else 0)
    match = _LABEL["decision"].search(text, after)
    if match:
        found.append((match.start(), match.end(), "decision"))
    found.sort()
    spans: dict[str, tuple[int, int]] = {}
    for index, (_, end, name) in enumerate(found):
        stop = found[index + 1][0] if index + 1 < len(found) else len(text)
        spans[name] = (end, stop)
    return spans


def split_parts(text: str) -> tuple[str, list[DecisionPartRead]]:
    """(lead-in, parts) of a decision's text: lettered or numbered parts, or else one part a
    paragraph (a paragraph starting in lower case continues the one before)."""
    text = text.strip()
    lead = ""
    match = _LEAD_IN.match(text)
    if match and "\n\n" not in match["lead"]:
        lead, text = _clean(match["lead"]), text[match.end() :]
    paragraphs = _paragraphs(text)
    numbered = [p for p in paragraphs if _PART.match(p)]
    parts: list[DecisionPartRead] = []
    for paragraph in paragraphs:
        marker = _PART.match(paragraph)
        if marker and numbered:
            parts.append(DecisionPartRead(marker["number"], paragraph[marker.end() :].strip()))
        elif parts and (numbered or paragraph[:1].islower()):
            parts[-1].text = _clean(f"{parts[-1].text} {paragraph}")
        else:
            parts.append(DecisionPartRead("", paragraph))
    return lead, parts


def call_in_deadline(text: str) -> dt.date | None:
    """The date a record says its call-in period ends ("Call-in period ends: 24 January
    2025", "cannot be implemented until 5pm on 3 February 2025"), or None when it prints
    none."""
    for match in _CALL_IN_DEADLINE.finditer(text):
        rest = text[match.end() : match.end() + 200]
        stop = _SENTENCE_END.search(rest)
        dates = find_dates(rest[: stop.start()] if stop else rest)
        if dates:
            return dates[0].date
    return None


def split_maker(text: str) -> tuple[str, str]:
    """("Mrs Sue Chandler", "Cabinet Member for ...") from the decision maker's line."""
    name, _, role = _clean(text).partition(",")
    if role and re.search(
        r"\b(member|leader|director|officer|head|manager|executive)\b", role, re.I
    ):
        return name.strip(), role.strip()
    return _clean(text), ""


def read_record(text: str) -> DecisionRecord:
    """One record of decision from its text."""
    head = text[:400]
    form = _FORM.search(head)
    record = DecisionRecord(proposed=bool(form and form["proposed"]))
    signed = None
    spans = _sections(text)

    def value(name: str) -> str:
        if name not in spans:
            return ""
        start, stop = spans[name]
        return text[start:stop].strip()

    maker = value("maker")
    number = _REFERENCE.search(value("number") or maker or head)
    record.reference = number.group(0) if number else ""
    maker = _REFERENCE.sub(" ", maker)
    record.decision_maker, record.decision_maker_role = split_maker(maker.split("\n\n")[0])
    officer = _OFFICER_ROLE.search(record.decision_maker_role or record.decision_maker)
    record.kind = "officer" if officer else "executive"
    key = _KEY_VALUE.match(value("key"))
    record.key_decision = key.group(1).lower() == "yes" if key else None
    title_head = _TITLE_HEAD.search(text)
    if title_head:
        record.title = _clean(text[title_head.end() :].split("\n\n")[0].split("\nDecision:")[0])
    if not record.title:
        record.title = _clean(value("title").split("\n\n")[0])
    record.lead_in, record.parts = split_parts(value("decision"))
    record.reasons = value("reasons").strip()
    record.alternatives = value("alternatives").strip()
    interests = value("interests")
    signed = _SIGNED.search(interests)
    record.interests = _clean(interests[: signed.start()] if signed else interests)
    dates = find_dates(interests or text[-400:])
    if dates:
        record.date = dates[-1].date
        record.interests = _clean(
            record.interests.replace(interests[dates[-1].start : dates[-1].end], "")
        )
    record.call_in_deadline = call_in_deadline(text)
    reference = _REFERENCE.search(value("forward_plan"))
    record.forward_plan_reference = reference.group(0) if reference else ""
    return record


def one_persons_office(pages: list[tuple[int, str]]) -> str:
    """The office of the one person whose decision a paper records ("Cabinet Member for
    Integrated Children's Services", "Director of Finance"), or "" when it holds no such
    single signed record: a body's decision (Cabinet) or a proposed record is taken at a
    meeting, and a paper holding several records is a pack."""
    records = read_records(pages)
    if len(records) != 1 or records[0].proposed:
        return ""
    record = records[0]
    if record.decision_maker_role:
        return record.decision_maker_role
    return record.decision_maker if record.kind == "officer" else ""


def read_records(pages: list[tuple[int, str]]) -> list[DecisionRecord]:
    """Every record of decision in a paper's pages ((number, text) each)."""
    starts = [i for i, (_, text) in enumerate(pages) if _FORM.search((text or "")[:300])]
    records = []
    for n, first in enumerate(starts):
        last = (starts[n + 1] if n + 1 < len(starts) else len(pages)) - 1
        text = "\n\n".join(t or "" for _, t in pages[first : last + 1])
        record = read_record(text)
        if not (record.reference or record.title) or not record.parts:
            continue
        record.page_start, record.page_end = pages[first][0], pages[last][0]
        records.append(record)
    return records
