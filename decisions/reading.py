"""Read decisions from a stored paper: its forward plan, its records of decision, and the
call-ins its minutes consider. The parsers (``documents.ingest.forward_plan``,
``decision_record``, ``call_in``) are pure; this writes what they read, keeping what staff
corrected. The importer calls ``read_document`` after each paper is stored, so the order
papers arrive in does not matter: a record read after the minute that called it in takes the
status, and a forward plan entry links to its item whichever comes first.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from django.db import transaction

from decisions.models import CallInStatus, Decision, DecisionKind, DecisionPart, ForwardPlanEntry
from documents.ingest.call_in import mentions_call_in, read_call_in
from documents.ingest.decision_record import DecisionRecord, read_records
from documents.ingest.forward_plan import read_forward_plan
from meetings.models import AgendaItem

_REFERENCE = re.compile(r"\b\d{2}/\d{4,5}\b")
#: How far either side of its planned date an entry's item may be (decisions slip).
PLAN_WINDOW = dt.timedelta(days=120)


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]+", "", re.sub(r"\s+", " ", (text or "").lower())).strip()


def similar(a: str, b: str) -> float:
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if a in b or b in a:
        return 1.0 if min(len(a), len(b)) >= 12 else 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@transaction.atomic(savepoint=False)  # inside the ingest's transaction: all or nothing
def read_document(document, *, pages=None, fresh: bool = False, new_meetings=()) -> None:
    """Read ``document`` again, or for the first time when it was stored in this transaction
    (``fresh``: nothing was read from it before). ``pages`` are its (number, text, blocks)
    when the caller holds them. ``new_meetings`` are meetings made in this transaction with
    this paper: they hold no decisions of their own to relink yet."""
    if pages is None:
        pages = list(document.pages.order_by("number").values_list("number", "text", "blocks"))
    read_plan(document, pages, fresh=fresh)
    read_decision_records(document, [(n, t) for n, t, _ in pages])
    made_now = {m.pk for m in new_meetings}
    # A minute that considers a call-in says so: a paper that never does changes no status.
    calls_in = any(mentions_call_in(text or "") for _, text, _ in pages)
    for meeting in {document.meeting, document.minutes_of} - {None}:
        if meeting.pk not in made_now:
            relink(meeting)
        if calls_in:
            read_call_ins(meeting)
    link_plan_entries()


# -- the forward plan ------------------------------------------------------------------------
def read_plan(document, pages, *, fresh: bool = False) -> list[ForwardPlanEntry]:
    plan = read_forward_plan(pages)
    if not fresh:
        ForwardPlanEntry.objects.filter(source=document, corrected=False).delete()
    if plan is None:
        return []
    kept = set()
    if not fresh:  # entries staff corrected stay as they are
        kept = {_norm(s) for s in document.forward_plan_entries.values_list("subject", flat=True)}
    entries = [
        ForwardPlanEntry(
            source=document,
            order=order,
            published=plan.published,
            subject=read.subject,
            description=read.description,
            decision_maker=read.decision_maker,
            decision_due=read.decision_due,
            due_month_only=read.due_month_only,
            key_decision=read.key_decision,
            exempt=read.exempt,
            exempt_paragraph=read.exempt_paragraph,
            portfolio_holder=read.portfolio_holder,
            officer_contact=read.officer_contact,
            consultees=read.consultees,
            reference=read.reference,
            page=read.page,
        )
        for order, read in enumerate(plan.entries)
        if _norm(read.subject) not in kept
    ]
    return ForwardPlanEntry.objects.bulk_create(entries)


def link_plan_entries() -> None:
    """Link each unlinked entry to the item where it was decided: an item of a meeting of
    the decision maker's committee near the planned date, with a like title."""
    unlinked = ForwardPlanEntry.objects.filter(item__isnull=True, decision_due__isnull=False)
    if not unlinked.exists():  # a quicker question than reading them: often none are left
        return
    for entry in unlinked:
        candidates = AgendaItem.objects.filter(
            meeting__date__gte=entry.decision_due - PLAN_WINDOW,
            meeting__date__lte=entry.decision_due + PLAN_WINDOW,
            meeting__committee__name__icontains=entry.decision_maker or "\0",
            parent__isnull=True,
        ).select_related("meeting")
        best = max(candidates, key=lambda i: similar(i.title, entry.subject), default=None)
        if best is not None and similar(best.title, entry.subject) >= 0.85:
            entry.item = best
            entry.save(update_fields=["item"])


# -- records of decision -----------------------------------------------------------------------
def read_decision_records(document, pages) -> list[Decision]:
    return [_store(document, record) for record in read_records(pages)]


def _taken_at(document, record: DecisionRecord):
    """(meeting, item) where the record's decision is taken: the paper's meeting when it is
    a meeting of the decision maker (Cabinet), and there the item naming its reference."""
    meeting = document.meeting
    if meeting and meeting.is_decision_record:  # the record's own container (no meeting)
        return meeting, meeting.items.filter(parent__isnull=True).order_by("order").first()
    if not meeting or similar(meeting.committee.name, record.decision_maker) < 0.85:
        return None, None
    items = list(meeting.items.filter(parent__isnull=True))
    named = [i for i in items if record.reference and record.reference in i.title]
    if not named:
        ranges = document.page_ranges.filter(item__isnull=False).select_related("item")
        named = [r.item for r in ranges if r.item.parent_id is None]
    if not named:
        named = [i for i in items if similar(i.title, record.title) >= 0.85]
    return meeting, (named[0] if named else None)


def _better_source(existing: Decision, document, record: DecisionRecord) -> bool:
    """Whether ``existing`` was read from a better paper for the same record than
    ``document``: the shorter paper (the record on its own, not a pack holding it), then
    the lower hash, so the choice never depends on the order papers arrive in."""
    other = existing.source
    if other is None or other.pk == document.pk or existing.proposed != record.proposed:
        return False
    return (other.page_count, other.sha256) < (document.page_count, document.sha256)


def _store(document, record: DecisionRecord) -> Decision:
    existing = None
    if record.reference:
        existing = Decision.objects.filter(reference=record.reference).first()
    else:
        existing = Decision.objects.filter(source=document, title=record.title).first()
    if existing and (existing.corrected or (record.proposed and not existing.proposed)):
        return existing  # staff corrected it, or a signed record already stands for it
    if existing and _better_source(existing, document, record):
        return existing  # the same record in two papers: the record alone is read, always
    decision = existing or Decision()
    meeting, item = _taken_at(document, record)
    decision.reference = record.reference
    decision.title = record.title or (item.title if item else "Record of decision")
    decision.kind = DecisionKind.OFFICER if record.kind == "officer" else DecisionKind.EXECUTIVE
    decision.proposed = record.proposed
    decision.decision_maker = record.decision_maker
    decision.decision_maker_role = record.decision_maker_role
    decision.date = record.date or (meeting.date if meeting else None)
    decision.reasons = record.reasons
    decision.alternatives = record.alternatives
    decision.interests = record.interests
    decision.key_decision = record.key_decision
    decision.forward_plan_reference = record.forward_plan_reference
    decision.call_in_deadline = record.call_in_deadline
    decision.meeting, decision.item, decision.source = meeting, item, document
    decision.save()
    decision.parts.all().delete()
    DecisionPart.objects.bulk_create(
        DecisionPart(decision=decision, order=n, number=p.number, text=p.text)
        for n, p in enumerate(record.parts)
    )
    _apply_earlier_call_ins(decision)
    return decision


def relink(meeting) -> None:
    """Find the item of each decision taken at ``meeting`` that has none yet (the agenda
    may arrive after the record, and an item read again is a new row)."""
    for decision in meeting.decisions.filter(item__isnull=True).select_related("source"):
        if decision.source is None:
            continue
        record = DecisionRecord(
            reference=decision.reference,
            title=decision.title,
            decision_maker=decision.decision_maker,
        )
        _, item = _taken_at(decision.source, record)
        if item is not None:
            decision.item = item
            decision.save(update_fields=["item", "updated"])


# -- call-in -----------------------------------------------------------------------------------
def _call_in_of(item: AgendaItem):
    resolutions = [r.text for r in item.resolutions.all()]
    return read_call_in(item.title, item.narrative, resolutions)


def read_call_ins(meeting) -> None:
    """Set the status of each decision a minute of ``meeting`` considers the call-in of."""
    if meeting is None:
        return
    for item in meeting.items.prefetch_related("resolutions"):
        call_in = _call_in_of(item)
        if call_in is None:
            continue
        for decision in _called_decisions(item, call_in.references):
            _set_status(decision, call_in.status, item)


def _called_decisions(item: AgendaItem, references: list[str]) -> list[Decision]:
    if references:
        return list(Decision.objects.filter(reference__in=references))
    # No reference: the executive item of the same title decided before this minute.
    earlier = AgendaItem.objects.filter(
        meeting__date__lt=item.meeting.date,
        meeting__date__gte=item.meeting.date - dt.timedelta(days=60),
        meeting__committee__name__iregex=r"(cabinet|executive)",
        resolutions__isnull=False,
    ).select_related("meeting__committee")
    title = re.sub(r"(?i)\bcall[\s-]*in\b( of)?|\bdecision\b|[-–:]", " ", item.title)
    best = max(earlier.distinct(), key=lambda i: similar(i.title, title), default=None)
    if best is None or similar(best.title, title) < 0.85:
        return []
    decision = Decision.objects.filter(item=best).first()
    if decision is None:
        decision = Decision.objects.create(
            item=best,
            meeting=best.meeting,
            title=best.title,
            kind=DecisionKind.EXECUTIVE,
            decision_maker=best.meeting.committee.name,
            date=best.meeting.date,
        )
    return [decision]


def _set_status(decision: Decision, status: str, minute: AgendaItem) -> None:
    if decision.status_set_by_staff:
        return  # staff set it: a minute does not overrule them
    decision.status = CallInStatus(status)
    decision.status_minute = minute
    decision.save(update_fields=["status", "status_minute", "updated"])


def _apply_earlier_call_ins(decision: Decision) -> None:
    """A minute read before the record may already have considered its call-in."""
    if not decision.reference:
        return
    minutes = AgendaItem.objects.filter(
        title__contains=decision.reference
    ) | AgendaItem.objects.filter(narrative__contains=decision.reference)
    for item in (
        minutes.select_related("meeting").prefetch_related("resolutions").order_by("meeting__date")
    ):
        call_in = _call_in_of(item)
        if call_in and decision.reference in call_in.references:
            _set_status(decision, call_in.status, item)
