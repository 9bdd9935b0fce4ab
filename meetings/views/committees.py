"""Committees: the list, and each committee's page with members and meetings by year."""

from __future__ import annotations

from django.db.models import Count, Max
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from meetings import disclosure
from meetings.models import Attendance, Committee
from meetings.views.paging import paginate

MEMBER_ROLES = [Attendance.Role.PRESENT, Attendance.Role.APOLOGIES, Attendance.Role.SUBSTITUTE]


@require_safe
def committee_list(request):
    published = disclosure.listed_meeting("meetings__")
    committees = (
        Committee.objects.annotate(
            meeting_count=Count("meetings", filter=published),
            latest=Max("meetings__date", filter=published),
        )
        .filter(meeting_count__gt=0)
        .order_by("name")
    )
    return render(
        request, "meetings/committee_list.html", {"page": paginate(request, committees, 100)}
    )


def _members(committee):
    """Who sat on the committee at its latest published meeting with attendance recorded."""
    latest = (
        committee.meetings.published()
        .filter(attendance__in=Attendance.objects.public().filter(role__in=MEMBER_ROLES))
        .order_by("-date")
        .values("pk")[:1]
    )
    return (
        Attendance.objects.public()
        .filter(meeting__in=latest, role__in=MEMBER_ROLES)
        .select_related("person", "meeting__committee")
        .order_by("-is_chair", "person__name")
    )


@require_safe
def committee_detail(request, slug):
    committee = get_object_or_404(Committee.objects.with_listed_meetings(), slug=slug)
    meetings = committee.meetings.listed().select_related("committee")
    today = timezone.localdate()
    years = sorted({day.year for day in meetings.past(today).dates("date", "year")}, reverse=True)
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = None
    if year not in years:
        year = years[0] if years else None
    past = meetings.past(today).filter(date__year=year) if year else meetings.none()
    return render(
        request,
        "meetings/committee_detail.html",
        {
            "committee": committee,
            "members": _members(committee),
            "upcoming": meetings.upcoming(today)[:20],
            "years": years,
            "year": year,
            "past": past,
        },
    )
