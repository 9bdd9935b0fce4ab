"""Recorded votes and declarations of interest against the truth files (development half).

Every development-half truth file of minutes that records named votes or declarations by
member is read alone into an empty database and exported; votes are scored per name (F1 of
for/against/abstain), declarations per member (and per member and kind). Test-half papers are
never read here: they are scored only by ``benchmarks/score_truth.py --half test``.
"""

from __future__ import annotations

import csv
import json

import jsonschema
import pytest
from django.core.management import call_command

from documents.importer import Importer, IngestOptions
from tests.shared_papers import TRUTH, shared_path
from tests.truth_people import f1, interest_counts, vote_counts

pytestmark = pytest.mark.django_db(transaction=True)  # flushed between papers


def dev_papers_with_people_records():
    with (TRUTH / "MANIFEST.tsv").open(newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r.get("truth")]
    found = []
    for row in rows:
        if row["half"] != "dev":
            continue
        truth = json.loads((TRUTH / f"{row['truth']}.truth.json").read_text())
        members = [d for d in truth.get("declarations") or [] if isinstance(d, dict)]
        if truth.get("recorded_votes") or any(d.get("member") for d in members):
            found.append((shared_path(row["shared_path"]), truth))
    return found


def _export(pdf, tmp_path) -> dict:
    call_command("flush", interactive=False, verbosity=0)
    [result] = Importer(IngestOptions(isolate=False)).ingest([pdf])
    assert result.status == "ok", result.error
    target = tmp_path / "export.json"
    call_command("export", "--output", str(target))
    return json.loads(target.read_text())


def test_votes_and_declarations_meet_their_floors(tmp_path):
    papers = dev_papers_with_people_records()
    assert len(papers) >= 5
    votes, members, kinds = [0, 0, 0], [0, 0, 0], [0, 0, 0]
    schema = json.loads(shared_path("contracts", "export.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    for pdf, truth in papers:
        export = _export(pdf, tmp_path)
        validator.validate(export)  # recorded_votes, motions, interests as the contract says
        for total, counts in (
            (votes, vote_counts(truth, export)),
            (members, interest_counts(truth, export)),
            (kinds, interest_counts(truth, export, kinds=True)),
        ):
            if counts is not None:
                for n in range(3):
                    total[n] += counts[n]
    print(f"votes F1 {f1(tuple(votes)):.3f} over {votes[1]} names;", end=" ")
    print(f"declarations F1 {f1(tuple(members)):.3f} ({members[1]} members),", end=" ")
    print(f"with kind {f1(tuple(kinds)):.3f}")
    assert votes[1] >= 500 and f1(tuple(votes)) >= 0.95
    assert members[1] >= 4 and f1(tuple(members)) >= 0.9
