import pytest

from meetings.models import AgendaItem, Declaration, Report
from tests.views.pages import assert_well_formed, queries_for

pytestmark = pytest.mark.django_db
PACK = "/meetings/people-and-health-overview-committee/2021-09-02/"


def test_it_shows_the_minute_with_resolutions_and_reasons(client):
    item = AgendaItem.objects.get(meeting__url_key="2017-10-04", minute_number="89")
    response = client.get("/meetings/cabinet/2017-10-04/items/89/")
    assert_well_formed(response, "Fostering Modernisation Plan")
    body = response.content.decode()
    assert "Resolved" in body
    for resolution in item.resolutions.all():
        assert resolution.text[:40].replace("'", "&#x27;") in body
    if item.reasons:
        assert "Reasons for the decision" in body


def test_it_shows_the_report_front_sheet_and_links_into_the_pack(client):
    item = AgendaItem.objects.get(meeting__url_key="2021-09-02", number="8")
    response = client.get(item.get_absolute_url())
    page = assert_well_formed(response, "DEVELOPMENT OF FAMILY HUBS")
    body = response.content.decode()
    report = item.report
    assert "Report" in body
    for value in [report.portfolio_holder, report.report_author, report.report_status]:
        if value:
            assert value.replace("'", "&#x27;") in body
    [span] = item.page_ranges.filter(holds_paper=True)
    assert f"{span.document.get_absolute_url()}#page-{span.start}" in page.links


def test_it_shows_the_items_declarations(client):
    item = AgendaItem.objects.get(meeting__url_key="2017-10-04", minute_number="89")
    Declaration.objects.create(
        meeting=item.meeting, item=item, text="Cllr Example is a foster carer"
    )
    body = client.get(item.get_absolute_url()).content.decode()
    assert "Declarations of interest" in body and "Cllr Example is a foster carer" in body


def test_it_follows_the_matter_to_other_meetings(client):
    review = AgendaItem.objects.get(title__startswith="Call-in of Decision 25/00107")
    response = client.get(review.get_absolute_url())
    page = assert_well_formed(response, "Call-in of Decision 25/00107")
    earlier = AgendaItem.objects.get(title__startswith="25/00107 - Leisure Centre")
    assert earlier.meeting.committee.slug == "cabinet"
    assert "This matter at other meetings" in response.content.decode()
    assert earlier.get_absolute_url() in page.links


def test_it_shows_only_title_and_paragraph_for_an_exempt_item(client):
    item = AgendaItem.objects.get(meeting__url_key="2017-10-04", minute_number="97")
    item.narrative = "SECRET-MARKER-NARRATIVE contract prices"
    item.minute_withheld = True  # the council kept it out of its public minutes
    item.save()
    response = client.get(item.get_absolute_url())
    assert_well_formed(response, item.title)
    body = response.content.decode()
    assert "Not for publication" in body and "Schedule 12A" in body
    assert "SECRET-MARKER-NARRATIVE" not in body
    for resolution in item.resolutions.all():
        assert resolution.text[:40] not in body


def test_it_shows_the_minute_the_council_printed_for_an_exempt_item(client):
    item = AgendaItem.objects.get(meeting__url_key="2017-10-04", minute_number="97")
    assert item.exempt and not item.minute_withheld and item.resolutions.exists()
    Report.objects.create(item=item, recommendation="SECRET-EXEMPT-REPORT")
    body = client.get(item.get_absolute_url()).content.decode()
    assert "Not for publication" in body and "Schedule 12A" in body
    for resolution in item.resolutions.all():
        assert resolution.text[:40] in body
    assert "SECRET-EXEMPT-REPORT" not in body


def test_it_withholds_a_sub_item_of_an_exempt_item(client):
    parent = AgendaItem.objects.get(meeting__url_key="2017-10-04", minute_number="97")
    child = AgendaItem.objects.create(
        meeting=parent.meeting, parent=parent, title="Tender scores", narrative="SUB-SECRET-X"
    )
    body = client.get(child.get_absolute_url()).content.decode()
    assert "Not for publication" in body and "SUB-SECRET-X" not in body


def test_it_is_404_for_an_unknown_item(client):
    assert client.get("/meetings/cabinet/2017-10-04/items/999/").status_code == 404


def test_it_uses_a_fixed_number_of_queries(client):
    small = queries_for(client, "/meetings/cabinet/2017-10-04/items/83/")
    large = queries_for(client, "/meetings/cabinet/2025-12-10/items/8/")
    assert small == large <= 12


def test_the_pages_of_the_minutes_sit_under_the_minute_they_hold(client):
    body = client.get("/meetings/cabinet/2017-10-04/items/89/").content.decode()

    minute, pages = body.index('<h2 id="minute">'), body.index('id="minute-pages">In the minutes')
    assert minute < pages
    assert 'id="pages">In the papers' not in body[:minute]  # nothing of the minutes above it
    assert "Minutes, page" in body[pages:] or "Minutes, pages" in body[pages:]


def test_a_report_keeps_its_pages_under_in_the_papers(client):
    item = AgendaItem.objects.get(meeting__url_key="2021-09-02", number="8")
    body = client.get(item.get_absolute_url()).content.decode()
    assert '<h2 id="pages">In the papers</h2>' in body and "In the minutes" not in body
