"""Bring a Modern.Gov history across: committees, meetings, agenda items, attendance, and
each attached PDF through the ordinary ingest. Running it again changes nothing new.

A restricted (exempt) item keeps only its number and title; its papers are not fetched.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from documents.importer import Importer, IngestOptions
from documents.models import Document
from meetings.attendance_record import AttendanceRecord
from meetings.matching import number_key
from meetings.models import AgendaItem, Attendance, Committee, Meeting, Person
from meetings.moderngov import parse
from meetings.moderngov.sources import SourceError
from meetings.people_index import PeopleIndex

log = logging.getLogger(__name__)

KIND_WORDS = [
    ("minutes", Document.Kind.MINUTES),
    ("supplement", Document.Kind.SUPPLEMENT),
    ("decision", Document.Kind.DECISION),
    ("agenda", Document.Kind.AGENDA),
]


@dataclass
class ImportReport:
    committees: int = 0
    councillors: int = 0
    meetings_created: int = 0
    meetings_updated: int = 0
    items: int = 0
    papers: dict[str, int] = field(
        default_factory=lambda: {"ok": 0, "unchanged": 0, "failed": 0, "unavailable": 0}
    )
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        papers = ", ".join(f"{n} {status}" for status, n in self.papers.items())
        return (
            f"{self.committees} committees, {self.meetings_created} meetings created, "
            f"{self.meetings_updated} updated, {self.items} agenda items read; papers: {papers}"
        )


def meeting_status(mg: parse.MgMeeting) -> str:
    status = mg.status.lower()
    if "cancel" in status:
        return Meeting.Status.CANCELLED
    if "postpone" in status:
        return Meeting.Status.POSTPONED
    if mg.date and mg.date < timezone.localdate():
        return Meeting.Status.HELD
    return Meeting.Status.SCHEDULED


def paper_kind(title: str) -> str:
    lowered = title.lower()
    kind = next((kind for word, kind in KIND_WORDS if word in lowered), Document.Kind.REPORT)
    return kind.value  # a plain string: the reading process it is handed to has no Django


class ModernGovImporter:
    def __init__(
        self,
        source,
        *,
        committees: list[str] | None = None,
        fetch_papers: bool = True,
        publish: bool = True,
        isolate: bool = True,
        say=None,
    ) -> None:
        self.source = source
        self.only = {c.lower() for c in committees or []}
        self.fetch_papers = fetch_papers
        self.publish = publish
        self.isolate = isolate
        self.say = say or (lambda line: None)
        self.report = ImportReport()

    def run(self) -> ImportReport:
        for mg_committee in self.source.committees():
            if mg_committee.deleted or not self._wanted(mg_committee):
                continue
            try:
                listed = self.source.meetings(mg_committee)
            except SourceError as exc:
                self._problem(f"meetings of {mg_committee.title}: {exc}")
                continue
            if not listed:
                continue  # a committee with no meetings in the source brings nothing across
            committee = self._committee(mg_committee)
            for mg_meeting in listed:
                self._import_meeting(committee, mg_meeting)
        self._councillors()
        return self.report

    def _councillors(self) -> None:
        """Party, ward and key posts of the councillors the source lists, on their records."""
        listed = getattr(self.source, "councillors", lambda: [])()
        people = PeopleIndex()
        people.expect(c.name for c in listed)
        found = [(people.find(c.name, Person.Kind.COUNCILLOR), c) for c in listed]
        people.save()
        for person, councillor in found:
            if person is None:
                continue
            person.party = councillor.party[:200]
            person.ward = councillor.ward[:200]
            person.role = person.role or councillor.key_posts[:300]
            person.save()
            self.report.councillors += 1

    def _wanted(self, mg: parse.MgCommittee) -> bool:
        return not self.only or mg.title.lower() in self.only or mg.id in self.only

    def _problem(self, message: str) -> None:
        self.report.problems.append(message)
        self.say(f"PROBLEM {message}")

    def _committee(self, mg: parse.MgCommittee) -> Committee:
        committee = Committee.objects.filter(name__iexact=mg.title).first()
        if committee is None:
            committee = Committee.objects.create(name=mg.title, is_active=not mg.expired)
        self.report.committees += 1
        return committee

    def _import_meeting(self, committee: Committee, listed: parse.MgMeeting) -> None:
        try:
            detail = self.source.meeting(listed.id)
        except SourceError as exc:
            self._problem(f"meeting {listed.id}: {exc}")
            detail = None
        mg = detail or listed
        mg.date = mg.date or listed.date
        mg.time = mg.time or listed.time
        mg.status = mg.status or listed.status
        if not mg.display_allowed or mg.date is None:
            return
        with transaction.atomic():
            meeting = self._meeting(committee, mg)
            if mg.detailed:
                self._items(meeting, mg.items)
                self._attendance(meeting, mg)
        self.say(f"{meeting.get_absolute_url()} {meeting.get_status_display().lower()}")
        if self.fetch_papers:
            for item in mg.items:
                for attachment in item.attachments:
                    self._paper(meeting, attachment)

    def _meeting(self, committee: Committee, mg: parse.MgMeeting) -> Meeting:
        same_day = committee.meetings.filter(date=mg.date)
        meeting = same_day.filter(start_time=mg.time).first() if mg.time else None
        meeting = meeting or same_day.filter(start_time__isnull=True).first()
        created = meeting is None
        if created:
            meeting = Meeting(committee=committee, date=mg.date)
        changes = {
            "start_time": mg.time or meeting.start_time,
            "end_time": mg.end_time or meeting.end_time,
            "venue": (mg.location or meeting.venue)[:300],
            "status": meeting_status(mg),
        }
        if self.publish and not meeting.is_published:
            changes["is_published"] = True
        changed = [name for name, value in changes.items() if getattr(meeting, name) != value]
        for name in changed:
            setattr(meeting, name, changes[name])
        if created or changed:
            meeting.save()
            if created:
                self.report.meetings_created += 1
            else:
                self.report.meetings_updated += 1
        return meeting

    def _items(self, meeting: Meeting, mg_items: list[parse.MgItem]) -> None:
        existing = list(meeting.items.filter(parent__isnull=True))
        for order, mg in enumerate(mg_items, start=1):
            item = next(
                (
                    i
                    for i in existing
                    if number_key(i.number) == number_key(mg.number) and i.title == mg.title
                ),
                None,
            ) or next((i for i in existing if i.title == mg.title), None)
            if item is None:
                item = AgendaItem(meeting=meeting, order=order)
            else:
                existing.remove(item)
            if not item.corrected:
                item.number = mg.number[:20]
                item.minute_number = mg.minute_number[:30]
                item.title = mg.title
                item.exempt = mg.restricted
                item.exempt_paragraph = mg.exempt_paragraph if mg.restricted else None
                if mg.restricted:
                    item.narrative = ""
                elif mg.minutes:
                    item.narrative = mg.minutes
            item.save()
            self.report.items += 1

    def _attendance(self, meeting: Meeting, mg: parse.MgMeeting) -> None:
        if not mg.minutes_published or not mg.attendees:
            return  # "Expected" attendance before a meeting is not a record of who came
        record = AttendanceRecord(meeting)
        for attendee in mg.attendees:
            role = self._role(attendee)
            if role is None:
                continue
            kind = Person.Kind.OFFICER if role == Attendance.Role.OFFICER else "councillor"
            record.add(attendee.name, role, kind, is_chair=attendee.role.lower() == "chair")
        record.save()

    @staticmethod
    def _role(attendee: parse.MgAttendee) -> str | None:
        attendance = attendee.attendance.lower()
        if "apolog" in attendance:
            return Attendance.Role.APOLOGIES
        if "officer" in attendee.role.lower():
            return Attendance.Role.OFFICER
        if "present" in attendance:
            return Attendance.Role.PRESENT
        if "in attendance" in attendance:
            return Attendance.Role.ATTENDING
        return None

    def _paper(self, meeting: Meeting, attachment: parse.MgAttachment) -> None:
        if attachment.restricted or attachment.is_url:
            return
        try:
            body = self.source.attachment_pdf(attachment)
        except SourceError as exc:
            self._problem(f"attachment {attachment.id}: {exc}")
            body = None
        if not body or not body.startswith(b"%PDF"):
            self.report.papers["unavailable"] += 1
            return
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"moderngov-{attachment.id}.pdf"
            path.write_bytes(body)
            options = IngestOptions(
                committee=meeting.committee.name,
                date=meeting.date,
                kind=paper_kind(attachment.title),
                publish=self.publish,
                isolate=self.isolate,
                original_filename=f"{attachment.title[:200]}.pdf",
                context_origin="the meeting on Modern.Gov",
            )
            result = Importer(options).ingest_file(path)
        self.report.papers[result.status] += 1
        line = f"{result.status} attachment {attachment.id} {attachment.title}"
        self.say(line + (f": {result.error}" if result.error else ""))
