"""Nothing withheld reaches any public page: every kind of secret, every page type."""

import datetime as dt

import pytest

from documents.models import Document, Page
from meetings.models import AgendaItem, Attendance, Declaration, Person, Report, Resolution
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def secrets():
    markers = {}
    # An exempt item whose minute the clerk withheld: its minute, resolution, report and
    # declaration.
    exempt = AgendaItem.objects.get(meeting__url_key="2017-10-04", minute_number="96")
    exempt.narrative, exempt.reasons = "LEAK-NARRATIVE", "LEAK-REASONS"
    exempt.minute_withheld = True
    exempt.save()
    # An exempt item whose minute the council printed: its report is withheld.
    printed = AgendaItem.objects.get(meeting__url_key="2017-10-04", minute_number="95")
    assert printed.exempt and printed.resolutions.exists()
    Report.objects.create(item=printed, title="LEAK-PRINTED-REPORT", recommendation="LEAK-REC")
    markers["printed"] = printed
    Resolution.objects.create(item=exempt, order=99, text="LEAK-RESOLUTION")
    Report.objects.create(item=exempt, title="LEAK-REPORT", recommendation="LEAK-RECOMMENDATION")
    Declaration.objects.create(meeting=exempt.meeting, item=exempt, text="LEAK-DECLARATION")
    # A sub-item of an exempt item.
    AgendaItem.objects.create(
        meeting=exempt.meeting, parent=exempt, title="LEAK-SUB-TITLE", narrative="LEAK-SUB"
    )
    # A withheld page of the pack, a superseded paper and an unpublished paper.
    pack = Document.objects.get(meeting__url_key="2021-09-02")
    report = AgendaItem.objects.get(meeting=pack.meeting, number="6")
    report.exempt, report.exempt_paragraph = True, 3
    report.save()
    [span] = report.page_ranges.filter(holds_paper=True)
    Page.objects.filter(document=pack, number=span.start + 1).update(
        text="LEAK-PAGE", blocks=[{"kind": "heading", "text": "LEAK-PAGE", "level": 2}]
    )
    kent = factories.meeting("Cabinet", date=dt.date(2025, 2, 20), start_time=dt.time(10))
    factories.document(kent, pages=["LEAK-UNPUBLISHED-PAPER"], is_published=False)
    old = factories.document(kent, pages=["LEAK-OLD-VERSION"], kind="minutes", title="Old")
    old.superseded_by = factories.document(kent, pages=["Current minutes"], kind="minutes")
    old.save()
    # An unpublished meeting with its items, decisions and attendance.
    draft = factories.meeting("Cabinet", date=dt.date(2025, 4, 1), is_published=False)
    hidden = factories.item(draft, title="LEAK-DRAFT-ITEM", minute_number="89")
    Resolution.objects.create(item=hidden, text="LEAK-DRAFT-RESOLUTION")
    Attendance.objects.create(
        meeting=draft, person=Person.objects.create(name="LEAK-DRAFT-PERSON"), role="present"
    )
    factories.document(draft, pages=["LEAK-DRAFT-PAPER"])
    markers["exempt"] = exempt
    return markers


def public_pages():
    yield from ["/", "/committees/", "/meetings/", "/decisions/", "/people/"]
    yield from ["/decisions/?q=LEAK", "/meetings/calendar/2025/4/", "/meetings/calendar/2025/2/"]
    yield from ["/committees/cabinet/?year=2025", "/committees/cabinet/?year=2017"]
    for document in Document.objects.all():
        yield document.get_absolute_url()
    for item in AgendaItem.objects.select_related("meeting__committee"):
        yield item.meeting.get_absolute_url()
        yield item.get_absolute_url()
    for person in Person.objects.all():
        yield person.get_absolute_url()
    yield "/people/?page=2"


def test_it_never_shows_a_withheld_thing_on_any_public_page(client, secrets):
    seen = set()
    for url in public_pages():
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code in (200, 301, 404), url
        assert b"LEAK-" not in response.content, url
    assert len(seen) > 100
    exempt_page = client.get(secrets["exempt"].get_absolute_url()).content.decode()
    assert "Not for publication" in exempt_page
    printed = secrets["printed"]
    printed_page = client.get(printed.get_absolute_url()).content.decode()
    assert "Not for publication" in printed_page
    assert printed.resolutions.first().text[:40] in printed_page
