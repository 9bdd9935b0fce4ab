"""An agenda item: its report's front sheet, the minute, declarations, pages and history.

What of it the public sees is decided in ``meetings.disclosure``: an exempt item shows its
number and title, and the minute the council printed unless a clerk withheld it; its report
stays withheld. A part of exempt business shows only the exempt item.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from councillors.models import Motion, RecordedVote, VoteCast
from decisions.models import Decision
from documents.citations import CitationLinker
from documents.models import Document, PageRange
from meetings import disclosure
from meetings.models import AgendaItem, Declaration, Report, Resolution
from meetings.views.meetings import moves_to_decision, published_meeting


def _item(meeting, slug: str) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.reachable()
        .with_disclosure()
        .select_related("meeting__committee", "parent"),
        meeting=meeting,
        slug=slug,
    )


def _minute(item: AgendaItem) -> dict:
    """The minute the public may read: its text, resolutions and sub-items, citations linked."""
    resolutions = list(Resolution.objects.public().filter(item=item).order_by("order"))
    sub_items = list(
        AgendaItem.objects.published()
        .with_disclosure()
        .filter(parent=item)
        .order_by("order")
        .prefetch_related(
            Prefetch("resolutions", queryset=Resolution.objects.public().order_by("order"))
        )
    )
    texts = [item.narrative, item.reasons, *(r.text for r in resolutions)]
    public_subs = [sub for sub in sub_items if sub.minute_is_public]
    for sub in public_subs:
        texts += [sub.narrative, *(r.text for r in sub.resolutions.all())]
    linker = CitationLinker(item.meeting).prepare(texts)
    return {
        "narrative": linker.paragraphs(item.narrative),
        "reasons": linker.paragraphs(item.reasons),
        "resolutions": [(r, linker.link(r.text)) for r in resolutions],
        "sub_items": [
            {
                "item": sub,
                "public": True,
                "narrative": linker.paragraphs(sub.narrative),
                "resolutions": [(r, linker.link(r.text)) for r in sub.resolutions.all()],
            }
            if sub.minute_is_public
            else {"item": sub}
            for sub in sub_items
        ],
    }


@require_safe
@moves_to_decision
def item_detail(request, committee, date, item):
    meeting = published_meeting(committee, date)
    agenda_item = _item(meeting, item)
    shown = disclosure.shown_as(agenda_item)
    under_exempt = shown is not agenda_item
    context = {
        "meeting": meeting,
        "item": agenda_item,
        "withheld": agenda_item.is_withheld,
        # Under exempt business even a part's title is withheld: show the exempt item's.
        "title": shown.title,
        "number": shown.number,
    }
    if under_exempt:
        return render(request, "meetings/item_detail.html", context)
    if agenda_item.minute_is_public:
        context.update(
            minute=_minute(agenda_item),
            declarations=Declaration.objects.public()
            .filter(item=agenda_item)
            .select_related("person")
            .order_by("order", "pk"),
            votes=RecordedVote.objects.public()
            .filter(item=agenda_item)
            .prefetch_related(Prefetch("casts", VoteCast.objects.select_related("person"))),
            motions=Motion.objects.public()
            .filter(item=agenda_item)
            .select_related("mover_person", "seconder_person"),
        )
    # The decision taken here (a record of decision, a call-in status), as the register shows it.
    context["decisions"] = Decision.objects.public().filter(item=agenda_item)
    ranges = list(
        PageRange.objects.public()
        .filter(item=agenda_item)
        .select_related("document")
        .order_by("document__kind", "start")
    )
    minute = context.get("minute") or {}
    if any(minute.get(part) for part in ("narrative", "resolutions", "sub_items", "reasons")):
        # The pages of the minutes are shown under the minute they hold, not above it.
        context["minute_pages"] = [r for r in ranges if r.document.kind == Document.Kind.MINUTES]
        ranges = [r for r in ranges if r.document.kind != Document.Kind.MINUTES]
    context["page_ranges"] = ranges
    if agenda_item.is_open:
        context.update(
            report=Report.objects.public().filter(item=agenda_item).first(),
            history=AgendaItem.objects.same_matter_as(agenda_item).select_related(
                "meeting__committee"
            ),
        )
    return render(request, "meetings/item_detail.html", context)
