"""What the parsers read from a PDF, as plain data, before anything touches the database.

Every parser returns these dataclasses; the importer (``documents.importer``) is the only
code that turns them into model rows. Keeping the boundary plain makes the parsers easy to
test on text alone and lets the importer stay one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .vocabulary import DOCUMENT_KINDS  # noqa: F401  (the kinds, defined in vocabulary.py)


@dataclass
class Block:
    """One readable block of a page: a heading, a paragraph, a list, label/value pairs or a
    table. An ordered list's items keep their printed numbers ("1.", "(a)")."""

    kind: str  # "heading" | "paragraph" | "list" | "pairs" | "table"
    text: str = ""
    level: int = 2  # headings only: 2..4
    items: list[str] = field(default_factory=list)  # lists only
    rows: list[list[str]] = field(default_factory=list)  # tables only
    ordered: bool = False  # lists only
    label: str = ""  # paragraphs only: a run-in label printed before the text ("Recommendation:")
    pairs: list[list[str]] = field(default_factory=list)  # pairs only: [label, value]
    spans: list[list[int]] = field(default_factory=list)  # tables: [row, col, rowspan, colspan]
    header_rows: int = 1  # tables only

    def as_dict(self) -> dict:
        data: dict = {"kind": self.kind}
        if self.kind == "heading":
            data.update(text=self.text, level=self.level)
        elif self.kind == "list":
            data.update(items=self.items, ordered=self.ordered)
        elif self.kind == "table":
            data.update(rows=self.rows, header_rows=self.header_rows)
            if self.spans:
                data.update(spans=self.spans)
        elif self.kind == "pairs":
            data.update(pairs=self.pairs)
        else:
            data.update(text=self.text)
            if self.label:
                data.update(label=self.label)
        return data


@dataclass
class PageContent:
    """A physical page (1-based) as raw extracted text and as cleaned, structured text."""

    number: int
    raw_text: str  # as extracted, stamps and all; what the structure parsers read
    text: str = ""  # cleaned for reading and search (stamps, running heads removed)
    blocks: list[Block] = field(default_factory=list)
    ocr: bool = False  # text came from OCR, not a text layer
    blank: bool = False  # "This page is intentionally left blank" or empty
    layout: list | None = None  # a layout.LineBox (or None) per line of raw_text; not stored


@dataclass
class ParsedMeeting:
    organisation: str | None = None
    committee: str | None = None
    date: dt.date | None = None
    start_time: dt.time | None = None
    venue: str | None = None
    #: The paper is the record of one person's decision (committee is their office and date
    #: the day it was signed): no meeting is held for it.
    decision_record: bool = False


@dataclass
class ParsedReport:
    """A report's front sheet (the block at the top of a committee report)."""

    title: str | None = None
    decision_type: str | None = None
    portfolio_holder: str | None = None
    local_councillors: str | None = None
    executive_director: str | None = None
    report_author: str | None = None
    author_title: str | None = None
    author_contact: str | None = None
    report_status: str | None = None
    recommendation: str | None = None
    reason_for_recommendation: str | None = None
    exempt: bool = False
    exempt_paragraph: int | None = None


@dataclass
class ParsedResolution:
    number: str  # "1", "(a)", or "" when unnumbered
    text: str


@dataclass
class ParsedVote:
    """A named vote: who voted for, against and abstained ("for_": "for" is a keyword)."""

    question: str
    result: str
    for_: list[str] = field(default_factory=list)
    against: list[str] = field(default_factory=list)
    abstain: list[str] = field(default_factory=list)

    def side(self, name: str) -> list[str]:
        return {"for": self.for_, "against": self.against, "abstain": self.abstain}[name]


@dataclass
class ParsedMotion:
    """A motion or amendment moved: mover, seconder, result."""

    mover: str | None
    seconder: str | None
    result: str | None = None
    kind: str = "motion"  # "motion" | "amendment"
    tally: str | None = None
    text: str = ""


@dataclass
class ParsedItem:
    """An agenda item (agenda, pack) or a minute (minutes)."""

    title: str
    number: str | None = None  # agenda item number as printed, e.g. "6"
    minute_number: str | None = None  # minute number as printed, e.g. "88" or "CAB 45/17"
    sub_items: list[str] = field(default_factory=list)
    exempt: bool = False
    exempt_paragraph: int | None = None
    page_start: int | None = None  # 1-based physical pages of the item's paper / minute
    page_end: int | None = None
    has_paper: bool = False  # a pack holds a paper for the item
    printed_page: int | None = None  # the front sheet's printed page reference, if any
    printed_page_end: int | None = None  # last printed page of that reference ("Pages 11 - 24")
    report: ParsedReport | None = None
    narrative: str = ""  # minutes: the text of the minute (without resolutions)
    resolutions: list[ParsedResolution] = field(default_factory=list)
    reasons: str | None = None
    declarations: list[str] = field(default_factory=list)
    recorded_votes: list[ParsedVote] = field(default_factory=list)
    motions: list[ParsedMotion] = field(default_factory=list)


@dataclass
class ParsedSubstitute:
    name: str
    substitute_for: str


@dataclass
class ParsedAttendance:
    present: list[str] = field(default_factory=list)
    apologies: list[str] = field(default_factory=list)
    substitutes: list[ParsedSubstitute] = field(default_factory=list)
    officers: list[str] = field(default_factory=list)
    other_members: list[str] = field(default_factory=list)
    chair: str | None = None


@dataclass
class ParsedDocument:
    kind: str
    title: str
    meeting: ParsedMeeting
    pages: list[PageContent]
    items: list[ParsedItem] = field(default_factory=list)
    attendance: ParsedAttendance | None = None
    has_text_layer: bool = True
    ocr_used: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return len(self.pages)
