"""A record of one person's decision that arrives with no meeting context is a decision, not
a meeting: filed under the decision maker's office on the day it was signed, listed in the
decisions register and nowhere as a meeting; its old meeting address moves to the decision.
With a meeting's folder it stays with that meeting."""

import datetime as dt

import pytest
from django.utils import timezone

from decisions.models import Decision
from documents.export import build_export
from documents.importer import Importer, IngestOptions
from meetings.models import Meeting
from tests.decisions.records import record_pdf

pytestmark = pytest.mark.django_db
OFFICE = "Cabinet Member for Highways and Transport"


def ingest(path, **options):
    results = list(Importer(IngestOptions(isolate=False, ocr=False, **options)).ingest([path]))
    assert [r.status for r in results] == ["ok"], [r.error for r in results]


@pytest.fixture
def signed():
    return timezone.localdate() + dt.timedelta(days=3)  # ahead, so the upcoming lists apply


@pytest.fixture
def record(tmp_path, signed):
    ingest(record_pdf(tmp_path, signed=signed, call_in="Call-in period ends: 3 March 2025"))
    return Decision.objects.get(reference="25/00011")


def text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_it_is_filed_under_the_office_on_the_day_it_was_signed(record, signed):
    container = Meeting.objects.get()
    assert container.committee.name == OFFICE and container.date == signed
    assert container.is_decision_record
    assert record.meeting == container and record.date == signed


def test_it_is_in_the_register_and_never_listed_as_a_meeting(client, record, signed):
    assert "Resurfacing of the Old Road" in text(client, "/decisions/")
    container = Meeting.objects.get()
    month = f"/meetings/calendar/{signed.year}/{signed.month}/"
    for url in ("/meetings/", month, "/committees/", "/search/", "/feeds/meetings.rss"):
        assert OFFICE not in text(client, url), url
    assert "Highways" not in text(client, "/feeds/meetings.ics")
    for url in ("/", "/sitemap.xml"):  # the paper is public; no meeting is
        page = text(client, url)
        assert container.get_absolute_url() not in page and "meeting of" not in page, url
    slug = container.committee.slug
    assert client.get(f"/committees/{slug}/").status_code == 404
    assert client.get(f"/feeds/meetings/{container.pk}.ics").status_code == 404


def test_its_page_shows_the_record_and_the_old_address_moves_there(client, record):
    container = Meeting.objects.get()
    for old in (container.get_absolute_url(), container.items.get().get_absolute_url()):
        response = client.get(old)
        assert response.status_code == 301 and response["Location"] == record.get_absolute_url()
    page = text(client, record.get_absolute_url())
    assert "Mr Tom Example" in page and OFFICE in page
    assert "Taken at" not in page  # no meeting was held
    assert "3 March 2025" in page  # the call-in deadline it prints
    document = record.source
    assert document.get_pdf_url() in page and document.get_absolute_url() in page
    assert client.get(document.get_pdf_url()).status_code == 200
    assert "Old Road" in text(client, document.get_absolute_url())


def test_the_export_and_the_api_still_list_it_as_the_contract_says(client, record, signed):
    export = build_export()
    [meeting] = export["meetings"]
    assert meeting["committee"] == OFFICE and meeting["date"] == signed.isoformat()
    [decision] = export["decisions"]
    assert decision["reference"] == "25/00011" and decision["item_url"] is None
    assert decision["call_in"]["deadline"] == "2025-03-03"
    assert decision["url"] == record.get_absolute_url()
    assert client.get("/api/meetings/").json()["count"] == 1
    [listed] = client.get("/api/decisions/").json()["results"]
    assert listed["call_in"]["deadline"] == "2025-03-03"


def test_a_record_that_prints_no_call_in_deadline_has_none(tmp_path):
    ingest(record_pdf(tmp_path))
    assert build_export()["decisions"][0]["call_in"]["deadline"] is None


def test_with_a_meetings_folder_it_stays_with_that_meeting(tmp_path, client):
    folder = tmp_path / "cabinet" / "2025-02-20"
    folder.mkdir(parents=True)
    ingest(record_pdf(folder))
    meeting = Meeting.objects.get()
    assert meeting.committee.name == "Cabinet" and not meeting.is_decision_record
    assert client.get(meeting.get_absolute_url()).status_code == 200
    assert "Cabinet" in text(client, "/meetings/")


def test_an_unpublished_record_shows_nowhere(client, tmp_path, signed):
    ingest(record_pdf(tmp_path, signed=signed), publish=False)
    decision = Decision.objects.get()
    container = Meeting.objects.get()
    assert container.is_decision_record and not container.is_published
    for url in ("/decisions/", "/meetings/", "/api/decisions/", "/api/meetings/"):
        assert "Resurfacing" not in text(client, url), url
    for url in (decision.get_absolute_url(), container.get_absolute_url()):
        assert client.get(url).status_code == 404, url
    assert build_export()["decisions"] == []
