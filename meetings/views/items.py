"""An agenda item: its report's front sheet, the minute, declarations, pages and history."""

from __future__ import annotations

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from documents.citations import CitationLinker
from documents.models import Document, PageRange
from meetings.models import AgendaItem, Resolution
from meetings.views.meetings import published_meeting


def _item(meeting, slug: str) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.select_related("meeting__committee", "parent", "report"),
        meeting=meeting,
        slug=slug,
    )


def _minute(item: AgendaItem) -> dict:
    """The minute for a public item: its text, resolutions and sub-items, citations linked."""
    resolutions = list(Resolution.objects.filter(item=item).order_by("order"))
    sub_items = list(
        item.sub_items.order_by("order").prefetch_related(
            Prefetch("resolutions", queryset=Resolution.objects.order_by("order"))
        )
    )
    texts = [item.narrative, item.reasons, *(r.text for r in resolutions)]
    public_subs = [sub for sub in sub_items if not sub.exempt]
    for sub in public_subs:
        texts += [sub.narrative, *(r.text for r in sub.resolutions.all())]
    linker = CitationLinker(item.meeting).prepare(texts)
    return {
        "narrative": linker.paragraphs(item.narrative),
        "reasons": linker.paragraphs(item.reasons),
        "resolutions": [(r, linker.link(r.text)) for r in resolutions],
        "sub_items": [
            {"item": sub}
            if sub.exempt
            else {
                "item": sub,
                "narrative": linker.paragraphs(sub.narrative),
                "resolutions": [(r, linker.link(r.text)) for r in sub.resolutions.all()],
            }
            for sub in sub_items
        ],
    }


@require_safe
def item_detail(request, committee, date, item):
    meeting = published_meeting(committee, date)
    agenda_item = _item(meeting, item)
    under_exempt = bool(agenda_item.parent_id and agenda_item.parent.exempt)
    context = {
        "meeting": meeting,
        "item": agenda_item,
        "withheld": agenda_item.is_withheld,
        # Under exempt business even a part's title is withheld: show the exempt item's.
        "title": agenda_item.parent.title if under_exempt else agenda_item.title,
        "number": agenda_item.parent.number if under_exempt else agenda_item.number,
    }
    if not agenda_item.is_withheld:
        context.update(
            report=getattr(agenda_item, "report", None),
            minute=_minute(agenda_item),
            declarations=agenda_item.declarations.select_related("person").order_by("order"),
            page_ranges=PageRange.objects.filter(
                item=agenda_item, document__in=Document.objects.public()
            )
            .select_related("document")
            .order_by("document__kind", "start"),
            history=AgendaItem.objects.same_matter_as(agenda_item).select_related(
                "meeting__committee"
            ),
        )
    return render(request, "meetings/item_detail.html", context)
