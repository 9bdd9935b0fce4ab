"""A meeting's records built again from its papers in force, keeping what staff corrected.

``rebuild_meeting`` is called in the transaction that stores, publishes, unpublishes or
removes a paper. The papers in force are, for each paper of the meeting, its newest
published version, or its newest version when none is published (a draft new version
leaves the published one in force until the draft is published). ``assemble`` says what
the meeting holds; this module makes the rows say it, keeping each item's row (and address)
where the papers still list it, and leaving alone what staff corrected, added or removed.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q

from documents.context import agrees
from documents.councillors_sync import CouncillorsRecord
from documents.ingest.assemble import MeetingPlan, Paper, PlannedItem, assemble
from documents.ingest.parsed import ParsedDocument, ParsedMeeting
from documents.ingest.serialise import reading_from_json
from documents.models import Document, PageRange
from meetings.attendance_record import AttendanceRecord
from meetings.matching import clean_person_name, number_key, person_key
from meetings.models import (
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    Person,
    Report,
    Resolution,
)

REPORT_FIELDS = [f.name for f in Report._meta.fields if f.name not in ("id", "item", "source")]


def papers_in_force(meeting: Meeting) -> list[Document]:
    """For each paper of the meeting, the version its records come from."""
    chosen: dict[tuple[int, str], Document] = {}
    papers = Document.objects.filter(Q(meeting=meeting) | Q(minutes_of=meeting))
    for document in papers.order_by("meeting_id", "identity", "-version", "-pk"):
        key = (document.meeting_id, document.identity or f"#{document.pk}")
        held = chosen.get(key)
        if held is None or (document.is_published and not held.is_published):
            chosen[key] = document
    return list(chosen.values())


def as_paper(document: Document, meeting: Meeting, names: list[str] | None = None) -> Paper:
    if document.parsed:
        reading = reading_from_json(document.parsed)
    else:
        reading = ParsedDocument(document.kind, document.title, ParsedMeeting(), pages=[])
    kind, elsewhere = document.kind, False
    if document.minutes_of_id and document.minutes_of_id != meeting.pk:
        elsewhere = True  # minutes of an earlier meeting, up for approval at this one
    elif document.minutes_of_id == meeting.pk:
        kind = Document.Kind.MINUTES
    return Paper(
        fit=head_fit(reading, meeting, names),
        ref=document.pk,
        key=document.sha256,
        kind=kind,
        identity=document.identity,
        filename=document.original_filename,
        title=document.title,
        page_count=document.page_count,
        reading=reading,
        minutes_elsewhere=elsewhere,
    )


def committee_names(meeting: Meeting) -> list[str]:
    """The meeting's committee's name and the other names it is known by."""
    return [meeting.committee.name, *meeting.committee.aliases.values_list("key", flat=True)]


def head_fit(reading: ParsedDocument, meeting: Meeting, names: list[str] | None = None) -> int:
    """2 when the paper's head names this meeting, 0 when it names another, else 1."""
    head = reading.meeting
    names = committee_names(meeting) if names is None else names
    committee = None if not head.committee else any(agrees(head.committee, n) for n in names)
    date = None if not head.date else head.date == meeting.date
    if committee is False or date is False:
        return 0
    return 2 if committee and date else 1


def rebuild_meeting(
    meeting: Meeting,
    *,
    names: list[str] | None = None,
    new: bool = False,
    papers: list[Document] | None = None,
) -> MeetingPlan | None:
    """Make the meeting's records what its papers in force say; None when a paper in force
    was stored before readings were kept (its records are then left as they are).

    ``names`` are the committee's names and ``papers`` the papers in force when the caller
    has them already; ``new`` says the meeting was created in this transaction, so it has no
    records yet to compare with."""
    records = meeting_records(meeting, names=names, new=new, papers=papers)
    if records is None:
        return None
    records.save()
    return records.plan


def meeting_records(
    meeting: Meeting,
    *,
    names: list[str] | None = None,
    new: bool = False,
    papers: list[Document] | None = None,
) -> MeetingRecords | None:
    """The records ``rebuild_meeting`` writes, planned but not saved yet; None as there."""
    documents = papers_in_force(meeting) if papers is None else papers
    if any(not d.parsed for d in documents):
        return None
    names = committee_names(meeting) if names is None else names
    plan = assemble([as_paper(d, meeting, names) for d in documents])
    return MeetingRecords(meeting, plan, {d.pk: d for d in documents}, new=new)


def forget_paper(document: Document) -> list[Meeting]:
    """Before a paper is deleted: drop what was read from it; the meetings to build again."""
    meetings = [document.meeting]
    if document.minutes_of_id and document.minutes_of_id != document.meeting_id:
        meetings.append(document.minutes_of)
    AgendaItem.objects.filter(minutes_source=document).update(
        minutes_source=None, minute_number="", narrative="", reasons=""
    )
    AgendaItem.objects.filter(source=document).delete()
    return meetings


ITEM_FIELDS = ("order", "number", "minute_number", "title", "narrative", "reasons")


class MeetingRecords:
    """Writes a plan over a meeting's rows, touching only the rows that change."""

    def __init__(
        self,
        meeting: Meeting,
        plan: MeetingPlan,
        documents: dict[int, Document],
        *,
        new: bool = False,
    ):
        self.meeting = meeting
        self.plan = plan
        self.documents = documents
        self.new = new  # created in this transaction: no rows of its own to read or replace

    def save(self) -> None:
        self._head()
        removed = set()
        if not self.new:
            removed = set(self.meeting.removals.values_list("read_key", flat=True))
        planned = [p for p in self.plan.items if p.read_key not in removed]
        wanted = {p.read_key for p in planned} | {s.read_key for p in planned for s in p.sub_items}
        existing = [] if self.new else list(self.meeting.items.all())
        stale = [
            i.pk for i in existing if i.read_key and i.read_key not in wanted and not i.corrected
        ]
        if stale:
            AgendaItem.objects.filter(pk__in=stale).delete()
            existing = [i for i in existing if i.pk not in stale]
        self._load_children([i.pk for i in existing])
        self.slugs = {i.slug for i in existing}
        self.new_items: tuple[list, list] = ([], [])  # new items, new sub-items
        self.new_rows: dict[type, list] = defaultdict(list)  # children of new items
        self.written: list[tuple[AgendaItem, PlannedItem]] = []
        by_key = {i.read_key: i for i in existing if i.read_key}
        adoptable = [i for i in existing if not i.read_key and i.parent_id is None]
        for order, item_plan in enumerate(planned, start=1):
            item = by_key.get(item_plan.read_key) or self._adopt(adoptable, item_plan)
            item = self._write_item(item, item_plan, order, parent=None)
            self.written.append((item, item_plan))
            for sub_order, sub_plan in enumerate(item_plan.sub_items, start=1):
                if sub_plan.read_key in removed:
                    continue
                self._write_item(by_key.get(sub_plan.read_key), sub_plan, sub_order, item)
        for items in self.new_items:  # items before the sub-items that point to them
            AgendaItem.objects.bulk_create(items)
        # The meeting's items now (not sub-items): the ones kept and the ones made.
        self.top_level_items = sum(1 for i in existing if i.parent_id is None) + len(
            self.new_items[0]
        )
        for model, rows in self.new_rows.items():
            model.objects.bulk_create(rows)
        self._attendance()
        CouncillorsRecord(
            self.meeting,
            self.written,
            self.documents,
            new=self.new,
            declarations=self.new_rows.get(Declaration, []) if self.new else None,
        ).save()

    def _load_children(self, item_ids: list[int]) -> None:
        """What each existing item holds now, to compare with the plan in memory."""
        if not item_ids:  # a new meeting: nothing to read
            self.resolutions, self.declarations, self.reports, self.ranges = {}, {}, {}, {}
            return
        self.resolutions: dict[int, list] = defaultdict(list)
        for r in Resolution.objects.filter(item_id__in=item_ids).order_by("order"):
            self.resolutions[r.item_id].append((r.number, r.text, r.source_id))
        self.declarations: dict[int, list] = defaultdict(list)
        for d in Declaration.objects.filter(item_id__in=item_ids).order_by("order"):
            self.declarations[d.item_id].append((d.text, d.source_id))
        self.reports = {r.item_id: r for r in Report.objects.filter(item_id__in=item_ids)}
        self.ranges: dict[int, set] = defaultdict(set)
        for r in PageRange.objects.filter(item_id__in=item_ids):
            self.ranges[r.item_id].add((r.document_id, r.start, r.end, r.holds_paper))

    def _head(self) -> None:
        meeting, plan = self.meeting, self.plan
        changed = []
        for name, value, limit in (
            ("start_time", plan.start_time, None),
            ("venue", plan.venue, 300),
            ("organisation", plan.organisation, 200),
        ):
            value = value[:limit] if value and limit else value
            if value and getattr(meeting, name) != value and not meeting.details_corrected:
                setattr(meeting, name, value)
                changed.append(name)
        if plan.held and meeting.status == Meeting.Status.SCHEDULED:
            meeting.status = Meeting.Status.HELD
            changed.append("status")
        if changed:
            meeting.save(update_fields=[*changed, "updated"])

    @staticmethod
    def _adopt(adoptable: list[AgendaItem], plan: PlannedItem) -> AgendaItem | None:
        """An item with no paper behind it (brought from Modern.Gov) that a paper now lists."""
        key = number_key(plan.number)
        found = next((i for i in adoptable if key and number_key(i.number) == key), None)
        if found is not None:
            adoptable.remove(found)
        return found

    def _doc(self, ref: int | None) -> Document | None:
        return self.documents.get(ref) if ref is not None else None

    def _write_item(self, item, plan: PlannedItem, order: int, parent) -> AgendaItem:
        new = item is None
        if new:
            item = AgendaItem(meeting=self.meeting, parent=parent)
        before = None if new else self._state(item)
        old_slug = item.slug
        item.read_key = plan.read_key
        item.source_id = plan.source if plan.source in self.documents else None
        if plan.minutes_source is not None or not item.corrected:
            item.minutes_source_id = plan.minutes_source
        if plan.exempt:
            item.exempt = True
            item.exempt_paragraph = item.exempt_paragraph or plan.exempt_paragraph
        if not item.corrected:
            renumbered = item.number != plan.number or item.minute_number != plan.minute_number
            item.order, item.number, item.minute_number = order, plan.number, plan.minute_number
            item.title, item.narrative, item.reasons = plan.title, plan.narrative, plan.reasons
            if new or renumbered:
                item.slug = ""
        if not item.slug:
            taken = self.slugs - {old_slug}
            base = f"{parent.slug}-{order}" if parent else ""
            item.slug = item.make_slug(base=base, taken=taken)
            self.slugs.discard(old_slug)
            self.slugs.add(item.slug)
        if new:
            self.new_items[parent is not None].append(item)  # written at the end, in bulk
        elif self._state(item) != before:
            item.save()
        if not item.corrected:
            self._children(item, plan, new)
        return item

    @staticmethod
    def _state(item: AgendaItem) -> tuple:
        return tuple(
            getattr(item, name)
            for name in (
                *ITEM_FIELDS,
                "read_key",
                "source_id",
                "minutes_source_id",
                "exempt",
                "exempt_paragraph",
                "slug",
            )
        )

    def _replace(self, model: type, rows: list, item: AgendaItem, new: bool) -> None:
        """Put ``rows`` in place of the item's rows of ``model``: at the end of the save for
        a new item (which has nothing to replace), at once for an existing one."""
        if new:
            self.new_rows[model] += rows
            return
        model.objects.filter(item=item).delete()
        model.objects.bulk_create(rows)

    def _children(self, item: AgendaItem, plan: PlannedItem, new: bool) -> None:
        resolutions = [(r.number, r.text, r.paper) for r in plan.resolutions]
        if resolutions != self.resolutions.get(item.pk, []):
            rows = [
                Resolution(item=item, order=n, number=number, text=text, source_id=ref)
                for n, (number, text, ref) in enumerate(resolutions, start=1)
            ]
            self._replace(Resolution, rows, item, new)
        if list(plan.declarations) != self.declarations.get(item.pk, []):
            rows = [
                Declaration(meeting=self.meeting, item=item, text=text, order=n, source_id=ref)
                for n, (text, ref) in enumerate(plan.declarations, start=1)
            ]
            self._replace(Declaration, rows, item, new)
        self._report(item, plan, new)
        ranges = {
            (span.paper, span.start, span.end, span.holds_paper)
            for span in plan.spans
            if span.paper in self.documents
        }
        ranges = {r for r in ranges if not any(o[:2] == r[:2] and o > r for o in ranges)}
        if ranges != self.ranges.get(item.pk, set()):
            rows = [
                PageRange(item=item, document_id=doc, start=start, end=end, holds_paper=holds)
                for doc, start, end, holds in sorted(ranges)
            ]
            self._replace(PageRange, rows, item, new)

    def _report(self, item: AgendaItem, plan: PlannedItem, new: bool) -> None:
        existing = self.reports.get(item.pk)
        if plan.report is None:
            if existing is not None:
                existing.delete()
            return
        values = {
            name: (getattr(plan.report, name, None) or "")
            for name in REPORT_FIELDS
            if hasattr(plan.report, name)
        }
        values["source_id"] = plan.report_source
        if existing is not None and all(getattr(existing, k) == v for k, v in values.items()):
            return
        if new:
            self.new_rows[Report].append(Report(item=item, **values))
            return
        Report.objects.update_or_create(item=item, defaults=values)

    def _attendance(self) -> None:
        if self.meeting.attendance_corrected:
            return
        attendance = self.plan.attendance
        if attendance is None:
            if not self.new:
                self.meeting.attendance.exclude(source=None).delete()
            return
        read = set()
        if not self.new:
            read = set(
                self.meeting.attendance.exclude(source=None).values_list("source_id", flat=True)
            )
        if read == {self.plan.attendance_source}:
            return  # already read from these minutes, which never change
        record = AttendanceRecord(self.meeting, source=self._doc(self.plan.attendance_source))
        record.expect(
            [
                attendance.chair,
                *attendance.present,
                *attendance.apologies,
                *(sub.name for sub in attendance.substitutes),
                *(sub.substitute_for for sub in attendance.substitutes),
                *attendance.officers,
                *attendance.other_members,
            ]
        )
        chair = person_key(clean_person_name(attendance.chair or ""))
        councillor, officer = Person.Kind.COUNCILLOR, Person.Kind.OFFICER
        for name in attendance.present:
            is_chair = bool(chair) and person_key(clean_person_name(name)) == chair
            record.add(name, Attendance.Role.PRESENT, councillor, is_chair=is_chair)
        for name in attendance.apologies:
            record.add(name, Attendance.Role.APOLOGIES, councillor)
        for sub in attendance.substitutes:
            replaced = record.person(sub.substitute_for, councillor)
            record.add(sub.name, Attendance.Role.SUBSTITUTE, councillor, substitute_for=replaced)
        for name in attendance.officers:
            record.add(name, Attendance.Role.OFFICER, officer)
        for name in attendance.other_members:
            record.add(name, Attendance.Role.ATTENDING, councillor)
        record.save(replace=not self.new)
