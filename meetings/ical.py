"""iCalendar (RFC 5545) feeds of meetings, for residents' calendar apps.

Times are Europe/London (the portal's TIME_ZONE) with a VTIMEZONE, so a meeting after the
clocks change keeps its local time. Each meeting's UID never changes; SEQUENCE grows with
each edit and a cancelled meeting stays in the feed as STATUS:CANCELLED, so calendars
update and cancel it rather than duplicating it.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from meetings.models import Meeting

DEFAULT_LENGTH = dt.timedelta(hours=2)
HISTORY = dt.timedelta(days=400)
ICAL_STATUS = {
    Meeting.Status.SCHEDULED: "CONFIRMED",
    Meeting.Status.HELD: "CONFIRMED",
    Meeting.Status.CANCELLED: "CANCELLED",
    Meeting.Status.POSTPONED: "CANCELLED",
}


def uid_domain() -> str:
    return urlsplit(settings.PORTAL_BASE_URL).hostname or "committee-papers.invalid"


def meeting_uid(meeting: Meeting) -> str:
    return f"meeting-{meeting.pk}@{uid_domain()}"


def calendar_meetings(committee=None, today: dt.date | None = None):
    """Published meetings from a little over a year ago onwards, cancelled ones included."""
    today = today or timezone.localdate()
    meetings = Meeting.objects.listed().filter(date__gte=today - HISTORY)
    if committee is not None:
        meetings = meetings.filter(committee=committee)
    return meetings.select_related("committee").order_by("date", "start_time", "pk")


class MeetingCalendar:
    def __init__(self, name: str, base_url: str) -> None:
        self.name = name
        self.base_url = base_url.rstrip("/")
        self.zone = ZoneInfo(settings.TIME_ZONE)

    def build(self, meetings) -> bytes:
        calendar = Calendar()
        calendar.add("prodid", "-//Committee papers portal//meetings//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", self.name)
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
        calendar.add("refresh-interval", dt.timedelta(hours=6), parameters={"VALUE": "DURATION"})
        for meeting in meetings:
            calendar.add_component(self.event(meeting))
        calendar.add_missing_timezones()
        return calendar.to_ical()

    def event(self, meeting: Meeting) -> Event:
        event = Event()
        event.add("uid", meeting_uid(meeting))
        event.add("dtstamp", meeting.updated)
        event.add("last-modified", meeting.updated)
        event.add("created", meeting.created)
        event.add("sequence", max(0, int((meeting.updated - meeting.created).total_seconds())))
        cancelled = meeting.status in (Meeting.Status.CANCELLED, Meeting.Status.POSTPONED)
        summary = meeting.committee.name
        if cancelled:
            summary = f"{meeting.get_status_display().upper()}: {summary}"
        event.add("summary", summary)
        event.add("status", ICAL_STATUS[meeting.status])
        if meeting.start_time:
            start = dt.datetime.combine(meeting.date, meeting.start_time, tzinfo=self.zone)
            end = (
                dt.datetime.combine(meeting.date, meeting.end_time, tzinfo=self.zone)
                if meeting.end_time and meeting.end_time > meeting.start_time
                else start + DEFAULT_LENGTH
            )
            event.add("dtstart", start)
            event.add("dtend", end)
        else:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + dt.timedelta(days=1))
        if meeting.venue:
            event.add("location", meeting.venue)
        url = self.base_url + meeting.get_absolute_url()
        event.add("url", url)
        event.add("description", f"Agenda, papers and decisions: {url}")
        return event


def _response(request, name: str, meetings, filename: str):
    from django.http import HttpResponse

    body = MeetingCalendar(name, request.build_absolute_uri("/")).build(meetings)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def all_meetings_ics(request):
    name = f"{settings.PORTAL_ORGANISATION} meetings"
    return _response(request, name, calendar_meetings(), "meetings.ics")


def committee_meetings_ics(request, committee):
    from django.shortcuts import get_object_or_404

    from meetings.models import Committee

    committee = get_object_or_404(Committee.objects.with_listed_meetings(), slug=committee)
    return _response(request, committee.name, calendar_meetings(committee), f"{committee.slug}.ics")


def meeting_ics(request, pk):
    from django.shortcuts import get_object_or_404

    meeting = get_object_or_404(Meeting.objects.listed().select_related("committee"), pk=pk)
    filename = f"{meeting.committee.slug}-{meeting.url_key}.ics"
    return _response(request, str(meeting), [meeting], filename)
