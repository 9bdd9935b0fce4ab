"""iCalendar feeds: parse with icalendar, Europe/London times across the clocks change,
stable UIDs, and updated or cancelled meetings reflected."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from meetings.models import Meeting
from tests import factories
from tests.api.world import assert_no_secrets, build_world

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def events(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/calendar")
    assert_no_secrets(response.content)
    calendar = Calendar.from_ical(response.content)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}, calendar


def test_it_keeps_local_times_across_the_clocks_change(client):
    today = timezone.localdate()
    year = today.year + 1
    # Clocks go forward on the last Sunday of March: a 6 pm meeting either side stays 6 pm.
    before = factories.meeting("Cabinet", date=dt.date(year, 3, 1), start_time=dt.time(18, 0))
    after = factories.meeting("Cabinet", date=dt.date(year, 4, 20), start_time=dt.time(18, 0))
    found, calendar = events(client, "/feeds/meetings.ics")
    assert calendar.walk("VTIMEZONE"), "a VTIMEZONE makes the times unambiguous"
    starts = {uid: e.decoded("DTSTART") for uid, e in found.items()}
    start_before = next(v for k, v in starts.items() if k.startswith(f"meeting-{before.pk}@"))
    start_after = next(v for k, v in starts.items() if k.startswith(f"meeting-{after.pk}@"))
    assert start_before.astimezone(LONDON).hour == 18 and start_after.astimezone(LONDON).hour == 18
    assert start_before.utcoffset() == dt.timedelta(0)
    assert start_after.utcoffset() == dt.timedelta(hours=1)
    assert start_after.astimezone(dt.UTC).hour == 17
    # Round trip: what the calendar says is what the meeting says.
    for meeting, start in ((before, start_before), (after, start_after)):
        assert start.date() == meeting.date and start.time() == meeting.start_time


def test_it_keeps_a_meetings_uid_and_reflects_changes_and_cancellation(client):
    meeting = factories.meeting(
        "Planning Committee",
        date=timezone.localdate() + dt.timedelta(days=20),
        start_time=dt.time(10, 0),
        venue="Council Chamber",
    )
    an_hour_ago = timezone.now() - dt.timedelta(hours=1)
    Meeting.objects.filter(pk=meeting.pk).update(created=an_hour_ago, updated=an_hour_ago)
    first, _ = events(client, "/feeds/committees/planning-committee/meetings.ics")
    [(uid, event)] = first.items()
    assert str(event["STATUS"]) == "CONFIRMED"
    meeting.refresh_from_db()
    meeting.status = Meeting.Status.CANCELLED
    meeting.venue = "Room 2"
    meeting.save()
    second, _ = events(client, "/feeds/committees/planning-committee/meetings.ics")
    assert list(second) == [uid]
    changed = second[uid]
    assert str(changed["STATUS"]) == "CANCELLED"
    assert str(changed["LOCATION"]) == "Room 2"
    assert int(changed["SEQUENCE"]) > int(event["SEQUENCE"])


def test_it_leaves_unpublished_meetings_and_other_committees_out(client):
    world = build_world()
    found, _ = events(client, "/feeds/meetings.ics")
    assert len(found) == 2
    committee_only, _ = events(client, "/feeds/committees/cabinet/meetings.ics")
    assert len(committee_only) == 2
    single, _ = events(client, f"/feeds/meetings/{world.upcoming.pk}.ics")
    [event] = single.values()
    assert str(event["SUMMARY"]) == "Cabinet" and str(event["LOCATION"]) == "Room A"
    hidden = Meeting.objects.get(is_published=False)
    assert client.get(f"/feeds/meetings/{hidden.pk}.ics").status_code == 404


def test_it_offers_add_to_calendar_on_a_meeting(client):
    from django.template.loader import render_to_string

    world = build_world()
    html = render_to_string("meetings/_add_to_calendar.html", {"meeting": world.upcoming})
    assert f'href="/feeds/meetings/{world.upcoming.pk}.ics"' in html
    assert 'href="/feeds/committees/cabinet/meetings.ics"' in html
