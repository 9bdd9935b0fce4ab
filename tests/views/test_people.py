import pytest

from meetings.models import Attendance, Meeting, Person
from tests.views.pages import assert_well_formed, queries_for

pytestmark = pytest.mark.django_db


def test_it_lists_councillors_and_officers(client):
    page = assert_well_formed(client.get("/people/"), "People")
    person = Person.objects.with_public_attendance().order_by("name").first()
    assert person.get_absolute_url() in page.links


def test_it_shows_meetings_attended_and_apologies(client):
    row = Attendance.objects.filter(role="apologies").select_related("person", "meeting").first()
    response = client.get(row.person.get_absolute_url())
    page = assert_well_formed(response, row.person.name)
    body = response.content.decode()
    assert row.meeting.get_absolute_url() in page.links
    assert "Apologies" in body and "Apologies sent" in body


def test_it_hides_people_seen_only_at_unpublished_meetings(client):
    meeting = Meeting.objects.get(committee__slug="council", date="2026-02-24")
    only_here = Person.objects.create(name="Cllr Hidden Marker")
    Attendance.objects.create(meeting=meeting, person=only_here, role="present")
    assert client.get(only_here.get_absolute_url()).status_code == 200
    Meeting.objects.filter(pk=meeting.pk).update(is_published=False)
    assert client.get(only_here.get_absolute_url()).status_code == 404
    assert "Cllr Hidden Marker" not in client.get("/people/?page=1").content.decode()


def test_it_uses_a_fixed_number_of_queries(client):
    busy = Person.objects.with_public_attendance().order_by("name").first()
    rows = Attendance.objects.filter(person=busy).count()
    other = (
        Person.objects.with_public_attendance()
        .exclude(attendance__isnull=True)
        .order_by("-name")
        .first()
    )
    assert rows >= 1
    assert (
        queries_for(client, busy.get_absolute_url())
        == queries_for(client, other.get_absolute_url())
        <= 8  # attendance, committees, votes, declarations: a fixed number
    )


def test_a_substitute_listed_twice_counts_one_meeting_attended(client):
    meeting = Meeting.objects.filter(is_published=True).first()
    person = Person.objects.create(name="Cllr Twice Listed")
    Attendance.objects.create(meeting=meeting, person=person, role="present")
    Attendance.objects.create(meeting=meeting, person=person, role="substitute")
    body = client.get(person.get_absolute_url()).content.decode()
    assert "<dt>Meetings attended</dt><dd>1</dd>" in body


def _named(meeting, *names):
    people = []
    for name in names:
        person = Person.objects.create(name=name)
        Attendance.objects.create(meeting=meeting, person=person, role="present")
        people.append(person)
    return people


def test_people_are_listed_by_surname_and_found_by_name(client):
    meeting = Meeting.objects.filter(is_published=True).first()
    _named(meeting, "Zachary Aardvark-Test", "Aaron Zyzzyva", "Mr B Quillfeather")
    _named(meeting, "Ann Quillfeather")
    body = client.get("/people/?letter=Q").content.decode()
    assert body.index("Ann Quillfeather") < body.index("B Quillfeather")
    assert "Zyzzyva" not in body
    everyone = client.get("/people/").content.decode()
    assert everyone.index("Aardvark-Test") < everyone.index("Quillfeather")
    found = assert_well_formed(client.get("/people/?name=quillfeather"), "People")
    assert len([link for link in found.links if "quillfeather" in link]) == 2
    assert "Zyzzyva" not in client.get("/people/?name=quillfeather").content.decode()
    assert "Ann Quillfeather" in client.get("/people/?name=Ann+Quillfeather").content.decode()


def test_a_persons_meetings_are_dated_as_everywhere_else(client):
    row = Attendance.objects.filter(role="present").select_related("person", "meeting").first()
    body = client.get(row.person.get_absolute_url()).content.decode()
    written = f"{row.meeting.date.day} {row.meeting.date:%B %Y}"  # "4 October 2017"
    assert f'datetime="{row.meeting.date:%Y-%m-%d}">{written}</time>' in body
