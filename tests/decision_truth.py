"""Score the forward plan and records of decision the portal reads against their truth files
(``tests/fixtures/truth/decisions/``), field by field, through the open-data export.

A forward plan truth file lists the plan's entries (``forward_plan``); a decisions truth file
the decisions a paper records (``decisions``), each with where it was taken (``taken_at``:
committee, date, agenda item number) and, where a minute considered its call-in, the status.
The score of a field is the share of truth facts the export got right.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from tests.shared_papers import shared_path
from tests.truth import norm, similar, starts

TRUTH = Path(__file__).parent / "fixtures" / "truth" / "decisions"
TESTS = Path(__file__).parent

PLAN_FIELDS = (
    "entries", "subject", "decision_maker", "decision_due", "key_decision", "exempt",
    "portfolio_holder", "officer_contact",
)  # fmt: skip
DECISION_FIELDS = (
    "decisions", "reference", "title", "decision_maker", "decision_maker_role", "date", "kind",
    "key_decision", "parts", "reasons", "alternatives", "taken_at", "call_in", "call_in_deadline",
)  # fmt: skip


@dataclass
class TruthFile:
    name: str
    paper: Path
    kind: str  # "forward-plan" | "decision"
    data: dict


def truth_files() -> list[TruthFile]:
    found = []
    with (TRUTH / "MANIFEST.tsv").open(newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            paper = row["paper"]
            if paper.startswith("fixtures/"):
                path = TESTS / paper
            else:
                path = shared_path(*paper.split("/"))
            data = json.loads((TRUTH / f"{row['truth']}.truth.json").read_text())
            found.append(TruthFile(row["truth"], path, row["kind"], data))
    return found


class FieldScore:
    def __init__(self, fields) -> None:
        self.fields = fields
        self.right: dict[str, float] = defaultdict(float)
        self.total: dict[str, float] = defaultdict(float)
        self.misses: list[str] = []

    def add(self, field: str, ok: float, total: float = 1, note: str = "") -> None:
        self.right[field] += ok
        self.total[field] += total
        if ok < total and note:
            self.misses.append(f"{field}: {note}")

    def merge(self, other: FieldScore) -> None:
        for f in self.fields:
            self.right[f] += other.right[f]
            self.total[f] += other.total[f]
        self.misses += other.misses

    def value(self, field: str) -> float | None:
        return self.right[field] / self.total[field] if self.total[field] else None

    def row(self) -> str:
        return "  ".join(
            f"{f} {'-' if self.value(f) is None else f'{self.value(f):.3f}'}" for f in self.fields
        )


def _f1(hits: int, truth: int, got: int) -> float:
    precision = hits / got if got else (1.0 if not truth else 0.0)
    recall = hits / truth if truth else 1.0
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _same_text(a, b) -> bool:
    return similar(a, b) >= 0.9


def score_forward_plan(truth: dict, export: dict) -> FieldScore:
    score = FieldScore(PLAN_FIELDS)
    got = list(export.get("forward_plan") or [])
    pairs = []
    for expected in truth["forward_plan"]:
        best = max(got, key=lambda g: similar(g["subject"], expected["subject"]), default=None)
        if best is not None and similar(best["subject"], expected["subject"]) >= 0.85:
            got.remove(best)
        else:
            best = None
        pairs.append((expected, best))
    hits = sum(1 for _, g in pairs if g)
    score.add("entries", _f1(hits, len(pairs), hits + len(got)))
    for expected, g in pairs:
        g = g or {}
        label = expected["subject"][:40]
        score.add("subject", _same_text(g.get("subject"), expected["subject"]), note=label)
        if g.get("exempt"):  # an exempt entry's other fields are withheld from the public
            score.add("exempt", expected["exempt"] is True, note=label)
            continue
        for field in ("decision_maker", "portfolio_holder", "officer_contact"):
            ok = _same_text(g.get(field), expected[field])
            score.add(field, ok, note=f"{label}: {g.get(field)!r}")
        for field in ("decision_due", "key_decision", "exempt"):
            ok = g.get(field) == expected[field]
            score.add(field, ok, note=f"{label}: {g.get(field)!r} != {expected[field]!r}")
    return score


def _parts(expected: list[dict], got: list[dict]) -> int:
    free, right = list(got), 0
    for part in expected:
        hit = next(
            (
                g
                for g in free
                if starts(g["text"], part["text_starts"])
                and norm(g["number"]) == norm(part["number"])
            ),
            None,
        )
        if hit is not None:
            free.remove(hit)
            right += 1
    return right


def score_decisions(truth: dict, export: dict, item_urls: dict) -> FieldScore:
    """``item_urls`` maps (committee, date, item number) to the item's public address."""
    score = FieldScore(DECISION_FIELDS)
    got = list(export.get("decisions") or [])
    for expected in truth["decisions"]:
        found = next((g for g in got if g["reference"] == expected["reference"]), None)
        score.add("decisions", found is not None, note=expected["reference"])
        g = found or {}
        ref = expected["reference"]
        score.add("reference", g.get("reference") == ref, note=ref)
        for field in ("title", "decision_maker", "decision_maker_role"):
            ok = _same_text(g.get(field), expected[field]) if expected[field] else not g.get(field)
            score.add(field, ok, note=f"{ref}: {g.get(field)!r}")
        for field in ("date", "kind", "key_decision"):
            score.add(field, g.get(field) == expected[field], note=f"{ref}: {g.get(field)!r}")
        right = _parts(expected["parts"], g.get("parts") or [])
        extra = max(0, len(g.get("parts") or []) - len(expected["parts"]))
        score.add("parts", right, len(expected["parts"]) + extra, note=f"{ref}: {right} right")
        for field, starts_key in (
            ("reasons", "reasons_starts"),
            ("alternatives", "alternatives_starts"),
        ):
            ok = starts(g.get(field), expected[starts_key])
            score.add(field, ok, note=f"{ref}: {str(g.get(field))[:50]!r}")
        taken = expected.get("taken_at")
        if taken:
            want = item_urls.get((taken["committee"], taken["date"], taken["item_number"]))
            score.add(
                "taken_at",
                bool(want) and g.get("item_url") == want,
                note=f"{ref}: {g.get('item_url')}",
            )
        else:
            score.add("taken_at", not g.get("item_url"), note=f"{ref}: {g.get('item_url')}")
        if "call_in_deadline" in expected:  # null: the record prints none, so none is read
            deadline = (g.get("call_in") or {}).get("deadline")
            score.add(
                "call_in_deadline",
                deadline == expected["call_in_deadline"],
                note=f"{ref}: {deadline}",
            )
        if expected.get("call_in_status"):
            status = (g.get("call_in") or {}).get("status")
            score.add("call_in", status == expected["call_in_status"], note=f"{ref}: {status}")
    return score
