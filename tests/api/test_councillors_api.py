"""People with their roles, recorded votes and wards in the API; withheld minutes stay out."""

import datetime as dt

import pytest

from councillors.models import ItemWard, RecordedVote, VoteCast, Ward
from meetings.models import Attendance, Person
from tests import factories

pytestmark = pytest.mark.django_db


def _world(**item_fields):
    meeting = factories.meeting(is_published=True, date=dt.date(2025, 2, 13))
    item = factories.item(meeting, title="Revenue Budget", **item_fields)
    gough = Person.objects.create(name="R W Gough", party="Conservative")
    Attendance.objects.create(meeting=meeting, person=gough, role="present", is_chair=True)
    vote = RecordedVote.objects.create(item=item, question="motion", result="carried")
    VoteCast.objects.create(vote=vote, position="for", name="Mr Gough", person=gough)
    ward = Ward.objects.create(name="Riverside", slug="riverside")
    ItemWard.objects.create(item=item, ward=ward)
    return item, gough


def test_a_person_has_their_roles_over_time(client):
    _, gough = _world()
    body = client.get(f"/api/people/{gough.slug}/").json()
    assert body["surname"] == "gough" and body["party"] == "Conservative"
    assert body["roles"] == [
        {"committee": "Cabinet", "role": "chair", "first": "2025-02-13", "last": "2025-02-13"}
    ]


def test_votes_list_each_name_with_its_person(client):
    item, gough = _world()
    body = client.get("/api/votes/", {"person": gough.slug}).json()
    (vote,) = body["results"]
    assert vote["item"] == item.get_absolute_url() and vote["result"] == "carried"
    assert vote["casts"] == [{"name": "Mr Gough", "position": "for", "person": gough.slug}]


def test_wards_list_their_items(client):
    item, _ = _world()
    body = client.get("/api/wards/riverside/").json()
    assert body["items"] == [item.get_absolute_url()]


def test_a_withheld_minute_keeps_its_vote_and_ward_out(client):
    _world(exempt=True, minute_withheld=True)
    assert client.get("/api/votes/").json()["results"] == []
    assert client.get("/api/wards/riverside/").status_code == 404
