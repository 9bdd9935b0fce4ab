"""The open-data export: every published meeting as the JSON of contracts/export.schema.json.

Only public content is exported, as ``meetings.disclosure`` decides: exempt items keep their
number and title (as a public agenda shows them) and the minute the council printed, unless a
clerk withheld it; their reports are left out, and so are unpublished and superseded papers
and whatever was read from them.
"""

from __future__ import annotations

from datetime import date as Date

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from councillors.models import Motion, RecordedVote
from documents.models import Document, PageRange
from meetings.models import (
    AgendaItem,
    Attendance,
    Committee,
    Declaration,
    Meeting,
    Report,
    Resolution,
)

SIDES = ("for", "against", "abstain")

REPORT_EXPORT_FIELDS = (
    "decision_type",
    "portfolio_holder",
    "local_councillors",
    "executive_director",
    "report_author",
    "author_title",
    "report_status",
    "recommendation",
    "reason_for_recommendation",
)


def _time(value) -> str | None:
    return value.strftime("%H:%M") if value else None


def _report(item: AgendaItem) -> dict | None:
    report = item.public_report
    if report is None:
        return None
    return {name: (getattr(report, name) or None) for name in REPORT_EXPORT_FIELDS}


def _item(item: AgendaItem, public_documents: set[int]) -> dict:
    withheld = item.is_withheld
    data = {
        "number": item.number or (item.minute_number if item.minute_is_public else None) or None,
        "minute_number": item.minute_number or None,
        "title": item.title,
        "url": item.get_absolute_url(),
        "exempt": withheld,
        "exempt_paragraph": item.exempt_paragraph,
        "pages": [],
        "report": None,
        "resolutions": [],
        "reasons": None,
        "declarations": [],
    }
    # Where an item sits in a paper is public, like its title; exempt pages stay withheld.
    data["pages"] = [
        {"document": str(r.document_id), "start": r.start, "end": r.end}
        for r in item.page_ranges.all()
        if r.document_id in public_documents
    ]
    if item.is_open:
        data["report"] = _report(item)
    if item.minute_is_public:
        data["resolutions"] = [{"number": r.number, "text": r.text} for r in item.resolutions.all()]
        data["reasons"] = item.reasons or None
        declarations = list(item.declarations.all())
        data["declarations"] = list(dict.fromkeys(d.text for d in declarations))
        data["interests"] = [
            {
                "member": d.member,
                "kind": d.kind,
                "left_room": d.left_room,
                "dispensation": d.dispensation,
            }
            for d in declarations
            if d.member
        ]
        data["recorded_votes"] = [
            {
                "question": v.question,
                "result": v.result,
                **{side: [c.name for c in v.casts.all() if c.position == side] for side in SIDES},
            }
            for v in item.recorded_votes.all()
        ]
        data["motions"] = [
            {
                "mover": m.mover or None,
                "seconder": m.seconder or None,
                "result": m.result or None,
                "tally": m.tally or None,
                "kind": m.kind,
            }
            for m in item.motions.all()
        ]
    else:
        data["minute_number"] = None
    return data


def _attendance(meeting: Meeting) -> dict | None:
    rows = list(meeting.attendance.all())
    if not rows:
        return None
    by_role = {role: [a for a in rows if a.role == role] for role in Attendance.Role.values}
    return {
        "present": [a.person.name for a in by_role[Attendance.Role.PRESENT]],
        "apologies": [a.person.name for a in by_role[Attendance.Role.APOLOGIES]],
        "substitutes": [
            {"name": a.person.name, "for": a.substitute_for.name if a.substitute_for else ""}
            for a in by_role[Attendance.Role.SUBSTITUTE]
        ],
        "officers": [a.person.name for a in by_role[Attendance.Role.OFFICER]],
    }


def meetings_for_export(committee: str | None = None, since: Date | None = None):
    meetings = Meeting.objects.published().select_related("committee").order_by("date", "pk")
    if committee:
        meetings = meetings.filter(committee__slug=committee) | meetings.filter(
            committee__name__iexact=committee
        )
    if since:
        meetings = meetings.filter(date__gte=since)
    items = (
        AgendaItem.objects.published()
        .with_disclosure()
        .select_related("parent", "meeting__committee")
        .prefetch_related(
            Prefetch("resolutions", queryset=Resolution.objects.public().order_by("order")),
            Prefetch(
                "declarations",
                queryset=Declaration.objects.public()
                .select_related("person")
                .order_by("order", "pk"),
            ),
            Prefetch(
                "recorded_votes",
                queryset=RecordedVote.objects.public().prefetch_related("casts"),
            ),
            Prefetch("motions", queryset=Motion.objects.public()),
            Prefetch("report", queryset=Report.objects.public(), to_attr="public_report"),
            Prefetch(
                "page_ranges",
                queryset=PageRange.objects.order_by(
                    "document__kind", "document__title", "document__sha256", "start"
                ),
            ),
        )
    )
    return meetings.prefetch_related(
        Prefetch("items", queryset=items.order_by("order", "pk")),
        Prefetch(
            "attendance",
            queryset=Attendance.objects.public().select_related("person", "substitute_for"),
        ),
        Prefetch(
            "documents",
            queryset=Document.objects.public().order_by("kind", "title", "sha256"),
            to_attr="public_documents",
        ),
    )


def build_export(committee: str | None = None, since: Date | None = None) -> dict:
    meetings = []
    for meeting in meetings_for_export(committee, since):
        public_documents = {d.pk for d in meeting.public_documents}
        top = [i for i in meeting.items.all() if i.parent_id is None]
        meetings.append(
            {
                "id": str(meeting.pk),
                "url": meeting.get_absolute_url(),
                "committee": meeting.committee.name,
                "organisation": meeting.organisation or None,
                "date": meeting.date.isoformat(),
                "start_time": _time(meeting.start_time),
                "venue": meeting.venue or None,
                "status": meeting.status,
                "attendance": _attendance(meeting),
                "documents": [
                    {
                        "id": str(d.pk),
                        "url": d.get_absolute_url(),
                        "kind": d.kind,
                        "title": d.title,
                        "pages": d.page_count,
                        "sha256": d.sha256,
                        "has_text_layer": d.has_text_layer,
                    }
                    for d in meeting.public_documents
                ],
                "items": [_item(i, public_documents) for i in top],
            }
        )
    committees = Committee.objects.filter(meetings__in=[m["id"] for m in meetings]).distinct()
    return {
        "generated_at": timezone.now().isoformat(),
        "organisation": settings.PORTAL_ORGANISATION or None,
        "committees": [
            {"name": c.name, "slug": c.slug, "url": c.get_absolute_url()}
            for c in committees.order_by("name")
        ],
        "meetings": meetings,
        **_decisions(committee, since),
    }


def _decisions(committee: str | None, since: Date | None) -> dict:
    """The forward plan and the decisions register (the ``decisions`` app)."""
    from decisions.export import decisions_export, forward_plan_export

    return {
        "forward_plan": forward_plan_export(committee, since),
        "decisions": decisions_export(committee, since),
    }
