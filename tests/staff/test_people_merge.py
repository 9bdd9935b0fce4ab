"""Staff merge two records of one councillor, and split one record that holds two people."""

import datetime as dt

import pytest

from councillors.models import RecordedVote, VoteCast
from meetings.models import Attendance, Person
from meetings.people_index import PeopleIndex
from tests import factories

pytestmark = pytest.mark.django_db


def _two_records():
    first = factories.meeting(date=dt.date(2025, 1, 9), is_published=True)
    second = factories.meeting(date=dt.date(2025, 1, 30), is_published=True)
    bob = Person.objects.create(name="Bob Smith")
    robert = Person.objects.create(name="Robert Smith")
    Attendance.objects.create(meeting=first, person=bob, role="present")
    Attendance.objects.create(meeting=second, person=robert, role="present")
    item = factories.item(second)
    vote = RecordedVote.objects.create(item=item, result="carried")
    VoteCast.objects.create(vote=vote, position="for", name="Cllr Robert Smith", person=robert)
    return bob, robert, first, second


def test_staff_merge_two_records_and_a_re_read_keeps_them_one(officer_client):
    bob, robert, _, second = _two_records()
    page = officer_client.get(f"/staff/people/{bob.pk}/")
    assert page.status_code == 200 and "Robert Smith" in page.content.decode()
    response = officer_client.post(
        f"/staff/people/{bob.pk}/", {"merge-other": robert.pk, "merge": "1"}
    )
    assert response.status_code == 302
    assert not Person.objects.filter(pk=robert.pk).exists()
    assert Attendance.objects.filter(person=bob).count() == 2
    assert VoteCast.objects.get().person == bob
    # The next reading of a paper that prints "Cllr Robert Smith" finds the merged person.
    assert PeopleIndex().find("Cllr Robert Smith", "councillor") == bob


def test_staff_split_meetings_off_into_a_new_record(officer_client):
    bob, robert, first, second = _two_records()
    response = officer_client.post(
        f"/staff/people/{robert.pk}/",
        {"split-name": "Roberta Smith", "split-meetings": [second.pk], "split": "1"},
    )
    assert response.status_code == 302
    roberta = Person.objects.get(name="Roberta Smith")
    assert Attendance.objects.get(meeting=second).person == roberta
    assert VoteCast.objects.get().person == roberta


def test_people_pages_are_for_staff_only(client):
    bob, *_ = _two_records()
    assert client.get(f"/staff/people/{bob.pk}/").status_code in (302, 403)
    assert client.get("/staff/people/").status_code in (302, 403)
