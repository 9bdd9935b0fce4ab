"""A search for a councillor's surname shows their page first, on the page and in the API."""

import datetime as dt

import pytest

from meetings.models import Attendance, Person
from tests import factories

pytestmark = pytest.mark.django_db


def _world():
    meeting = factories.meeting(is_published=True)
    gough = Person.objects.create(name="R W Gough")
    other = Person.objects.create(name="P Gough")
    hidden = Person.objects.create(name="Q Unseenname")
    Attendance.objects.create(meeting=meeting, person=gough, role="present")
    Attendance.objects.create(meeting=meeting, person=other, role="present")
    unpublished = factories.meeting(date=dt.date(2018, 1, 1), is_published=False)
    Attendance.objects.create(meeting=unpublished, person=hidden, role="present")
    return gough, other


def test_a_surname_search_puts_the_person_first(client):
    gough, other = _world()
    body = client.get("/search/", {"q": "Gough"}).content.decode()
    assert gough.get_absolute_url() in body
    assert body.index("People") < body.index(gough.get_absolute_url())
    named = client.get("/search/", {"q": "roger w gough"}).content.decode()
    assert named.index(gough.get_absolute_url()) < named.index(other.get_absolute_url())


def test_the_api_adds_people_and_keeps_the_contract(client):
    gough, _ = _world()
    body = client.get("/api/search", {"q": "gough"}).json()
    assert {"query", "count", "page", "page_size", "results"} <= set(body)
    assert body["people"][0]["url"] in {p.get_absolute_url() for p in Person.objects.all()}
    assert body["people"][0]["type"] == "person"
    assert client.get("/api/search", {"q": "gough", "page": 2}).json()["people"] == []


def test_people_seen_only_at_unpublished_meetings_are_not_found(client):
    _world()
    assert client.get("/api/search", {"q": "unseenname"}).json()["people"] == []
