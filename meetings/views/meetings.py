"""Meetings: the list and month calendar (filterable), and each meeting's page."""

from __future__ import annotations

import calendar
import datetime as dt
import functools

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from decisions.models import Decision
from documents.models import Document
from meetings.filters import MeetingFilter
from meetings.models import AgendaItem, Attendance, Meeting
from meetings.views.paging import paginate

# The order attendance is shown in, with each group's heading.
ATTENDANCE_GROUPS = [
    (Attendance.Role.PRESENT, "Present"),
    (Attendance.Role.SUBSTITUTE, "Substitutes"),
    (Attendance.Role.APOLOGIES, "Apologies"),
    (Attendance.Role.ATTENDING, "Also attending"),
    (Attendance.Role.OFFICER, "Officers"),
]
WEEKDAYS = [(name, name[:3]) for name in calendar.day_name]


def _filtered(request):
    meetings = Meeting.objects.listed().select_related("committee")
    return MeetingFilter(request.GET or None, queryset=meetings, request=request)


@require_safe
def meeting_list(request):
    filtered = _filtered(request)
    meetings = filtered.qs.order_by("-date", "-start_time", "committee__name")
    return render(
        request,
        "meetings/meeting_list.html",
        {"filter": filtered, "page": paginate(request, meetings), "view": "list"},
    )


def _month_weeks(year: int, month: int, meetings) -> list[list[dict]]:
    by_day: dict[dt.date, list] = {}
    for meeting in meetings:
        by_day.setdefault(meeting.date, []).append(meeting)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    return [
        [
            {"date": day, "in_month": day.month == month, "meetings": by_day.get(day, [])}
            for day in week
        ]
        for week in weeks
    ]


def _nearest(meetings, day: dt.date):
    """The first meeting on or after ``day`` and the last one before it (either may be None)."""
    after = meetings.filter(date__gte=day).order_by("date", "start_time").first()
    before = meetings.filter(date__lt=day).order_by("-date", "-start_time").first()
    return after, before


@require_safe
def meeting_calendar(request, year=None, month=None):
    today = timezone.localdate()
    filtered = _filtered(request)
    if year is None:  # the calendar opens at the next meeting's month, or the last one's
        after, before = _nearest(filtered.qs, today)
        start = (after or before).date if (after or before) else today
        year, month = start.year, start.month
    if not (1 <= month <= 12 and 1900 <= year <= 2200):
        raise Http404("No such month.")
    meetings = list(filtered.qs.in_month(year, month))
    first = dt.date(year, month, 1)
    after, before = _nearest(filtered.qs, first) if not meetings else (None, None)
    previous = first - dt.timedelta(days=1)
    following = first + dt.timedelta(days=32)
    return render(
        request,
        "meetings/meeting_calendar.html",
        {
            "filter": filtered,
            "view": "month",
            "month": first,
            "weeks": _month_weeks(year, month, meetings),
            "meetings": meetings,
            "previous": previous.replace(day=1),
            "next": following.replace(day=1),
            "today": today,
            "next_meeting": after,
            "last_meeting": before,
            "weekdays": WEEKDAYS,
            "query": request.GET.urlencode(),
        },
    )


class RecordMoved(Exception):
    """The address is a record of decision's container: its page is the decision's."""

    def __init__(self, decision) -> None:
        self.decision = decision


def published_meeting(committee: str, date: str) -> Meeting:
    """The published meeting at this address; RecordMoved when it holds a record of one
    person's decision (no meeting was held) whose decision is public."""
    meeting = get_object_or_404(
        Meeting.objects.published().select_related("committee"),
        committee__slug=committee,
        url_key=date,
    )
    if meeting.is_decision_record:
        decision = Decision.objects.public().filter(meeting=meeting).order_by("pk").first()
        if decision is not None:
            raise RecordMoved(decision)
    return meeting


def moves_to_decision(view):
    """Answer a record of decision's old meeting (or item) address with a permanent
    redirect to its decision's page."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except RecordMoved as moved:
            return redirect(moved.decision, permanent=True)

    return wrapped


def attendance_groups(meeting: Meeting) -> list[tuple[str, list[Attendance]]]:
    rows = (
        Attendance.objects.public()
        .filter(meeting=meeting)
        .select_related("person", "substitute_for")
    )
    groups: dict[str, list[Attendance]] = {role: [] for role, _ in ATTENDANCE_GROUPS}
    for row in rows.order_by("order", "pk"):
        groups.setdefault(row.role, []).append(row)
    return [(label, groups[role]) for role, label in ATTENDANCE_GROUPS if groups[role]]


@require_safe
@moves_to_decision
def meeting_detail(request, committee, date):
    meeting = published_meeting(committee, date)
    sub_items = (
        AgendaItem.objects.published().order_by("order").select_related("meeting__committee")
    )
    items = (
        AgendaItem.objects.published()
        .with_disclosure()
        .filter(meeting=meeting, parent__isnull=True)
        .select_related("meeting__committee")
        .prefetch_related(Prefetch("sub_items", queryset=sub_items))
        .order_by("order")
    )
    documents = list(Document.objects.public().filter(meeting=meeting).order_by("kind", "title"))
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "attendance": attendance_groups(meeting),
            "documents": documents,
            "minutes": [d for d in documents if d.kind == Document.Kind.MINUTES],
        },
    )
