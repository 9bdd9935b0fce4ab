"""Votes and declarations scored against truth files, as the shared scorer scores them.

Votes: each truth vote (meeting-level ``recorded_votes``) is paired with the exported vote
(``items[].recorded_votes``) that shares most names on the same sides; F1 over the names
(by surname and first initial), unpaired exported votes counting against precision.
Declarations: F1 over the members of the truth's ``declarations`` records and the exported
``items[].interests``; with the kind too (``kinds=True``), a member counts only with the right
kind.
"""

from __future__ import annotations

from tests.truth import norm, person_key

SIDES = ("for", "against", "abstain")


def _names(values) -> list[str]:
    return [person_key(x) for x in values or [] if person_key(x)]


def _shared(truth: list[str], got: list[str]) -> int:
    left, tp = list(got), 0
    for key in truth:
        if key in left:
            left.remove(key)
            tp += 1
    return tp


def _f1(tp: int, t: int, g: int) -> float:
    p = tp / g if g else 0.0
    r = tp / t if t else 1.0
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _items(export: dict) -> list[dict]:
    return [item for m in export.get("meetings") or [] for item in m.get("items") or []]


def vote_counts(truth: dict, export: dict) -> tuple[int, int, int] | None:
    """(names right, names in the truth, names exported), or None when the truth has no votes."""
    truth_votes = truth.get("recorded_votes") or []
    if not truth_votes:
        return None
    free = [v for item in _items(export) for v in item.get("recorded_votes") or []]
    tp = t = g = 0
    for tv in truth_votes:
        t += sum(len(_names(tv.get(k))) for k in SIDES)

        def shared(gv, tv=tv):
            return sum(_shared(_names(tv.get(k)), _names(gv.get(k))) for k in SIDES)

        best = max(free, key=shared, default=None)
        if best is not None:
            free.remove(best)
            tp += shared(best)
            g += sum(len(_names(best.get(k))) for k in SIDES)
    g += sum(len(_names(gv.get(k))) for gv in free for k in SIDES)
    return tp, t, g


KIND_WORDS = {
    "disclosable pecuniary": "pecuniary",
    "other registrable": "registrable",
    "non-registrable": "non-registrable",
}


def interest_counts(truth: dict, export: dict, kinds: bool = False):
    """(members right, members in the truth, members exported), or None without records."""
    records = [
        d
        for d in truth.get("declarations") or []
        if isinstance(d, dict) and d.get("member") and not norm(d["member"]).startswith("all ")
    ]
    if not records:
        return None
    got = [i for item in _items(export) for i in item.get("interests") or []]

    def key(member, kind):
        name = person_key(member)
        if not kinds:
            return name
        kind = norm(kind or "")
        kind = "pecuniary" if "pecuniary" in kind else KIND_WORDS.get(kind, "other")
        return f"{name}|{kind}"

    t = [key(d["member"], d.get("kind")) for d in records]
    g = [key(i.get("member", ""), i.get("kind")) for i in got]
    return _shared(t, g), len(t), len(g)


def f1(counts: tuple[int, int, int] | None) -> float | None:
    return None if counts is None else _f1(*counts)
