"""Reading decisions from stored papers: a staff correction survives a re-read, and a
record of decision read before its agenda finds its item when the agenda arrives."""

import pytest

from decisions.models import Decision, ForwardPlanEntry
from decisions.reading import read_document
from documents.importer import Importer, IngestOptions
from documents.models import Document
from tests.conftest import PAPERS
from tests.shared_papers import shared_path

pytestmark = pytest.mark.django_db
CABINET = ("real-meetings", "kent", "cabinet", "2025-01-30")


def ingest(*paths):
    results = list(Importer(IngestOptions(isolate=False, ocr=False)).ingest(paths))
    assert [r.status for r in results] == ["ok"] * len(paths), [r.error for r in results]


def test_a_corrected_forward_plan_entry_is_kept_when_the_paper_is_read_again(admin_client):
    ingest(PAPERS / "dorset-people-and-health-2021-09-02-agenda-pack.pdf")
    entry = ForwardPlanEntry.objects.get(subject="Dorset Skills Commission")
    form = {
        "subject": "Dorset Skills Commission", "decision_maker": "Cabinet",
        "decision_due": "2021-10-19", "key_decision": "true", "order": "0",
        "is_published": "on",
    }  # fmt: skip
    response = admin_client.post(f"/admin/decisions/forwardplanentry/{entry.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[-1500:]
    read_document(Document.objects.get())
    assert ForwardPlanEntry.objects.count() == 17
    kept = ForwardPlanEntry.objects.get(subject="Dorset Skills Commission")
    assert kept.corrected and kept.decision_due.isoformat() == "2021-10-19"


def test_a_record_read_before_its_agenda_finds_its_item():
    ingest(shared_path(*CABINET, "24-00109 - Appendix A - PROD.pdf"))
    record = Decision.objects.get(reference="24/00109")
    assert record.meeting is not None  # with no agenda yet, the record stands for its item
    ingest(shared_path(*CABINET, "Agenda frontsheet 30th-Jan-2025 10.00 Cabinet.pdf"))
    record.refresh_from_db()
    assert record.item.number == "7" and record.date.isoformat() == "2025-01-30"


def test_a_change_to_a_decision_or_a_plan_entry_moves_the_export_fingerprint():
    from documents.export_file import public_content_fingerprint

    decision = Decision.objects.create(title="Library Service Review")
    entry = ForwardPlanEntry.objects.create(subject="Library Service Review")
    before = public_content_fingerprint()
    decision.status = "implemented"
    decision.save()
    assert public_content_fingerprint() != before
    before = public_content_fingerprint()
    entry.decision_maker = "Cabinet"
    entry.save()
    assert public_content_fingerprint() != before
