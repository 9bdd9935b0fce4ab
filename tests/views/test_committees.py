import pytest

from meetings.models import Committee, Meeting
from tests.views.pages import assert_well_formed, queries_for

pytestmark = pytest.mark.django_db


def test_it_lists_committees_with_published_meetings(client):
    page = assert_well_formed(client.get("/committees/"), "Committees")
    assert "/committees/cabinet/" in page.links
    assert "/committees/people-and-health-overview-committee/" in page.links


def test_it_hides_a_committee_with_no_published_meeting(client):
    assert "/committees/planning-committee/" in client.get("/committees/").content.decode()
    Meeting.objects.filter(committee__slug="planning-committee").update(is_published=False)
    assert "/committees/planning-committee/" not in client.get("/committees/").content.decode()
    assert client.get("/committees/planning-committee/").status_code == 404


def test_it_shows_a_committee_with_its_members_and_meetings_by_year(client):
    response = client.get("/committees/cabinet/")
    page = assert_well_formed(response, "Cabinet")
    body = response.content.decode()
    assert "Membership" in body
    assert "/meetings/cabinet/2027-02-03/" in page.links  # the latest year first
    assert "/meetings/cabinet/2017-10-04/" not in page.links
    assert "?year=2017" in page.links
    older = client.get("/committees/cabinet/?year=2017")
    assert "/meetings/cabinet/2017-10-04/" in older.content.decode()


def test_it_shows_the_purpose_where_known(client):
    Committee.objects.filter(slug="cabinet").update(purpose="Takes the executive decisions.")
    assert "Takes the executive decisions." in client.get("/committees/cabinet/").content.decode()


def test_it_uses_a_fixed_number_of_queries(client):
    small = queries_for(client, "/committees/people-and-health-overview-committee/")
    large = queries_for(client, "/committees/cabinet/")
    assert small == large <= 8
