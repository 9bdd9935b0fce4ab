import datetime as dt

import pytest

from documents.citations import CitationLinker
from meetings.models import AgendaItem, Meeting
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def cabinet():
    return Meeting.objects.get(committee__slug="cabinet", url_key="2017-10-04")


def test_it_links_a_minute_number_to_the_minute_the_portal_holds(cabinet):
    linker = CitationLinker(cabinet).prepare(["see Min 89 above"])
    html = linker.link("see Min 89 above")
    item = AgendaItem.objects.get(meeting=cabinet, minute_number="89")
    assert html == f'see <a href="{item.get_absolute_url()}">Min 89</a> above'


def test_it_leaves_a_minute_it_does_not_hold_as_text(cabinet):
    linker = CitationLinker(cabinet).prepare(["Min 107 – Quarterly Asset Management Report"])
    assert "<a" not in linker.link("Min 107 – Quarterly Asset Management Report")


def test_it_links_a_dated_reference_to_that_meeting(cabinet):
    later = factories.meeting("Cabinet", date=dt.date(2017, 12, 1))
    text = "Update on the Care Leaver Offer (Minutes 041017 refers)"
    html = CitationLinker(later).prepare([text]).link(text)
    assert f'<a href="{cabinet.get_absolute_url()}">Minutes 041017</a>' in html


def test_it_never_links_into_an_unpublished_meeting(cabinet):
    Meeting.objects.filter(pk=cabinet.pk).update(is_published=False)
    later = factories.meeting("Cabinet", date=dt.date(2017, 12, 1))
    html = CitationLinker(later).prepare(["Min 89"]).link("Min 89")
    assert "<a" not in html


def test_it_escapes_the_text_around_a_citation(cabinet):
    text = "<script>x</script> Minute 89"
    html = CitationLinker(cabinet).prepare([text]).link(text)
    assert "<script>" not in html and "&lt;script&gt;" in html and "</a>" in html


def test_it_links_citations_in_a_papers_pages(client, cabinet):
    document = cabinet.documents.get()
    body = client.get(document.get_absolute_url()).content.decode()
    assert "Min 107" in body  # not held: plain text
    for item in AgendaItem.objects.filter(meeting=cabinet, minute_number__in=["95", "96", "97"]):
        if f">minutes {item.minute_number}<" in body.lower():
            assert item.get_absolute_url() in body
