"""Recorded votes and declarations on the item page and the person's page, and withheld where
the minute is."""

import datetime as dt

import pytest

from councillors.models import RecordedVote, VoteCast
from documents.export import build_export
from meetings.models import Attendance, Declaration, Person
from tests import factories

pytestmark = pytest.mark.django_db


def _world(date=dt.date(2017, 10, 4), **item_fields):
    meeting = factories.meeting(is_published=True, date=date)
    item = factories.item(meeting, title="Revenue Budget 2025-26", **item_fields)
    gough = Person.objects.create(name="R W Gough")
    lewis = Person.objects.create(name="B H Lewis")
    for person in (gough, lewis):
        Attendance.objects.create(meeting=meeting, person=person, role="present")
    vote = RecordedVote.objects.create(item=item, order=1, question="amendment", result="lost")
    VoteCast.objects.create(vote=vote, position="for", name="Mr Lewis", person=lewis, order=1)
    VoteCast.objects.create(vote=vote, position="against", name="Mr Gough", person=gough, order=2)
    Declaration.objects.create(
        meeting=meeting,
        item=item,
        person=gough,
        member="Mr Gough",
        kind="disclosable pecuniary",
        left_room=True,
        text="Mr Gough declared a pecuniary interest and left the Chamber.",
    )
    return item, gough, lewis


def test_the_item_page_shows_its_recorded_vote_as_a_table(client):
    item, gough, lewis = _world()
    body = client.get(item.get_absolute_url()).content.decode()
    assert "<caption>Amendment: lost</caption>" in body
    assert '<th scope="col">For (1)</th>' in body and '<th scope="col">Against (1)</th>' in body
    assert body.index(lewis.get_absolute_url()) < body.index(
        gough.get_absolute_url() + '">Mr Gough'
    )
    assert "Disclosable pecuniary interest, left the room" in body


def test_the_person_page_shows_their_votes_and_declarations_linking_to_the_item(client):
    item, gough, _ = _world()
    body = client.get(gough.get_absolute_url()).content.decode()
    assert f'{item.get_absolute_url()}#votes"' in body
    assert f'{item.get_absolute_url()}#declarations"' in body
    assert "Against" in body and "Lost (1, 1, 0)" in body


def test_a_vote_and_declaration_in_a_withheld_minute_are_not_shown(client):
    # Another meeting's address than the other tests', which a page cache may hold.
    item, gough, _ = _world(dt.date(2016, 3, 3), exempt=True, minute_withheld=True)
    body = client.get(item.get_absolute_url()).content.decode()
    assert "Recorded vote" not in body and "Mr Gough" not in body
    person = client.get(gough.get_absolute_url()).content.decode()
    assert "Recorded votes" not in person and "pecuniary" not in person
    (exported,) = _exported()
    assert not exported.get("recorded_votes") and not exported.get("interests")


def test_the_export_has_the_votes_and_interests_of_a_public_minute():
    _world()
    (item,) = _exported()
    assert item["recorded_votes"] == [
        {
            "question": "amendment",
            "result": "lost",
            "for": ["Mr Lewis"],
            "against": ["Mr Gough"],
            "abstain": [],
        }
    ]
    assert item["interests"][0]["kind"] == "disclosable pecuniary"
    assert item["interests"][0]["left_room"] is True


def _exported():
    items = [i for m in build_export()["meetings"] for i in m["items"]]
    return [i for i in items if i["title"] == "Revenue Budget 2025-26"]
