"""/api/forward-plan/ and /api/decisions/: the export's fields, the pages' filters, nothing
an exempt entry withholds."""

from __future__ import annotations

import pytest

from decisions.models import Decision, DecisionPart, ForwardPlanEntry
from meetings.models import Resolution
from tests import factories

pytestmark = pytest.mark.django_db


def get(client, url):
    response = client.get(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, (url, response.content[:300])
    return response.json()


@pytest.fixture
def plan(db):
    open_entry = ForwardPlanEntry.objects.create(
        subject="Bus Service Improvement Plan",
        description="To approve the outline plan.",
        decision_maker="Cabinet",
        decision_due="2021-09-07",
        key_decision=True,
        officer_contact="Sue McGowan, Head of Travel",
    )
    exempt = ForwardPlanEntry.objects.create(
        subject="Tricuro Options Paper",
        description="SECRET-DESCRIPTION",
        decision_maker="SECRET-MAKER",
        decision_due="2021-10-05",
        key_decision=True,
        exempt=True,
        exempt_paragraph=3,
        officer_contact="SECRET-OFFICER",
    )
    ForwardPlanEntry.objects.create(subject="SECRET-UNPUBLISHED", is_published=False)
    return open_entry, exempt


def test_it_lists_the_forward_plan_with_the_export_fields(client, plan):
    data = get(client, "/api/forward-plan/")
    assert data["count"] == 2
    first = data["results"][0]
    assert first["subject"] == "Bus Service Improvement Plan"
    assert first["decision_maker"] == "Cabinet"
    assert first["decision_due"] == "2021-09-07"
    assert first["key_decision"] is True


def test_an_exempt_entry_shows_its_subject_and_paragraph_only(client, plan):
    body = client.get("/api/forward-plan/", HTTP_ACCEPT="application/json").content.decode()
    assert "Tricuro Options Paper" in body
    assert "SECRET" not in body
    exempt = get(client, f"/api/forward-plan/{plan[1].pk}/")
    assert exempt["exempt"] is True and exempt["exempt_paragraph"] == 3
    assert exempt["decision_maker"] is None and exempt["description"] is None


def test_it_filters_the_forward_plan_by_month_maker_and_key_decision(client, plan):
    assert get(client, "/api/forward-plan/?month=2021-09")["count"] == 1
    assert get(client, "/api/forward-plan/?month=2021-10")["count"] == 0  # exempt: no date
    assert get(client, "/api/forward-plan/?decision_maker=cabinet")["count"] == 1
    assert get(client, "/api/forward-plan/?key_decision=false")["count"] == 0
    bad = client.get("/api/forward-plan/?month=2021-13", HTTP_ACCEPT="application/json")
    assert bad.status_code == 400


def test_it_lists_each_decision_once_with_its_parts(client):
    item = factories.item(factories.meeting("Cabinet"), title="Governance Updates")
    for n in range(1, 4):
        Resolution.objects.create(item=item, order=n, number=str(n), text=f"Part {n}; and,")
    record = Decision.objects.create(
        reference="24/00093", title="Commissioned Family Hub Contracts", key_decision=True,
        decision_maker="Mrs Sue Chandler", date="2025-01-17", status="confirmed",
    )  # fmt: skip
    DecisionPart.objects.create(decision=record, number="A", text="APPROVE the proposal")
    Decision.objects.create(title="SECRET-DRAFT", is_published=False)
    data = get(client, "/api/decisions/")
    titles = [d["title"] for d in data["results"]]
    assert titles.count("Governance Updates") == 1
    assert "SECRET-DRAFT" not in titles
    governance = next(d for d in data["results"] if d["title"] == "Governance Updates")
    assert [p["number"] for p in governance["parts"]] == ["1", "2", "3"]
    assert governance["kind"] == "executive" and governance["item_url"]
    [hub] = get(client, "/api/decisions/?status=confirmed")["results"]
    assert hub["reference"] == "24/00093"
    assert hub["call_in"]["status"] == "confirmed"
    assert hub["parts"] == [{"number": "A", "text": "APPROVE the proposal"}]
    assert get(client, "/api/decisions/?kind=officer")["count"] == 0
    assert get(client, "/api/decisions/?committee=no-such-committee")["count"] == 0
    bad = client.get("/api/decisions/?date_from=yesterday", HTTP_ACCEPT="application/json")
    assert bad.status_code == 400


def test_the_schema_describes_both_endpoints(client):
    schema = client.get("/api/schema?format=json").json()
    assert "/api/forward-plan/" in schema["paths"]
    assert "/api/decisions/" in schema["paths"]
    decision = schema["components"]["schemas"]["Decision"]
    assert {"reference", "parts", "call_in", "item_url"} <= set(decision["properties"])
