"""A scrutiny minute that considers a call-in sets the decision's status; staff can set it
too, and a minute read later does not overrule them."""

import datetime as dt

import pytest

from decisions.models import Decision
from decisions.reading import read_call_ins
from documents.ingest.call_in import read_call_in
from meetings.models import Resolution
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("resolution", "status"),
    [
        ("That the decision be referred back to the Cabinet for reconsideration.", "referred-back"),
        ("That the Committee takes no further action: it may be implemented.", "confirmed"),
        ("That the Council does not require reconsideration of the decision.", "confirmed"),
        ("That the call-in be referred to full Council.", "called-in"),
    ],
)  # fmt: skip
def test_it_reads_the_outcome_of_a_call_in(resolution, status):
    found = read_call_in("Call-in of decision 24/00093", "", [resolution])
    assert found.status == status and found.references == ["24/00093"]


def test_a_minute_without_a_call_in_is_none():
    assert read_call_in("Fostering Modernisation Plan", "Members noted the plan.", []) is None


def scrutiny_minute(title, resolution, day=dt.date(2025, 1, 29)):
    meeting = factories.meeting("Scrutiny Committee", date=day)
    item = factories.item(meeting, title=title)
    Resolution.objects.create(item=item, order=1, number="1", text=resolution)
    return meeting


def test_a_scrutiny_minute_that_calls_in_a_decision_changes_its_status(client):
    decision = Decision.objects.create(
        reference="24/00093", title="Commissioned Family Hub Contracts", date="2025-01-17"
    )
    meeting = scrutiny_minute(
        "Call-in of Decision 24/00093 - Commissioned Family Hub Contracts",
        "That the decision be referred back to the Cabinet Member for reconsideration.",
    )
    read_call_ins(meeting)
    decision.refresh_from_db()
    assert decision.status == "referred-back" and decision.status_minute.meeting == meeting
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "Referred back for reconsideration" in page and "Scrutiny Committee" in page
    register = client.get("/decisions/?status=referred-back").content.decode()
    assert "Commissioned Family Hub Contracts" in register


def test_the_item_a_decision_was_taken_at_shows_its_status(client):
    item = factories.item(
        factories.meeting("Cabinet", date=dt.date(2025, 1, 10)), title="Libraries"
    )
    Resolution.objects.create(item=item, order=1, number="1", text="That the review be agreed.")
    Decision.objects.create(title="Libraries", item=item, meeting=item.meeting, status="called-in")
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Called in" in page


def test_a_call_in_of_a_cabinet_resolution_is_found_by_its_title():
    cabinet = factories.meeting("Cabinet", date=dt.date(2025, 1, 10))
    item = factories.item(cabinet, title="Library Service Review")
    Resolution.objects.create(item=item, order=1, number="1", text="That the review be agreed.")
    meeting = scrutiny_minute(
        "Call-in: Library Service Review", "That no further action be taken on the call-in."
    )
    read_call_ins(meeting)
    decision = Decision.objects.get(item=item)
    assert decision.status == "confirmed" and decision.kind == "executive"


def test_a_status_staff_set_is_kept(admin_client):
    decision = Decision.objects.create(reference="24/00109", title="Transfer of the 18-25 service")
    form = {
        "reference": "24/00109", "title": "Transfer of the 18-25 service", "kind": "executive",
        "status": "implemented", "is_published": "on",
        "parts-TOTAL_FORMS": "0", "parts-INITIAL_FORMS": "0",
    }  # fmt: skip
    response = admin_client.post(f"/admin/decisions/decision/{decision.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[-2000:]
    decision.refresh_from_db()
    assert decision.status == "implemented" and decision.status_set_by_staff
    read_call_ins(scrutiny_minute("Call-in of decision 24/00109", "That it be referred back."))
    decision.refresh_from_db()
    assert decision.status == "implemented"
