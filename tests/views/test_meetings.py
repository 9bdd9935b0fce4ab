import datetime as dt

import pytest

from meetings.models import Meeting
from tests.views.pages import assert_well_formed, queries_for

pytestmark = pytest.mark.django_db


def test_it_lists_meetings_newest_first(client):
    page = assert_well_formed(client.get("/meetings/?committee=cabinet"), "Meetings")
    meetings = [
        link for link in page.links if link.startswith("/meetings/") and link.count("/") == 4
    ]
    assert meetings.index("/meetings/cabinet/2026-03-11/") < meetings.index(
        "/meetings/cabinet/2025-06-11/"
    )
    assert meetings.index("/meetings/cabinet/2025-06-11/") < meetings.index(
        "/meetings/cabinet/2017-10-04/"
    )


def test_it_filters_by_committee_and_date(client):
    body = client.get("/meetings/?committee=cabinet&date_from=2025-01-01").content.decode()
    assert "/meetings/cabinet/2026-02-04/" in body
    assert "/meetings/cabinet/2017-10-04/" not in body
    assert "/meetings/overview-and-scrutiny-committee/" not in body


def test_it_explains_a_bad_date(client):
    response = client.get("/meetings/?date_from=not-a-date")
    assert response.status_code == 200
    assert "Enter a real date" in response.content.decode()


def test_it_takes_dates_as_day_month_and_year_boxes(client):
    body = client.get(
        "/meetings/",
        {
            "committee": "cabinet",
            "date_from_day": "1",
            "date_from_month": "1",
            "date_from_year": "2025",
        },
    ).content.decode()
    assert "/meetings/cabinet/2026-02-04/" in body and "/meetings/cabinet/2017-10-04/" not in body
    assert '<label class="date-input__label" for="id_date_from_day">Day</label>' in body
    assert 'name="date_from_year" id="id_date_from_year" inputmode="numeric" value="2025"' in body


def test_it_paginates_and_keeps_the_filter(client):
    meeting = Meeting.objects.get(committee__slug="cabinet", date="2017-10-04")
    for year in range(1960, 2015):
        Meeting.objects.create(
            committee=meeting.committee, date=dt.date(year, 5, 1), is_published=True
        )
    response = client.get("/meetings/?committee=cabinet")
    assert 'href="?committee=cabinet&amp;page=2"' in response.content.decode()
    assert (
        "/meetings/cabinet/1960-05-01/"
        in client.get("/meetings/?committee=cabinet&page=2").content.decode()
    )


def test_it_shows_a_month_calendar(client):
    response = client.get("/meetings/calendar/2026/3/")
    page = assert_well_formed(response, "Meetings in March 2026")
    assert "/meetings/cabinet/2026-03-11/" in page.links
    assert "/meetings/overview-and-scrutiny-committee/2026-03-11/" in page.links
    assert "/meetings/calendar/2026/2/" in page.links and "/meetings/calendar/2026/4/" in page.links


def test_it_filters_the_calendar_by_committee(client):
    scrutiny = "overview-and-scrutiny-committee"
    body = client.get(f"/meetings/calendar/2026/3/?committee={scrutiny}").content.decode()
    assert f"/meetings/{scrutiny}/2026-03-11/" in body
    assert "/meetings/cabinet/2026-03-11/" not in body


def test_it_rejects_a_month_that_does_not_exist(client):
    assert client.get("/meetings/calendar/2025/13/").status_code == 404


def test_it_never_lists_an_unpublished_meeting(client):
    scrutiny = "overview-and-scrutiny-committee"
    assert scrutiny in client.get("/meetings/calendar/2026/3/").content.decode()
    Meeting.objects.filter(committee__slug=scrutiny).update(is_published=False)
    assert scrutiny not in client.get("/meetings/").content.decode()
    assert scrutiny not in client.get("/meetings/calendar/2026/3/").content.decode()


def test_it_uses_a_fixed_number_of_queries(client):
    assert queries_for(client, "/meetings/calendar/2026/3/") == queries_for(
        client, "/meetings/calendar/2017/10/"
    )
    assert queries_for(client, "/meetings/") <= 4


def _month(day: dt.date) -> str:
    return f"Meetings in {day:%B %Y}"


def test_the_calendar_opens_at_the_month_of_the_next_meeting(client):
    from django.utils import timezone

    today = timezone.localdate()
    Meeting.objects.filter(date__gte=today).update(is_published=False)
    cabinet = Meeting.objects.filter(committee__slug="cabinet").first().committee
    ahead = today + dt.timedelta(days=75)
    Meeting.objects.create(committee=cabinet, date=ahead, is_published=True)

    assert_well_formed(client.get("/meetings/calendar/"), _month(ahead))


def test_with_no_meeting_ahead_the_calendar_opens_at_the_last_one(client):
    from django.utils import timezone

    Meeting.objects.filter(date__gte=timezone.localdate()).update(is_published=False)
    last = Meeting.objects.published().order_by("-date").first()

    assert_well_formed(client.get("/meetings/calendar/"), _month(last.date))


def test_an_empty_month_points_to_the_nearest_meetings(client):
    last = Meeting.objects.published().order_by("-date").first()
    body = client.get("/meetings/calendar/2199/1/").content.decode()

    assert "No meetings in January 2199." in body
    assert f'The last was <a href="/meetings/calendar/{last.date.year}/{last.date.month}/">' in body
    first = Meeting.objects.published().order_by("date").first()
    body = client.get("/meetings/calendar/1990/1/").content.decode()
    month = f"/meetings/calendar/{first.date.year}/{first.date.month}/"
    assert f'The next is <a href="{month}">' in body
