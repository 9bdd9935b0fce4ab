"""The forward plan page: the sample pack's Cabinet Forward Plan as entries, filterable; an
exempt entry shows its subject and paragraph only."""

import pytest

from decisions.models import ForwardPlanEntry
from tests.views.pages import assert_well_formed

pytestmark = pytest.mark.django_db


def test_it_lists_the_sample_pack_forward_plan(client):
    response = client.get("/forward-plan/")
    assert_well_formed(response, "Forward plan")
    body = response.content.decode()
    assert "17 entries" in body
    assert "Bus Service Improvement Plan (BSIP)" in body
    assert "7 September 2021" in body
    assert "Budget Strategy Report" in body and "Dorset Council" in body


def test_it_filters_by_month_decision_maker_and_key_decision(client):
    october = client.get("/forward-plan/?month=2021-10").content.decode()
    assert "Draft Council Plan Performance Measures" in october
    assert "Bus Service Improvement Plan" not in october
    council = client.get("/forward-plan/?decision_maker=Dorset+Council").content.decode()
    assert "1 entry" in council and "Budget Strategy Report" in council
    not_key = client.get("/forward-plan/?key_decision=no").content.decode()
    assert "3 entries" in not_key and "Enabling Communities Strategy" in not_key


def test_an_exempt_entry_shows_its_subject_and_paragraph_only(client):
    entry = ForwardPlanEntry.objects.get(subject="Tricuro Options Paper")
    assert entry.exempt
    entry.exempt_paragraph = 3
    entry.officer_contact = "WITHHELD-CONTACT"
    entry.save()
    body = client.get("/forward-plan/").content.decode()
    assert "Tricuro Options Paper" in body and "paragraph 3 of Part 1 of Schedule 12A" in body
    assert "WITHHELD-CONTACT" not in body and "Lesley Hutchinson" not in body
    feed = client.get("/feeds/forward-plan.rss").content.decode()
    assert "Tricuro Options Paper" in feed and "Lesley Hutchinson" not in feed


def test_a_key_decision_on_the_plan_less_than_28_clear_days_is_flagged(client):
    entry = ForwardPlanEntry.objects.get(subject="Annual Safeguarding Board Report")
    assert entry.published.isoformat() == "2021-08-06" and entry.short_notice is False
    entry.decision_due, entry.item = entry.published.replace(day=20), None
    entry.save()
    assert entry.short_notice
    # An address no other test reads: a page cached in a rolled-back test is not this one.
    body = client.get("/forward-plan/?key_decision=yes").content.decode()
    assert body.count("Less than 28 clear days") == 1
