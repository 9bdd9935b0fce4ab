import pytest

from documents.models import Document
from meetings.models import AgendaItem, Meeting
from tests.views.pages import assert_well_formed, queries_for

pytestmark = pytest.mark.django_db
CABINET = "/meetings/cabinet/2017-10-04/"
PACK_MEETING = "/meetings/people-and-health-overview-committee/2021-09-02/"


def test_it_shows_the_meeting_and_its_agenda(client):
    response = client.get(CABINET)
    page = assert_well_formed(response, "Cabinet, 4 October 2017")
    body = response.content.decode()
    assert "Wednesday 4 October 2017" in body and "10.00" in body
    assert "County Hall, Colliton Park, Dorchester" in body
    assert "Held" in body
    item = AgendaItem.objects.get(
        meeting__url_key="2017-10-04", title="Fostering Modernisation Plan"
    )
    assert item.get_absolute_url() in page.links
    assert "/meetings/cabinet/2017-10-04/items/89/" in page.links


def test_it_shows_attendance_by_role(client):
    body = client.get("/meetings/council/2026-02-24/").content.decode()
    assert "<h3>Present</h3>" in body
    meeting = Meeting.objects.get(committee__slug="council", date="2026-02-24")
    present = meeting.attendance.filter(role="present").select_related("person").first()
    assert present.person.get_absolute_url() in body


def test_it_lists_every_paper_with_kind_pages_and_size(client):
    response = client.get("/meetings/cabinet/2025-12-10/")
    page = assert_well_formed(response, "Cabinet, 10 December 2025")
    body = response.content.decode()
    documents = Document.objects.filter(meeting__url_key="2025-12-10")
    assert documents.count() == 3  # the agenda pack, its supplement and the minutes
    for document in documents:
        assert document.get_absolute_url() in page.links
        assert document.get_pdf_url() in page.links
        assert f"{document.page_count} pages" in body
    for kind in ("minutes", "agenda-pack", "supplement"):
        assert f"{Document.Kind(kind).label} ·" in body
    assert "KB" in body
    assert "Read the minutes" in body


def test_it_shows_an_exempt_item_by_title_and_paragraph_only(client):
    exempt = AgendaItem.objects.get(meeting__url_key="2017-10-04", minute_number="96")
    assert exempt.exempt
    exempt.minute_withheld = True  # the council kept it out of its public minutes
    exempt.save()
    response = client.get(CABINET)
    body = response.content.decode()
    printed = AgendaItem.objects.get(meeting__url_key="2017-10-04", minute_number="95")
    assert printed.exempt and printed.get_absolute_url() in body  # its printed minute
    assert exempt.title in body
    assert "Not for publication" in body
    assert f"paragraph {exempt.exempt_paragraph} of Part 1 of Schedule 12A" in body
    assert exempt.get_absolute_url() not in body
    for resolution in exempt.resolutions.all():
        assert resolution.text[:50] not in body


def test_it_offers_the_meeting_and_its_committee_to_calendars(client):
    page = client.get(CABINET).content.decode()
    assert "Add this meeting to your calendar" in page
    assert "/feeds/committees/cabinet/meetings.ics" in page


def test_it_is_404_for_an_unpublished_meeting(client):
    Meeting.objects.filter(url_key="2017-10-04").update(is_published=False)
    assert client.get(CABINET).status_code == 404


def test_it_uses_the_same_queries_whatever_the_meetings_size(client):
    small = queries_for(client, "/meetings/council/2026-02-24/")
    large = queries_for(client, "/meetings/cabinet/2026-02-04/")
    assert small == large == queries_for(client, PACK_MEETING) <= 8
