"""The forward plan and records of decision, read through the whole ingest and the export,
against their truth files (tests/fixtures/truth/decisions). ``pytest -s`` prints the
per-field figures the README quotes."""

from __future__ import annotations

import pytest

from decisions.models import Decision, ForwardPlanEntry
from documents.export import build_export
from documents.importer import Importer, IngestOptions
from meetings.models import AgendaItem, Committee, Meeting
from tests.decision_truth import (
    DECISION_FIELDS,
    FieldScore,
    score_decisions,
    score_forward_plan,
    truth_files,
)
from tests.shared_papers import shared_path

pytestmark = pytest.mark.django_db

CABINET = ("real-meetings", "kent", "cabinet", "2025-01-30")
#: Papers read with each record: the agenda of the meeting it is taken at, and the minutes
#: that consider its call-in.
WITH = {
    "Cabinet": [shared_path(*CABINET, "Agenda frontsheet 30th-Jan-2025 10.00 Cabinet.pdf")],
    "24/00093": [
        shared_path(
            "real-meetings", "kent", "county-council", "2025-03-13",
            "Printed minutes 13th-Mar-2025 10.00 County Council.pdf",
        )
    ],
}  # fmt: skip


def ingest(paths) -> None:
    results = list(Importer(IngestOptions(isolate=False, ocr=False)).ingest(paths))
    assert all(r.status in ("ok", "unchanged") for r in results), [r.error for r in results]


def start_afresh() -> None:
    Decision.objects.all().delete()
    ForwardPlanEntry.objects.all().delete()
    Meeting.objects.all().delete()
    Committee.objects.all().delete()


def item_urls() -> dict:
    return {
        (i.meeting.committee.name, i.meeting.date.isoformat(), i.number): i.get_absolute_url()
        for i in AgendaItem.objects.select_related("meeting__committee")
    }


def test_the_sample_pack_forward_plan_is_read_right():
    [plan] = [t for t in truth_files() if t.kind == "forward-plan"]
    ingest([plan.paper])
    score = score_forward_plan(plan.data, build_export())
    print(f"\nforward plan ({len(plan.data['forward_plan'])} entries): {score.row()}")
    assert score.value("entries") >= 0.95, score.misses
    for field in ("decision_maker", "decision_due", "key_decision", "exempt", "subject"):
        assert score.value(field) >= 0.95, (field, score.misses)
    # The exempt entry is public by its subject alone.
    assert "Tricuro Options Paper" in [e["subject"] for e in build_export()["forward_plan"]]


def test_the_records_of_decision_are_read_right_and_attached_to_their_meeting():
    total = FieldScore(DECISION_FIELDS)
    records = [t for t in truth_files() if t.kind == "decision"]
    assert len(records) >= 6
    for record in records:
        start_afresh()
        [expected] = record.data["decisions"]
        extra = WITH.get(expected["reference"], [])
        if expected.get("taken_at"):
            extra = WITH[expected["taken_at"]["committee"]]
        ingest([*extra, record.paper])
        total.merge(score_decisions(record.data, build_export(), item_urls()))
    print(f"\nrecords of decision ({len(records)} papers): {total.row()}")
    for field in ("decisions", "reference", "decision_maker", "date", "parts", "taken_at"):
        assert total.value(field) >= 0.95, (field, total.misses)
    assert total.value("call_in") == 1.0, total.misses
    assert total.value("call_in_deadline") == 1.0, total.misses
