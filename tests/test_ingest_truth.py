"""The floor papers are ingested and compared with their truth, field by field.

The floor papers are the two Dorset sample papers (tests/fixtures/papers/, truth beside them)
and the real papers named in tests/shared_papers.py (REAL_FLOOR_PAPERS), read from the
shared folder, with their truth files in tests/fixtures/truth/.

The floors are the accuracy the portal reaches today on these papers (see the README's
"Ingest accuracy"); a change that reads papers worse fails here.
"""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from documents.importer import Importer, IngestOptions
from tests.shared_papers import floor_papers
from tests.truth import FIELDS, Score, score_document

# The US minutes' truth files follow the conventions of tests/fixtures/truth/README.md:
# lettered business ("4-A") is a top-level item after its section heading and every motion
# put to a vote is a resolution. The floors stand just under what the portal reads under
# those conventions today (titles, exempt 0.955, resolutions 0.904); never lower them.
FLOORS = {
    "meetings": 0.95,
    "items": 0.95,
    "titles": 0.95,
    "pages": 0.9,
    "exempt": 0.95,
    "report": 0.9,
    "resolutions": 0.9,
    "attendance": 0.85,
}


def export_after_ingesting(pdf, tmp_path) -> dict:
    [result] = Importer(IngestOptions(isolate=False)).ingest([pdf])
    assert result.status == "ok", result.error
    tmp_path.mkdir(parents=True, exist_ok=True)
    target = tmp_path / "export.json"
    call_command("export", "--output", str(target))
    return json.loads(target.read_text())


@pytest.fixture
def scores(tmp_path):
    """Ingest each paper alone into an empty database, as the shared scorer does."""
    results = {}
    for pdf, truth_file in floor_papers():
        call_command("flush", interactive=False, verbosity=0)
        export = export_after_ingesting(pdf, tmp_path / pdf.stem)
        results[pdf.name] = score_document(json.loads(truth_file.read_text()), export)
    return results


def test_there_are_truth_files_for_the_sample_and_real_papers():
    pairs = floor_papers()
    assert len(pairs) == 18
    assert all(pdf.is_file() and truth.is_file() for pdf, truth in pairs)


@pytest.mark.django_db(transaction=True)
def test_per_field_accuracy_meets_the_floors(scores):
    total = Score()
    for score, _notes in scores.values():
        total.merge(score)
    report = "\n".join(f"{name}: {s.row()} {notes}" for name, (s, notes) in scores.items())
    below = {
        f: round(total.value(f), 3)
        for f in FIELDS
        if total.value(f) is not None and total.value(f) < FLOORS[f]
    }
    assert not below, f"below the floors: {below}\n{report}"
