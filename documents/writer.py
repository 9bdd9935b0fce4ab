"""Store one read paper in its meeting and build the meeting again, in one transaction.

The meeting comes from the clerk's context (the upload form, ``--committee``/``--date``, the
folder) and only where that is silent from the paper's own head; where the head disagrees,
the context wins and the disagreement is kept as a warning. Minutes whose head names an
earlier meeting of the same committee are the previous minutes, put up for approval: they
are filed with this meeting and read as the minutes of the meeting they name.

The paper is stored with what was read from it; the meeting's records are then rebuilt from
all its papers in force (``documents.meeting_sync``), so they depend on the set of papers,
never on the order they came in.

Several ingests may write at once (the ``ingest`` command run twice, the upload worker beside
it). Writers of the same paper or of the same committee take turns: on PostgreSQL through
transaction-scoped advisory locks, on SQLite because a write transaction begins IMMEDIATE.
The later writer then finds the earlier one's rows. A clash the locks do not cover (a
committee or person added by hand at that moment) rolls back and is written again.

The PDF is stored under its content's name as the last step before the commit, so a process
killed while writing leaves no rows and, but for that last moment, no file; a file left by
an ingest that never committed is replaced when the same paper is next written.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from documents.context import MeetingContext, agrees, place_committee
from documents.ingest.errors import IngestError
from documents.ingest.identity import paper_identity, revision_rank
from documents.ingest.parsed import ParsedDocument
from documents.ingest.serialise import reading_as_json
from documents.ingest.vocabulary import DEFINES_HEAD
from documents.meeting_sync import committee_names, head_fit, meeting_records, rebuild_meeting
from documents.models import Document, Page
from meetings.models import Committee, Meeting

WRITE_ATTEMPTS = 3


def read_decisions(document: Document, pages: list[Page], new_meetings: list[Meeting]) -> None:
    """Read the new paper's forward plan, records of decision and call-ins (``decisions``)."""
    from decisions.reading import read_document

    read_document(
        document,
        pages=[(p.number, p.text, p.blocks) for p in pages],
        fresh=True,
        new_meetings=new_meetings,
    )


class AlreadyLoaded(Exception):
    """The same file (by its SHA-256) is already stored, perhaps by an ingest just now."""

    def __init__(self, document: Document) -> None:
        super().__init__(f"already loaded as document {document.pk}")
        self.document = document


def lock_key(*parts: str) -> int:
    """A signed 64-bit key for ``pg_advisory_xact_lock``, from text."""
    digest = hashlib.blake2b("\x1f".join(parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


@dataclass
class Filing:
    """Where a paper goes: its meeting's committee and date, and what to tell the clerk."""

    committee: str
    date: Date
    minutes_of_date: Date | None = None  # previous minutes: the meeting they record
    warnings: list[str] = field(default_factory=list)


def file_paper(parsed: ParsedDocument, context: MeetingContext) -> Filing:
    """The meeting a paper belongs to, from its context first and then its own head."""
    head = parsed.meeting
    committee = context.committee or head.committee
    date = context.date or head.date
    if not committee:
        raise IngestError(
            "the committee's name could not be read from the paper; give it with --committee, "
            "choose the meeting when uploading, or put the file in a folder named for it"
        )
    if not date:
        raise IngestError(
            "the meeting date could not be read from the paper; give it with --date, choose "
            "the meeting when uploading, or put the file in a folder named YYYY-MM-DD"
        )
    filing = Filing(committee=committee, date=date)
    where = context.origin or "its context"
    same_committee = not head.committee or not context.committee
    if context.committee and head.committee:
        same_committee = agrees(head.committee, context.committee)
        if not same_committee:
            filing.warnings.append(
                f"the paper names the committee “{head.committee}”; filed under "
                f"“{context.committee}” as {where} says"
            )
    if context.date and head.date and head.date != context.date:
        if parsed.kind == Document.Kind.MINUTES and head.date < context.date and same_committee:
            filing.minutes_of_date = head.date
            filing.warnings.append(
                f"minutes of the meeting of {head.date:%-d %B %Y}, published with this one "
                "for approval: read as that meeting's minutes"
            )
        elif parsed.kind in DEFINES_HEAD:
            filing.warnings.append(
                f"the paper is dated {head.date:%-d %B %Y}; filed under the meeting of "
                f"{context.date:%-d %B %Y} as {where} says"
            )
    return filing


class DocumentWriter:
    def __init__(
        self,
        parsed: ParsedDocument,
        *,
        sha256: str,
        source: Path,
        original_filename: str,
        context: MeetingContext | None = None,
        committee: str | None = None,
        date: Date | None = None,
        publish: bool = True,
        replaces: Document | None = None,
    ) -> None:
        self.parsed = parsed
        self.sha256 = sha256
        self.source = source
        self.original_filename = original_filename
        if context is None:
            context = MeetingContext(committee, date, "--committee/--date")
        if replaces is not None:
            context = MeetingContext(
                replaces.meeting.committee.name, replaces.meeting.date, "the paper it replaces"
            )
        self.context = context
        self.publish = publish
        self.replaces = replaces
        self.filing = file_paper(parsed, context)
        self.stored_name: str | None = None
        # The meeting's items (not sub-items) once written, when counted while writing.
        self.item_count: int | None = None

    @property
    def warnings(self) -> list[str]:
        return self.filing.warnings

    def write(self) -> Document:
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
        self.item_count = None
        try:
            with transaction.atomic():
                self._take_turns()
                stored = Document.objects.filter(sha256=self.sha256)
                if stored.exists():  # the cheaper question: the answer is nearly always no
                    raise AlreadyLoaded(stored.first())
                committee, names = self._committee()
                meeting, new = self._meeting(committee, self.filing.date, first=names is not None)
                minutes_of, new_minutes_of = None, False
                if self.filing.minutes_of_date:
                    minutes_of, new_minutes_of = self._meeting(
                        committee, self.filing.minutes_of_date, create_only=True
                    )
                names = names or committee_names(meeting)
                document = self._document(meeting, minutes_of, names)
                if not new:  # a meeting made now holds no other version of this paper
                    self._place_version(document)
                pages = self._pages(document)
                self._store(document)
                # A meeting made now has this paper alone in force.
                papers = [document] if new else None
                records = meeting_records(meeting, names=names, new=new, papers=papers)
                if records is not None:
                    records.save()
                if minutes_of is not None:
                    rebuild_meeting(minutes_of)
                made_now = [
                    m for m, is_new in ((meeting, new), (minutes_of, new_minutes_of)) if is_new
                ]
                read_decisions(document, pages, made_now)
            if records is not None:
                self.item_count = records.top_level_items
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
                lock_key("committee", self.filing.committee.strip().casefold()),
            }
        )
        with connection.cursor() as cursor:
            for key in keys:  # always in the same order, so two writers never deadlock
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])

    # -- meeting -------------------------------------------------------------------------
    def _committee(self) -> tuple[Committee, list[str] | None]:
        """The committee the paper is filed under, and its names when it was made now."""
        header = self.parsed.meeting
        printed = header.committee if self.parsed.kind in DEFINES_HEAD else None
        if not self.context.committee:
            printed = header.committee
        return place_committee(self.context.committee, printed)

    def _meeting(
        self, committee: Committee, date: Date, *, create_only: bool = False, first: bool = False
    ) -> tuple[Meeting, bool]:
        """The meeting on ``date`` (made when there is none), and whether it was made now.
        ``first``: the committee was made now and has no meetings yet."""
        header = self.parsed.meeting
        # The meetings that day, and any other meeting whose address starts with the date.
        day = date.isoformat()
        near = []
        if not first:
            near = list(
                committee.meetings.filter(Q(date=date) | Q(url_key__startswith=day)).order_by(
                    "start_time"
                )
            )
        same_day = [m for m in near if m.date == date]
        start_time = None if create_only else header.start_time
        meeting = None
        if start_time:
            meeting = next((m for m in same_day if m.start_time == start_time), None)
            meeting = meeting or next((m for m in same_day if m.start_time is None), None)
        elif same_day:
            meeting = same_day[0]
        if meeting is None:
            held = self.parsed.kind == Document.Kind.MINUTES or date < timezone.localdate()
            meeting = Meeting(
                committee=committee,
                date=date,
                status=Meeting.Status.HELD if held else Meeting.Status.SCHEDULED,
            )
        if start_time and not meeting.start_time:
            meeting.start_time = start_time
        # A record of one person's decision with no meeting context is filed under their
        # office on the day it was signed: no meeting was held. A paper of a held meeting
        # filed there (by its context) makes it a meeting again.
        record = header.decision_record and not self.context and not create_only
        if meeting.pk is None or not record:
            meeting.is_decision_record = record
        if self.publish:
            meeting.is_published = True
        new = meeting.pk is None
        if new:
            meeting.url_key = meeting.make_url_key(taken={m.url_key for m in near})
        meeting.save()
        return meeting, new

    # -- document and pages --------------------------------------------------------------
    def _document(self, meeting: Meeting, minutes_of: Meeting | None, names: list[str]) -> Document:
        kind = self.parsed.kind
        if self.replaces is not None:
            identity = self.replaces.identity
        elif minutes_of is not None:
            identity = f"minutes-of:{minutes_of.date.isoformat()}"
        else:
            identity = paper_identity(
                kind,
                self.original_filename,
                self.parsed.title,
                names_meeting=head_fit(self.parsed, meeting, names) == 2,
            )
        document = Document(
            meeting=meeting,
            minutes_of=minutes_of,
            kind=kind,
            identity=identity,
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
            parsed=reading_as_json(self.parsed),
            warnings=self.filing.warnings,
        )
        # Named now, stored by _store() just before the commit.
        document.file.name = Document.file.field.generate_filename(document, f"{self.sha256}.pdf")
        document.save()
        return document

    def _place_version(self, document: Document) -> None:
        """Order the versions of this paper: an explicit replacement, or the more revised
        file, is the newest; the others point to it."""
        versions = list(
            Document.objects.filter(meeting=document.meeting, identity=document.identity)
            .exclude(pk=document.pk)
            .order_by("version", "pk")
        )
        if not versions:
            return
        if self.replaces is None:
            mine = revision_rank(document.original_filename)
            position = len(versions)
            while position and revision_rank(versions[position - 1].original_filename) > mine:
                position -= 1
            versions.insert(position, document)
        else:
            versions.append(document)
        for number, version in enumerate(versions, start=1):
            if version.version != number:
                version.version = number
                version.save(update_fields=["version", "updated"])
        Document.relink_versions(document.meeting_id, document.identity)

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
        return self.parsed.kind == Document.Kind.REPORT and len(items) == 1 and items[0].exempt

    def _pages(self, document: Document) -> list[Page]:
        return Page.objects.bulk_create(
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
