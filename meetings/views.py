"""Public pages for committees, meetings, agenda items and people. Logic lives in querysets."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from documents.models import Document, PageRange
from meetings.models import AgendaItem, Attendance, Committee, Meeting, Person, Resolution


def committee_list(request):
    committees = Committee.objects.with_public_meetings().order_by("name")
    return render(request, "meetings/committee_list.html", {"committees": committees})


def committee_detail(request, slug):
    committee = get_object_or_404(Committee, slug=slug)
    meetings = committee.meetings.published().select_related("committee")
    return render(
        request,
        "meetings/committee_detail.html",
        {
            "committee": committee,
            "upcoming": meetings.upcoming(),
            "past": Paginator(meetings.past(), 50).get_page(request.GET.get("page")),
        },
    )


def meeting_list(request):
    meetings = Meeting.objects.published().select_related("committee").order_by("-date")
    page = Paginator(meetings, 50).get_page(request.GET.get("page"))
    return render(request, "meetings/meeting_list.html", {"page": page})


def _meeting(committee, date):
    return get_object_or_404(
        Meeting.objects.published().select_related("committee"),
        committee__slug=committee,
        url_key=date,
    )


def meeting_detail(request, committee, date):
    meeting = _meeting(committee, date)
    items = (
        meeting.items.select_related("parent", "meeting__committee")
        .filter(parent__isnull=True)
        .prefetch_related(
            Prefetch("sub_items", queryset=AgendaItem.objects.select_related("meeting__committee"))
        )
    )
    attendance = Attendance.objects.filter(meeting=meeting).select_related(
        "person", "substitute_for"
    )
    documents = Document.objects.public().filter(meeting=meeting).order_by("kind", "title")
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "attendance": attendance,
            "documents": documents,
        },
    )


def item_detail(request, committee, date, item):
    meeting = _meeting(committee, date)
    agenda_item = get_object_or_404(
        AgendaItem.objects.select_related("meeting__committee", "parent"),
        meeting=meeting,
        slug=item,
    )
    context = {"meeting": meeting, "item": agenda_item, "withheld": agenda_item.is_withheld}
    if not agenda_item.is_withheld:
        context.update(
            report=getattr(agenda_item, "report", None),
            resolutions=Resolution.objects.filter(item=agenda_item),
            declarations=agenda_item.declarations.all(),
            page_ranges=PageRange.objects.filter(
                item=agenda_item, document__in=Document.objects.public()
            ).select_related("document"),
        )
    return render(request, "meetings/item_detail.html", context)


def person_detail(request, slug):
    person = get_object_or_404(Person, slug=slug)
    attendance = (
        Attendance.objects.filter(person=person, meeting__is_published=True)
        .select_related("meeting__committee")
        .order_by("-meeting__date")
    )
    page = Paginator(attendance, 50).get_page(request.GET.get("page"))
    return render(request, "meetings/person_detail.html", {"person": person, "page": page})
