"""A realistic council with a secret planted in every place the public must never see.

Real papers are ingested as published; one real pack is ingested unpublished (a committee
whose only meeting is a draft); a generated pack holds an exempt report whose pages carry
secrets in the PDF itself. Then a distinct secret goes into every withheld field: exempt
reports and their pages, the minutes a clerk withheld (text, resolutions, declarations, pages),
parts of exempt business, withheld pages (text and blocks), unpublished, superseded and wholly
exempt papers (title, pages, stored PDF), and unpublished meetings with all they hold. What
the council printed in its public minutes of an exempt item (minute 95 of the Dorset Cabinet)
is public and carries no secret.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from decisions.models import Decision, DecisionPart, ForwardPlanEntry
from documents.importer import Importer, IngestOptions
from documents.models import Document, Page, PageRange
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
from tests.decisions.records import record_pdf
from tests.pdfmaker import make_pdf
from tests.security.markers import Secret, Secrets
from tests.shared_papers import paper

PUBLISHED_PAPERS = [
    "dorset-cabinet-2017-10-04-minutes.pdf",
    "dorset-people-and-health-2021-09-02-agenda-pack.pdf",
    "uk_kent_cabinet_2025-01-30_agenda-frontsheet.pdf",
    "uk_kent_cabinet_2025-01-30_printed-minutes.pdf",
    "uk_kent_cabinet_2025-01-30_supplementary-pack_PROD-24-00096.pdf",
    "uk_kent_cabinet_2025-03-13_public-reports-pack.pdf",
    "uk_kent_county-council_2025-03-13_printed-minutes.pdf",
    "uk_kent_record-of-decision_24-00093.pdf",  # one person's decision: no meeting held
    "uk_hertingfordbury-pc_2019-09-11_minutes.pdf",
    "us_east-palo-alto_planning-commission_2020-01-27_minutes.pdf",
]
DRAFT_PAPER = "uk_merton_audit-committee_2009-10-22_agenda-pack.pdf"
PACK_SECRETS = (
    "generated pack exempt report page three pdf",
    "generated pack exempt appendix page four pdf",
)
NUMBER_WORDS = ("one", "two", "three", "four")
REPORT_FIELDS = [
    f.name for f in Report._meta.fields if f.get_internal_type() in ("CharField", "TextField")
]


@dataclass
class World:
    secrets: Secrets
    near_words: list[str]  # real words beside secrets on withheld pages
    control: Document  # an unpublished paper full of secrets, for the negative control


def spelled(name: str) -> str:
    """The text of the secret called ``name``, before it has a place."""
    return Secret(name, "", 0, "").text


def ingest(names: list[str], **options) -> None:
    importer = Importer(IngestOptions(isolate=False, ocr=False, **options))
    results = list(importer.ingest([paper(name) for name in names]))
    failed = [r for r in results if r.status != "ok"]
    assert not failed, failed


def generated_pack(folder: Path, day: dt.date) -> Path:
    """An agenda pack whose report at item 3 is exempt (paragraph 3), its pages full of secrets."""
    return make_pdf(
        folder / "generated-pack.pdf",
        [
            [
                "Borsetshire County Council",
                "Cabinet",
                f"Date: {day:%A, %-d %B %Y}",
                "Time: 10.00 am",
                "Venue: Council Chamber, County Hall, Borchester",
                "AGENDA",
                "1. Apologies for absence",
                "2. Library service review (Pages 2 - 2)",
                "3. Sale of the former depot site (Pages 3 - 4)",
                "Page 1",
            ],
            [
                "Agenda Item 2",
                "Library service review",
                "Report of the Corporate Director for Communities",
                "Recommendation: That the review be noted.",
                "The libraries opened for longer hours this year.",
                "Page 2",
            ],
            [
                "Agenda Item 3",
                "NOT FOR PUBLICATION",
                "By virtue of paragraph 3 of Part 1 of Schedule 12A",
                "of the Local Government Act 1972.",
                "Sale of the former depot site",
                "The bidder offered 4.2 million:",
                *spelled(PACK_SECRETS[0]).split(),
                "Page 3",
            ],
            [
                "Valuation appendix",
                "Valuation",
                *spelled(PACK_SECRETS[1]).split(),
                "Page 4",
            ],
        ],
    )


class Planter:
    """Plants secrets into rows and saves them (saving keeps the search index in step)."""

    def __init__(self, secrets: Secrets, folder: Path) -> None:
        self.secrets = secrets
        self.folder = folder
        self.near_words: list[str] = []

    def fields(self, obj, prefix: str, *names: str) -> None:
        for name in names:
            self.secrets.plant(obj, name, f"{prefix} {name.replace('_', ' ')}")
        obj.save()

    def report(self, item: AgendaItem, prefix: str) -> None:
        report, _ = Report.objects.get_or_create(item=item)
        self.fields(report, f"{prefix} report", *REPORT_FIELDS)

    def resolution(self, item: AgendaItem, name: str) -> None:
        resolution = item.resolutions.order_by("order").first()
        if resolution is None:
            resolution = Resolution(item=item, order=1, number="1", text="That it be agreed.")
        self.secrets.plant(resolution, "text", name)
        resolution.save()

    def declaration(self, meeting: Meeting, item: AgendaItem | None, name: str, person=None):
        declaration = Declaration(meeting=meeting, item=item, person=person, order=99)
        self.secrets.plant(declaration, "text", name)
        declaration.save()

    def votes(self, item: AgendaItem, name: str, person=None) -> None:
        """A recorded vote, a motion, a declaration's member and a ward, all on ``item``."""
        from councillors.models import ItemWard, Motion, RecordedVote, VoteCast, Ward

        vote = RecordedVote(item=item, order=99, result="carried")
        self.secrets.plant(vote, "question", f"{name} vote question")
        vote.save()
        cast = VoteCast(vote=vote, position="for", person=person, order=1)
        self.secrets.plant(cast, "name", f"{name} voter")
        cast.save()
        motion = Motion(item=item, order=99)
        self.secrets.plant(motion, "mover", f"{name} mover")
        motion.save()
        declaration = Declaration(meeting=item.meeting, item=item, person=person, order=98)
        self.secrets.plant(declaration, "member", f"{name} member")
        self.secrets.plant(declaration, "text", f"{name} interest")
        declaration.save()
        ward = Ward(slug=f"ward-{Ward.objects.count() + 1}")
        self.secrets.plant(ward, "name", f"{name} ward")
        ward.save()
        ItemWard.objects.create(item=item, ward=ward)

    def page(self, document: Document, number: int, name: str, *, blocks: bool = False):
        page = Page.objects.get(document=document, number=number)
        self.near_words += _distinctive_words(page.text)
        self.secrets.plant(page, "text", f"{name} text")
        if blocks:
            page.blocks = [*page.blocks, *self.blocks(page, name)]
        page.save()

    def blocks(self, page: Page, name: str) -> list[dict]:
        """A heading, a paragraph, a list and a table, each with its own secret."""
        texts = {}
        for part in ("heading", "paragraph", "list entry", "table cell"):
            texts[part] = self.secrets.add(f"{name} {part}", page, "blocks").text
        return [
            {"kind": "heading", "text": texts["heading"], "level": 2},
            {"kind": "paragraph", "text": texts["paragraph"]},
            {"kind": "list", "items": ["Public words", texts["list entry"]], "ordered": False},
            {"kind": "table", "rows": [["Bidder", "Offer"], [texts["table cell"], "4.2m"]]},
        ]

    def person(self, name: str, slug: str) -> Person:
        """Someone known only from withheld records: name, role and address all secret."""
        person = Person(kind=Person.Kind.COUNCILLOR)
        self.secrets.plant(person, "name", f"{name} name")
        self.fields(person, name, "role")
        self.slug(person, slug)
        return person

    def slug(self, obj, name: str) -> None:
        """A secret of its own in the address, so a visit to it hides no other secret."""
        secret = self.secrets.add(name, obj, "slug")
        slug = slugify(secret.text)
        assert len(slug) <= 80, name
        type(obj).objects.filter(pk=obj.pk).update(slug=slug)

    def paper(self, meeting: Meeting, name: str, **fields) -> Document:
        """A real PDF whose first page holds a secret, with its pages' rows and more secrets."""
        lines = ["Report to the Cabinet", "Confidential offer", *spelled(f"{name} pdf").split()]
        path = make_pdf(self.folder / f"{slugify(name)}.pdf", [lines, ["Appendix", "Page 2"]])
        body = path.read_bytes()
        sha = hashlib.sha256(body).hexdigest()
        document = Document(
            meeting=meeting, sha256=sha, size=len(body), page_count=2, kind="report", **fields
        )
        document.title = "Report"
        document.file.save(f"{sha}.pdf", ContentFile(body), save=False)
        self.fields(document, name, "title", "original_filename")
        self.secrets.add(f"{name} pdf", document, "file")
        Page.objects.bulk_create(
            [
                Page(document=document, number=1, text="\n".join(lines)),
                Page(document=document, number=2, text="Appendix"),
            ]
        )
        self.page(document, 2, f"{name} page two", blocks=True)
        return document

    def meeting_fields(self, meeting: Meeting, prefix: str) -> None:
        self.fields(meeting, prefix, "venue", "organisation")
        secret = self.secrets.add(f"{prefix} webcast url", meeting, "webcast_url")
        meeting.webcast_url = f"https://webcast.example.org/{secret.marker}/{secret.twin}"
        meeting.save()


def _distinctive_words(text: str) -> list[str]:
    words = sorted(set(re.findall(r"[A-Za-z]{9,}", text)), key=lambda w: (-len(w), w))
    return words[:2]


def build_world(folder: Path) -> World:
    today = timezone.localdate()
    ingest(PUBLISHED_PAPERS)
    ingest([DRAFT_PAPER], publish=False)
    ingest([generated_pack(folder, today + dt.timedelta(days=21))])
    secrets = Secrets()
    plant = Planter(secrets, folder)

    _exempt_minutes(plant)
    _exempt_report_in_a_pack(plant)
    _generated_pack_secrets(secrets)
    control = _withheld_papers(plant)
    _draft_meeting_of_a_hidden_committee(plant)
    _draft_meeting_of_a_public_committee(plant, today)
    _withheld_decisions(plant)
    _unpublished_record_of_decision(plant)
    return World(secrets, sorted(set(plant.near_words)), control)


def _exempt_minutes(plant: Planter) -> None:
    """Cabinet, 4 October 2017: exempt minute 96, whose minute the clerk withheld, a part under
    it, and the minutes' pages."""
    exempt = AgendaItem.objects.get(meeting__date="2017-10-04", minute_number="96")
    assert exempt.exempt
    exempt.minute_withheld = True
    meeting, minutes = exempt.meeting, exempt.page_ranges.get().document
    plant.fields(exempt, "exempt minute", "narrative", "reasons")
    plant.resolution(exempt, "exempt minute resolution")
    plant.report(exempt, "exempt minute")
    public_person = meeting.attendance.order_by("pk").first().person
    plant.declaration(meeting, exempt, "exempt minute declaration", public_person)
    plant.votes(exempt, "exempt minute", public_person)
    part = AgendaItem(meeting=meeting, parent=exempt, order=exempt.order, number="96a")
    plant.fields(part, "part of exempt minute", "title", "narrative", "reasons")
    plant.resolution(part, "part of exempt minute resolution")
    plant.report(part, "part of exempt minute")
    plant.declaration(meeting, part, "part of exempt minute declaration", public_person)
    PageRange.objects.create(item=part, document=minutes, start=5, end=5)
    plant.page(minutes, 5, "page of a part of an exempt minute", blocks=True)
    # The pages holding the withheld minute (a page of minute 95, printed, is public).
    span = exempt.page_ranges.get()
    assert span.holds_paper and span.end - span.start < len(NUMBER_WORDS), span
    for number in range(span.start, span.end + 1):
        name = f"withheld minute page {NUMBER_WORDS[number - span.start]}"
        plant.page(minutes, number, name, blocks=number == span.end)


def _exempt_report_in_a_pack(plant: Planter) -> None:
    """People and Health, 2 September 2021: item 7's report becomes exempt; a part of 5 too."""
    item = AgendaItem.objects.get(meeting__date="2021-09-02", number="7")
    item.exempt, item.exempt_paragraph = True, 3
    item.save()
    [span] = item.page_ranges.all()
    plant.report(item, "exempt pack item")
    plant.page(span.document, span.start, "exempt pack report first page", blocks=True)
    plant.page(span.document, span.end, "exempt pack report last page")
    public = AgendaItem.objects.get(meeting=item.meeting, number="5")
    part = AgendaItem.objects.create(
        meeting=item.meeting,
        parent=public,
        order=public.order,
        number="5a",
        title="Appendix C: supplier costs",
        exempt=True,
        exempt_paragraph=3,
        minute_withheld=True,
    )
    plant.fields(part, "exempt part of public item", "narrative", "reasons")
    plant.resolution(part, "exempt part of public item resolution")
    PageRange.objects.create(item=part, document=span.document, start=20, end=20)
    plant.page(span.document, 20, "page of an exempt part of a public item", blocks=True)


def _generated_pack_secrets(secrets: Secrets) -> None:
    """The generated pack's exempt pages carry their secrets in the PDF (and so in the text)."""
    item = AgendaItem.objects.get(title__icontains="former depot")
    assert item.exempt and item.exempt_paragraph == 3, item
    document = item.page_ranges.get().document
    for name in PACK_SECRETS:
        secrets.add(name, document, "file")


def _withheld_papers(plant: Planter) -> Document:
    """Kent Cabinet, 30 January 2025 (published): unpublished, superseded and exempt papers."""
    meeting = Meeting.objects.get(committee__name="Cabinet", date="2025-01-30")
    control = plant.paper(meeting, "unpublished paper", is_published=False)
    old = plant.paper(meeting, "superseded paper", is_published=True, published_at=timezone.now())
    newer = Document.objects.filter(meeting=meeting, kind="supplement").get()
    Document.objects.filter(pk=old.pk).update(superseded_by=newer)
    plant.paper(meeting, "wholly exempt paper", is_published=True, is_exempt=True)
    return control


def _draft_meeting_of_a_hidden_committee(plant: Planter) -> None:
    """Merton Audit Committee: its only meeting is unpublished (its pack is marked published)."""
    meeting = Meeting.objects.get(committee__name="Audit Committee")
    assert not meeting.is_published
    committee = meeting.committee
    plant.fields(committee, "hidden committee", "name", "purpose")
    plant.slug(committee, "hidden committee slug")
    plant.meeting_fields(meeting, "hidden committee meeting")
    items = list(meeting.items.order_by("order"))
    plant.fields(items[0], "hidden committee item", "title", "narrative", "reasons")
    plant.report(items[3], "hidden committee item")
    plant.resolution(items[2], "hidden committee resolution")
    pack = meeting.documents.get()
    pack.is_published, pack.published_at = True, timezone.now()
    plant.fields(pack, "hidden committee pack", "title")
    plant.page(pack, 3, "hidden committee pack page three", blocks=True)
    member = plant.person("hidden committee member", "hidden member slug")
    Attendance.objects.create(meeting=meeting, person=member, role="present", is_chair=True)
    plant.declaration(meeting, items[2], "hidden committee declaration", member)
    plant.votes(items[2], "hidden committee", member)


def _draft_meeting_of_a_public_committee(plant: Planter, today: dt.date) -> None:
    """An unpublished upcoming Cabinet meeting, with a published paper and attendance."""
    committee = Committee.objects.get(name="Cabinet")
    meeting = Meeting.objects.create(
        committee=committee, date=today + dt.timedelta(days=10), start_time=dt.time(14)
    )
    plant.meeting_fields(meeting, "draft cabinet meeting")
    item = AgendaItem(meeting=meeting, order=1, number="1")
    plant.fields(item, "draft cabinet item", "title", "narrative")
    plant.resolution(item, "draft cabinet resolution")
    plant.report(item, "draft cabinet item")
    public_person = Attendance.objects.filter(meeting__is_published=True).first().person
    attendance = Attendance(meeting=meeting, person=public_person, role="present")
    plant.fields(attendance, "draft cabinet attendance", "note")
    member = plant.person("draft cabinet substitute", "substitute slug")
    absent = plant.person("draft cabinet substituted member", "substituted member slug")
    Attendance.objects.create(
        meeting=meeting, person=member, role="substitute", substitute_for=absent
    )
    declarant = plant.person("draft cabinet declarant", "declarant slug")
    plant.declaration(meeting, item, "draft cabinet declaration", declarant)
    plant.votes(item, "draft cabinet", declarant)
    plant.paper(meeting, "draft cabinet paper", is_published=True, published_at=timezone.now())


def _withheld_decisions(plant: Planter) -> None:
    """The forward plan's exempt entry keeps only its subject and paragraph; entries on a
    withheld page or typed in and unpublished, and decisions read from an unpublished paper,
    taken at an exempt item or an unpublished meeting, or typed in and unpublished, are not
    public at all."""
    [exempt] = ForwardPlanEntry.objects.filter(exempt=True, subject="Tricuro Options Paper")
    exempt.exempt_paragraph = 3
    names = ("description", "decision_maker", "portfolio_holder", "officer_contact", "consultees")
    plant.fields(exempt, "exempt plan entry", *names)
    plant.fields(ForwardPlanEntry(subject="", is_published=False), "unpublished plan", "subject")
    item = AgendaItem.objects.get(meeting__date="2021-09-02", number="7")  # made exempt above
    span = item.page_ranges.get()
    on_page = ForwardPlanEntry(subject="", source=span.document, page=span.start)
    plant.fields(on_page, "plan entry on a withheld page", "subject", "description")
    cabinet = Meeting.objects.get(committee__name="Cabinet", date="2025-01-30")
    paper = plant.paper(cabinet, "unpublished record paper", is_published=False)
    unpublished = Decision(title="", source=paper, meeting=cabinet, reference="99/00001")
    plant.fields(unpublished, "unpublished record", "title", "reasons", "alternatives")
    part = DecisionPart(decision=unpublished, number="A", text="")
    plant.fields(part, "unpublished record part", "text")
    at_exempt = Decision(title="", source=span.document, meeting=item.meeting, item=item)
    plant.fields(at_exempt, "record at an exempt item", "title", "reasons", "interests")
    plant.fields(Decision(title="", is_published=False), "unpublished typed decision", "title")
    draft = Meeting.objects.filter(committee__name="Cabinet", is_published=False).get()
    plant.fields(Decision(title="", meeting=draft), "decision at a draft meeting", "title")


def _unpublished_record_of_decision(plant: Planter) -> None:
    """A record of one person's decision ingested unpublished: filed under their office (a
    committee with nothing public), its decision, parts, paper and container all secret."""
    path = record_pdf(
        plant.folder,
        maker="Ms Ann Other, Cabinet Member for Waste",
        reference="25/00099",
        name="unpublished-record.pdf",
    )
    ingest([str(path)], publish=False)
    decision = Decision.objects.get(reference="25/00099")
    container = decision.meeting
    assert container.is_decision_record and not container.is_published
    plant.fields(decision, "unpublished own record", "title", "reasons", "decision_maker_role")
    plant.fields(decision.parts.get(), "unpublished own record part", "text")
    plant.fields(container.committee, "unpublished record office", "name")
    plant.meeting_fields(container, "unpublished record container")
    plant.fields(container.items.get(), "unpublished record item", "title")
    plant.page(decision.source, 1, "unpublished record page")
