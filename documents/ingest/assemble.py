"""A meeting's records from the set of its papers: a pure function, no database, no request.

The papers of one meeting arrive in any order (agenda, pack, reports, appendices, minutes,
supplements, records of decision, the previous meeting's minutes). What the meeting holds
depends on the set, never on the order:

- only the agenda (front sheet, summons, pack) defines the items: numbers, titles, order;
- a supplement adds the items it lists and attaches its papers to those it shares;
- only minutes define minutes, resolutions and attendance; a minute joins the agenda item it
  minutes, and a minute with no item on the agenda becomes an item of its own;
- reports, appendices, records of decision and other papers attach to an item (by the
  "Agenda Item N" mark, a decision reference such as "24/00109", "Item N" in the file name,
  or the title) or to the meeting, and never rename, renumber or add items;
- with neither agenda nor minutes, each report or record of decision stands for one item,
  until an agenda arrives to say what the items are.

Ties are broken by the papers' content hashes, never by when they were read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from documents.ingest.identity import reference
from documents.ingest.parsed import (
    ParsedAttendance,
    ParsedDocument,
    ParsedItem,
    ParsedMotion,
    ParsedReport,
    ParsedVote,
)
from documents.ingest.vocabulary import AGENDA_KINDS

PRECEDENCE = {
    "agenda-pack": 0,
    "agenda": 1,
    "supplement": 2,
    "minutes": 3,
    "decision": 4,
    "report": 5,
    "appendix": 6,
    "other": 7,
}
MINUTE_TITLE_MATCH = 0.8
PAPER_TITLE_MATCH = 0.85


@dataclass(frozen=True)
class Paper:
    """One stored paper of the meeting, with what was read from it."""

    ref: int  # the stored paper's id: echoed in the plan, never used to order anything
    key: str  # its content hash
    kind: str
    identity: str
    filename: str
    title: str
    page_count: int
    reading: ParsedDocument
    minutes_elsewhere: bool = False  # minutes of an earlier meeting, up for approval here
    # How its head fits the meeting: 2 names it (committee and date), 1 is silent, 0 names
    # another. A paper whose head names another meeting never defines this one's items.
    fit: int = 1


@dataclass
class Span:
    paper: int
    start: int
    end: int
    holds_paper: bool


@dataclass
class PlannedResolution:
    number: str
    text: str
    paper: int


@dataclass
class PlannedItem:
    read_key: str
    title: str
    source: int | None
    number: str = ""
    minute_number: str = ""
    exempt: bool = False
    exempt_paragraph: int | None = None
    minutes_source: int | None = None
    narrative: str = ""
    reasons: str = ""
    resolutions: list[PlannedResolution] = field(default_factory=list)
    declarations: list[tuple[str, int]] = field(default_factory=list)
    votes: list[tuple[ParsedVote, int]] = field(default_factory=list)
    motions: list[tuple[ParsedMotion, int]] = field(default_factory=list)
    report: ParsedReport | None = None
    report_source: int | None = None
    spans: list[Span] = field(default_factory=list)
    sub_items: list[PlannedItem] = field(default_factory=list)

    def mark_exempt(self, exempt: bool, paragraph: int | None) -> None:
        """A paper can make an item exempt, never make an exempt item public again."""
        if exempt:
            self.exempt = True
            if self.exempt_paragraph is None and paragraph and 1 <= paragraph <= 7:
                self.exempt_paragraph = paragraph


@dataclass
class MeetingPlan:
    items: list[PlannedItem] = field(default_factory=list)
    attendance: ParsedAttendance | None = None
    attendance_source: int | None = None
    committee: str | None = None
    organisation: str | None = None
    start_time: object = None
    venue: str | None = None
    held: bool = False
    attached_to: dict[int, str | None] = field(default_factory=dict)  # paper -> item read_key


def words(text: str | None) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", (text or "").lower()).split())


def number_key(value: str | None) -> str:
    """An item number as compared: "3.", "(3)" and "3" are one; "3.1" is not "31" (as
    ``meetings.matching.number_key``, which the parsers may not import)."""
    return re.sub(r"[\s:()]|(?<!\d)\.|\.(?!\d)", "", (value or "").lower())


def similarity(a: str | None, b: str | None) -> float:
    from difflib import SequenceMatcher

    a, b = words(a), words(b)
    if not a or not b:
        return 0.0
    return 1.0 if a == b else SequenceMatcher(None, a, b, autojunk=False).ratio()


def item_key(number: str | None, title: str | None, prefix: str = "n") -> str:
    if number_key(number):
        return f"{prefix}:{number_key(number)}"[:120]
    return f"t:{words(title)[:100]}"


class _Builder:
    def __init__(self) -> None:
        self.items: list[PlannedItem] = []
        self.minuted: set[str] = set()

    def find(self, key: str) -> PlannedItem | None:
        return next((i for i in self.items if i.read_key == key), None)

    def by_number(self, number: str | None, among=None) -> PlannedItem | None:
        key = number_key(number)
        if not key:
            return None
        pool = self.items if among is None else among
        return next((i for i in pool if number_key(i.number) == key), None)

    def by_title(self, title: str, threshold: float, among=None) -> PlannedItem | None:
        pool = self.items if among is None else among
        best = max(pool, key=lambda i: similarity(i.title, title), default=None)
        return best if best is not None and similarity(best.title, title) >= threshold else None

    def insert_by_number(self, item: PlannedItem) -> None:
        """Place a supplement's new item after the items numbered before it."""
        position = len(self.items)
        mine = _numeric(item.number)
        if mine is not None:
            for index, other in enumerate(self.items):
                theirs = _numeric(other.number)
                if theirs is not None and theirs > mine:
                    position = index
                    break
        self.items.insert(position, item)

    # -- papers that define items -------------------------------------------------------
    def add_agenda(self, paper: Paper) -> None:
        seen: set[str] = set()
        for parsed in paper.reading.items:
            key = item_key(parsed.number, parsed.title)
            if key in seen:  # the same number twice in one agenda: two items all the same
                key = f"{key}~{words(parsed.title)[:40]}"[:120]
            seen.add(key)
            item = self.find(key)
            if item is None:
                item = PlannedItem(
                    read_key=key,
                    title=parsed.title,
                    source=paper.ref,
                    number=(parsed.number or "")[:20],
                )
                item.sub_items = _sub_items(item, parsed, paper.ref)
                self.items.append(item)
            self.take_papers(item, paper, parsed)

    def add_supplement(self, paper: Paper) -> None:
        for parsed in paper.reading.items:
            item = self.by_number(parsed.number) or self.by_title(parsed.title, 0.9)
            if item is None:
                item = PlannedItem(
                    read_key=item_key(parsed.number, parsed.title),
                    title=parsed.title,
                    source=paper.ref,
                    number=(parsed.number or "")[:20],
                )
                item.sub_items = _sub_items(item, parsed, paper.ref)
                self.insert_by_number(item)
            self.take_papers(item, paper, parsed)

    def take_papers(self, item: PlannedItem, paper: Paper, parsed: ParsedItem) -> None:
        """What an agenda or supplement says of an item it lists: pages, report, exemption."""
        item.mark_exempt(parsed.exempt, parsed.exempt_paragraph)
        span = _span(paper, parsed, holds_paper=parsed.has_paper)
        if span is not None:
            item.spans.append(span)
        if parsed.report is not None and item.report is None:
            item.report, item.report_source = parsed.report, paper.ref
            item.mark_exempt(parsed.report.exempt, parsed.report.exempt_paragraph)
        if parsed.resolutions and not item.resolutions:
            item.resolutions = _resolutions(parsed, paper.ref)
            item.reasons = item.reasons or (parsed.reasons or "")

    def add_minutes(self, paper: Paper) -> None:
        defined_by_agenda = bool(self.items)
        last = -1
        for parsed in paper.reading.items:
            item = self._minuted_item(parsed) if defined_by_agenda else None
            if item is None:
                agenda_number = _agenda_number(parsed)
                item = PlannedItem(
                    read_key=item_key(agenda_number, parsed.title)
                    if agenda_number
                    else item_key(parsed.minute_number, parsed.title, prefix="m"),
                    title=parsed.title,
                    source=paper.ref,
                    number=(agenda_number or "")[:20],
                )
                if self.find(item.read_key) is not None:
                    item.read_key = f"{item.read_key}~{words(parsed.title)[:40]}"[:120]
                item.sub_items = _sub_items(item, parsed, paper.ref)
                self.items.insert(last + 1, item)
            self.minuted.add(item.read_key)
            last = self.items.index(item)
            item.minute_number = (parsed.minute_number or parsed.number or "")[:30]
            item.minutes_source = paper.ref
            item.narrative = parsed.narrative or ""
            item.reasons = parsed.reasons or ""
            item.mark_exempt(parsed.exempt, parsed.exempt_paragraph)
            item.resolutions = _resolutions(parsed, paper.ref)
            item.declarations = [(text, paper.ref) for text in parsed.declarations]
            item.votes = [(vote, paper.ref) for vote in parsed.recorded_votes]
            item.motions = [(motion, paper.ref) for motion in parsed.motions]
            span = _span(paper, parsed, holds_paper=True)
            if span is not None:
                item.spans.append(span)
            if not item.sub_items:
                item.sub_items = _sub_items(item, parsed, paper.ref)

    def _minuted_item(self, parsed: ParsedItem) -> PlannedItem | None:
        free = [i for i in self.items if i.read_key not in self.minuted]
        found = self.by_number(_agenda_number(parsed), among=free)
        if found is None and parsed.minute_number:
            key = number_key(parsed.minute_number)
            found = next((i for i in free if number_key(i.minute_number) == key), None)
        if found is None:
            unminuted = [i for i in free if not i.minute_number]
            found = self.by_title(parsed.title, MINUTE_TITLE_MATCH, among=unminuted)
        return found

    def add_provisional(self, paper: Paper) -> None:
        """A report or record of decision of a meeting whose agenda is not here (yet)."""
        parsed = paper.reading.items[0] if paper.reading.items else None
        number = parsed.number if parsed and _numeric(parsed.number) is not None else ""
        item = PlannedItem(
            read_key=f"p:{paper.identity}"[:120],
            title=(parsed.title if parsed else "") or paper.title,
            source=paper.ref,
            number=(number or "")[:20],
        )
        self.items.append(item)
        self.attach(item, paper, parsed)

    # -- papers that attach ------------------------------------------------------------
    def attach(self, item: PlannedItem, paper: Paper, parsed: ParsedItem | None) -> None:
        item.spans.append(Span(paper.ref, 1, max(1, paper.page_count), holds_paper=True))
        report = parsed.report if parsed else None
        if report is not None:
            item.mark_exempt(report.exempt, report.exempt_paragraph)
            if item.report is None:
                item.report, item.report_source = report, paper.ref
        if parsed is not None and paper.kind != "appendix":
            item.mark_exempt(parsed.exempt, parsed.exempt_paragraph)
            if paper.kind == "decision" and parsed.resolutions and not item.resolutions:
                item.resolutions = _resolutions(parsed, paper.ref)
                item.reasons = item.reasons or (parsed.reasons or "")

    def target_of(self, paper: Paper) -> PlannedItem | None:
        """The item a report, appendix, record or other paper belongs to, if any."""
        parsed = paper.reading.items[0] if paper.reading.items else None
        if paper.minutes_elsewhere:
            return next((i for i in self.items if re.search(r"\bminutes\b", i.title, re.I)), None)
        if parsed is not None and paper.kind != "appendix" and _numeric(parsed.number) is not None:
            found = self.by_number(parsed.number)
            if found is not None:
                return found
        ref = reference(paper.filename, paper.title, parsed.title if parsed else "")
        if ref:
            spelled = (ref, ref.replace("/", "-"))
            found = next((i for i in self.items if any(s in i.title for s in spelled)), None)
            if found is not None:
                return found
        numbered = re.search(r"\bitem\s+(\d+[a-z]?)\b", paper.filename, re.I)
        if numbered:
            found = self.by_number(numbered.group(1))
            if found is not None:
                return found
        if paper.kind != "appendix":
            title = (parsed.title if parsed else "") or paper.title
            return self.by_title(title, PAPER_TITLE_MATCH)
        return None


def _numeric(number: str | None) -> float | None:
    found = re.fullmatch(r"\s*(\d+)(?:\.(\d+))?\s*", number or "")
    if not found:
        return None
    return int(found.group(1)) + (int(found.group(2)) / 1000 if found.group(2) else 0)


def _agenda_number(parsed: ParsedItem) -> str | None:
    """The agenda item a minute records, when it says so apart from its own number."""
    if parsed.number and parsed.number != parsed.minute_number:
        return parsed.number
    return None


def _span(paper: Paper, parsed: ParsedItem, *, holds_paper: bool) -> Span | None:
    if not parsed.page_start or not 1 <= parsed.page_start <= paper.page_count:
        return None
    end = min(max(parsed.page_end or parsed.page_start, parsed.page_start), paper.page_count)
    return Span(paper.ref, parsed.page_start, end, holds_paper)


def _resolutions(parsed: ParsedItem, ref: int) -> list[PlannedResolution]:
    return [PlannedResolution(r.number[:20], r.text, ref) for r in parsed.resolutions]


def _sub_items(parent: PlannedItem, parsed: ParsedItem, ref: int) -> list[PlannedItem]:
    return [
        PlannedItem(read_key=f"{parent.read_key}/{order}", title=title, source=ref)
        for order, title in enumerate(parsed.sub_items, start=1)
    ]


def _best_fitting(papers: list[Paper], *, keep_silent: bool = False) -> list[Paper]:
    """Papers that may define the meeting: never one whose head names another meeting, and
    when some name this one, only those (keep_silent keeps silent ones beside them)."""
    fitting = [p for p in papers if p.fit > 0]
    if not keep_silent and any(p.fit == 2 for p in fitting):
        return [p for p in fitting if p.fit == 2]
    return fitting


def _first(papers: list[Paper], attribute: str):
    for paper in papers:
        value = getattr(paper.reading.meeting, attribute, None)
        if value:
            return value
    return None


def assemble(papers: list[Paper]) -> MeetingPlan:
    """The meeting's records from the set of its papers (in force), in any order."""
    papers = sorted(papers, key=lambda p: (PRECEDENCE.get(p.kind, 9), p.key))
    agendas = _best_fitting([p for p in papers if p.kind in AGENDA_KINDS and p.reading.items])
    supplements = [p for p in papers if p.kind == "supplement" and p.reading.items]
    if agendas and agendas[0].fit == 2:
        supplements = [p for p in supplements if p.fit == 2]
    supplements = _best_fitting(supplements, keep_silent=True)
    minutes = [p for p in papers if p.kind == "minutes" and not p.minutes_elsewhere]
    primary_minutes = sorted(_best_fitting(minutes), key=lambda p: -p.fit)[:1]
    builder = _Builder()
    for paper in agendas:
        builder.add_agenda(paper)
    for paper in supplements:
        builder.add_supplement(paper)
    for paper in primary_minutes:
        builder.add_minutes(paper)
    plan = MeetingPlan()
    defining = {p.ref for p in agendas + supplements + primary_minutes}
    rest = [p for p in papers if p.ref not in defining]
    if not builder.items:
        for paper in [p for p in rest if p.kind in ("decision", "report") and p.reading.items]:
            builder.add_provisional(paper)
            defining.add(paper.ref)
            plan.attached_to[paper.ref] = builder.items[-1].read_key
    for paper in rest:
        if paper.ref in defining:
            continue
        target = builder.target_of(paper)
        if target is not None:
            parsed = paper.reading.items[0] if len(paper.reading.items) == 1 else None
            builder.attach(target, paper, parsed)
        plan.attached_to[paper.ref] = target.read_key if target else None
    plan.items = builder.items
    if primary_minutes and primary_minutes[0].reading.attendance:
        plan.attendance = primary_minutes[0].reading.attendance
        plan.attendance_source = primary_minutes[0].ref
    heads = agendas + primary_minutes + supplements
    plan.committee = _first(heads, "committee")
    plan.organisation = _first(heads + rest, "organisation")
    plan.start_time = _first(heads, "start_time")
    plan.venue = _first(heads, "venue")
    plan.held = bool(primary_minutes)
    return plan
