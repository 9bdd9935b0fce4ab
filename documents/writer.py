"""Write one parsed paper into the database, in one transaction, with its stored file.

Several ingests may write at once (the ``ingest`` command run twice, the upload worker beside
it). Writers of the same paper or of the same committee take turns: on PostgreSQL through
transaction-scoped advisory locks, on SQLite because a write transaction begins IMMEDIATE.
The later writer then finds the earlier one's rows: its own paper (``AlreadyLoaded``) or the
committee and meeting to add to. A clash the locks do not cover (a committee or person added
by hand at that moment) rolls back and is written again on the rows now there.

The PDF is stored under its content's name as the last step before the commit, so a process
killed while writing leaves no rows and, but for that last moment, no file; a file left by
an ingest that never committed is replaced when the same paper is next written.
"""

from __future__ import annotations

import hashlib
from datetime import date as Date
from pathlib import Path

from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone

from documents.ingest.errors import IngestError
from documents.ingest.parsed import ParsedDocument, ParsedItem
from documents.models import Document, Page, PageRange
from meetings.attendance_record import AttendanceRecord
from meetings.matching import clean_person_name, number_key, person_key, title_similarity
from meetings.models import (
    AgendaItem,
    Attendance,
    Committee,
    Declaration,
    Meeting,
    Person,
    Report,
    Resolution,
)

ONE_PER_MEETING = {"agenda-pack", "agenda", "minutes"}
REPORT_FIELDS = [f.name for f in Report._meta.fields if f.name not in ("id", "item")]
MINUTE_TITLE_MATCH = 0.8
WRITE_ATTEMPTS = 3


class AlreadyLoaded(Exception):
    """The same file (by its SHA-256) is already stored, perhaps by an ingest just now."""

    def __init__(self, document: Document) -> None:
        super().__init__(f"already loaded as document {document.pk}")
        self.document = document


def lock_key(*parts: str) -> int:
    """A signed 64-bit key for ``pg_advisory_xact_lock``, from text."""
    digest = hashlib.blake2b("\x1f".join(parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class DocumentWriter:
    def __init__(
        self,
        parsed: ParsedDocument,
        *,
        sha256: str,
        source: Path,
        original_filename: str,
        committee: str | None = None,
        date: Date | None = None,
        publish: bool = True,
    ) -> None:
        self.parsed = parsed
        self.sha256 = sha256
        self.source = source
        self.original_filename = original_filename
        self.committee_name = committee or parsed.meeting.committee
        self.date = date or parsed.meeting.date
        self.publish = publish
        self.stored_name: str | None = None

    def write(self) -> Document:
        if not self.committee_name:
            raise IngestError(
                "the committee's name could not be read from the paper; give it with --committee"
            )
        if not self.date:
            raise IngestError(
                "the meeting date could not be read from the paper; give it with --date"
            )
        attempt = 1
        while True:
            try:
                return self._write_once()
            except IntegrityError:
                # Another writer added a row this paper needs at the same moment: read again.
                if attempt == WRITE_ATTEMPTS:
                    raise
                attempt += 1

    def _write_once(self) -> Document:
        self.stored_name = None
        try:
            with transaction.atomic():
                self._take_turns()
                existing = Document.objects.filter(sha256=self.sha256).first()
                if existing is not None:
                    raise AlreadyLoaded(existing)
                meeting = self._meeting()
                document = self._document(meeting)
                self._pages(document)
                if self.parsed.kind == "minutes":
                    self._minutes(meeting, document)
                else:
                    self._agenda_items(meeting, document)
                if self.parsed.attendance:
                    self._attendance(meeting)
                self._store(document)
            return document
        except BaseException:
            if self.stored_name:
                Document.file.field.storage.delete(self.stored_name)
            raise

    def _take_turns(self) -> None:
        """Wait for other transactions writing this paper or this committee to finish."""
        connection = transaction.get_connection()
        if connection.vendor != "postgresql":
            return  # SQLite: this transaction already holds the database's only write lock
        keys = sorted(
            {
                lock_key("paper", self.sha256),
                lock_key("committee", self.committee_name.strip().casefold()),
            }
        )
        with connection.cursor() as cursor:
            for key in keys:  # always in the same order, so two writers never deadlock
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])

    # -- meeting -------------------------------------------------------------------------
    def _meeting(self) -> Meeting:
        header = self.parsed.meeting
        committee = Committee.objects.filter(name__iexact=self.committee_name.strip()).first()
        if committee is None:
            committee = Committee.objects.create(name=self.committee_name.strip())
        same_day = list(committee.meetings.filter(date=self.date).order_by("start_time"))
        meeting = None
        if header.start_time:
            meeting = next((m for m in same_day if m.start_time == header.start_time), None)
            meeting = meeting or next((m for m in same_day if m.start_time is None), None)
        elif same_day:
            meeting = same_day[0]
        if meeting is None:
            held = self.parsed.kind == "minutes" or self.date < timezone.localdate()
            meeting = Meeting(
                committee=committee,
                date=self.date,
                status=Meeting.Status.HELD if held else Meeting.Status.SCHEDULED,
            )
        if header.start_time and not meeting.start_time:
            meeting.start_time = header.start_time
        if header.venue and not meeting.venue:
            meeting.venue = header.venue[:300]
        if header.organisation and not meeting.organisation:
            meeting.organisation = header.organisation[:200]
        if self.parsed.kind == "minutes":
            meeting.status = Meeting.Status.HELD
        if self.publish:
            meeting.is_published = True
        meeting.save()
        return meeting

    # -- document and pages --------------------------------------------------------------
    def _document(self, meeting: Meeting) -> Document:
        kind = self.parsed.kind
        previous = meeting.documents.current().filter(kind=kind)
        if kind not in ONE_PER_MEETING:
            previous = previous.filter(title=self.parsed.title)
        previous = previous.first()
        document = Document(
            meeting=meeting,
            kind=kind,
            title=self.parsed.title[:300],
            sha256=self.sha256,
            size=self.source.stat().st_size,
            page_count=self.parsed.page_count,
            has_text_layer=self.parsed.has_text_layer,
            ocr_used=self.parsed.ocr_used,
            original_filename=self.original_filename[:255],
            is_published=self.publish,
            published_at=timezone.now() if self.publish else None,
            is_exempt=self._wholly_exempt(),
            version=previous.version + 1 if previous else 1,
        )
        # Named now, stored by _store() just before the commit.
        document.file.name = Document.file.field.generate_filename(document, f"{self.sha256}.pdf")
        document.save()
        if previous:
            previous.superseded_by = document
            previous.save(update_fields=["superseded_by", "updated"])
            previous.page_ranges.all().delete()
        return document

    def _store(self, document: Document) -> None:
        """Store the PDF under the name the document row already has."""
        storage = Document.file.field.storage
        name = document.file.name
        if storage.exists(name):
            # No document has this content (checked above, in turn), so this file was left by
            # an ingest of the same paper that stopped before its commit: replace it.
            storage.delete(name)
        with self.source.open("rb") as handle:
            self.stored_name = storage.save(name, File(handle))
        if self.stored_name != name:
            document.file.name = self.stored_name
            document.save(update_fields=["file"])

    def _wholly_exempt(self) -> bool:
        items = self.parsed.items
        return self.parsed.kind == "report" and len(items) == 1 and items[0].exempt

    def _pages(self, document: Document) -> None:
        Page.objects.bulk_create(
            [
                Page(
                    document=document,
                    number=page.number,
                    text=page.text,
                    blocks=[block.as_dict() for block in page.blocks],
                    is_blank=page.blank,
                    ocr=page.ocr,
                )
                for page in self.parsed.pages
            ],
            batch_size=500,
        )

    def _page_range(self, item: AgendaItem, document: Document, parsed: ParsedItem) -> None:
        if parsed.page_start and 1 <= parsed.page_start <= document.page_count:
            end = max(parsed.page_end or parsed.page_start, parsed.page_start)
            PageRange.objects.get_or_create(
                item=item,
                document=document,
                start=parsed.page_start,
                defaults={
                    "end": min(end, document.page_count),
                    # A minute is its own text; an agenda line without a paper only lists it.
                    "holds_paper": self.parsed.kind == "minutes" or parsed.has_paper,
                },
            )

    # -- agenda items ----------------------------------------------------------------------
    def _agenda_items(self, meeting: Meeting, document: Document) -> None:
        existing = list(meeting.items.filter(parent__isnull=True))
        next_order = max((i.order for i in existing), default=0) + 1
        reorder = self.parsed.kind in ("agenda-pack", "agenda")
        for index, parsed in enumerate(self.parsed.items, start=1):
            item = self._find_agenda_item(existing, parsed)
            if item is None:
                item = AgendaItem(meeting=meeting, order=next_order)
                next_order += 1
                existing.append(item)
            if reorder and not item.corrected:  # staff may have reordered the agenda
                item.order = index
            if not item.corrected:
                item.number = (parsed.number or item.number or "")[:20]
                item.title = parsed.title or item.title
            self._mark_exempt(item, parsed)
            item.save()
            self._sub_items(item, parsed)
            self._report(item, parsed)
            if parsed.resolutions and not item.corrected:
                self._resolutions(item, parsed)
            if parsed.reasons and not item.corrected:
                item.reasons = parsed.reasons
                item.save(update_fields=["reasons"])
            self._page_range(item, document, parsed)

    @staticmethod
    def _find_agenda_item(existing: list[AgendaItem], parsed: ParsedItem) -> AgendaItem | None:
        key = number_key(parsed.number)
        if key:
            found = next((i for i in existing if number_key(i.number) == key), None)
            if found:
                return found
        best = max(existing, key=lambda i: title_similarity(i.title, parsed.title), default=None)
        if best is not None and title_similarity(best.title, parsed.title) >= 0.9:
            return best
        return None

    @staticmethod
    def _mark_exempt(item: AgendaItem, parsed: ParsedItem) -> None:
        """A paper can make an item exempt, never make an exempt item public again."""
        if parsed.exempt:
            item.exempt = True
            item.exempt_paragraph = item.exempt_paragraph or parsed.exempt_paragraph
        if item.exempt_paragraph and not 1 <= item.exempt_paragraph <= 7:
            item.exempt_paragraph = None

    def _sub_items(self, item: AgendaItem, parsed: ParsedItem) -> None:
        if not parsed.sub_items or item.sub_items.exists():
            return
        for order, title in enumerate(parsed.sub_items, start=1):
            sub_item = AgendaItem(meeting=item.meeting, parent=item, order=order, title=title)
            sub_item.slug = sub_item.make_slug(base=f"{item.slug}-{order}")
            sub_item.save()

    @staticmethod
    def _report(item: AgendaItem, parsed: ParsedItem) -> None:
        if parsed.report is None or item.corrected:
            return
        values = {
            name: (getattr(parsed.report, name, None) or "")
            for name in REPORT_FIELDS
            if hasattr(parsed.report, name)
        }
        Report.objects.update_or_create(item=item, defaults=values)

    @staticmethod
    def _resolutions(item: AgendaItem, parsed: ParsedItem) -> None:
        item.resolutions.all().delete()
        Resolution.objects.bulk_create(
            [
                Resolution(item=item, order=order, number=r.number[:20], text=r.text)
                for order, r in enumerate(parsed.resolutions, start=1)
            ]
        )

    # -- minutes ---------------------------------------------------------------------------
    def _minutes(self, meeting: Meeting, document: Document) -> None:
        existing = list(meeting.items.filter(parent__isnull=True))
        next_order = max((i.order for i in existing), default=0) + 1
        claimed: set[int] = set()
        for parsed in self.parsed.items:
            item = self._find_minuted_item(existing, parsed, claimed)
            if item is None:
                item = AgendaItem(meeting=meeting, order=next_order, title=parsed.title)
                next_order += 1
                existing.append(item)
                agenda_number = parsed.number if parsed.number != parsed.minute_number else None
                item.number = (agenda_number or "")[:20]
            if item.pk:
                claimed.add(item.pk)
            if not item.corrected:
                item.minute_number = (parsed.minute_number or parsed.number or "")[:30]
                item.narrative = parsed.narrative
                item.reasons = parsed.reasons or ""
                item.title = item.title or parsed.title
            self._mark_exempt(item, parsed)
            item.save()
            claimed.add(item.pk)
            self._sub_items(item, parsed)
            if not item.corrected:
                self._resolutions(item, parsed)
                self._declarations(item, parsed)
            self._page_range(item, document, parsed)

    @staticmethod
    def _find_minuted_item(existing, parsed: ParsedItem, claimed: set[int]):
        free = [i for i in existing if i.pk not in claimed]
        agenda_number = parsed.number if parsed.number != parsed.minute_number else None
        if agenda_number:
            found = next(
                (i for i in free if number_key(i.number) == number_key(agenda_number)), None
            )
            if found:
                return found
        minute_key = number_key(parsed.minute_number or parsed.number)
        if minute_key:
            found = next((i for i in free if number_key(i.minute_number) == minute_key), None)
            if found:
                return found
        unminuted = [i for i in free if not i.minute_number]
        best = max(unminuted, key=lambda i: title_similarity(i.title, parsed.title), default=None)
        if best is not None and title_similarity(best.title, parsed.title) >= MINUTE_TITLE_MATCH:
            return best
        return None

    @staticmethod
    def _declarations(item: AgendaItem, parsed: ParsedItem) -> None:
        item.declarations.all().delete()
        Declaration.objects.bulk_create(
            [
                Declaration(meeting=item.meeting, item=item, text=text, order=order)
                for order, text in enumerate(parsed.declarations, start=1)
            ]
        )

    # -- attendance ------------------------------------------------------------------------
    def _attendance(self, meeting: Meeting) -> None:
        attendance = self.parsed.attendance
        record = AttendanceRecord(meeting)
        chair = person_key(clean_person_name(attendance.chair or ""))
        councillor, officer = Person.Kind.COUNCILLOR, Person.Kind.OFFICER
        for name in attendance.present:
            is_chair = bool(chair) and person_key(clean_person_name(name)) == chair
            record.add(name, Attendance.Role.PRESENT, councillor, is_chair=is_chair)
        for name in attendance.apologies:
            record.add(name, Attendance.Role.APOLOGIES, councillor)
        for sub in attendance.substitutes:
            replaced = Person.objects.for_printed_name(sub.substitute_for, councillor)
            record.add(sub.name, Attendance.Role.SUBSTITUTE, councillor, substitute_for=replaced)
        for name in attendance.officers:
            record.add(name, Attendance.Role.OFFICER, officer)
        for name in attendance.other_members:
            record.add(name, Attendance.Role.ATTENDING, councillor)
        record.save()
