"""Compare an export with a truth file, field by field (the same yardstick as the shared scorer).

A truth file (``<paper>.pdf.truth.json``) says what a careful clerk reads from a paper. The
score per field is the share of truth facts the portal got right: meeting facts, item F1,
titles, page ranges, exempt flags, report fields, resolutions and attendance names.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict

FIELDS = ("meetings", "items", "titles", "pages", "exempt", "report", "resolutions", "attendance")
TITLE_WORDS = {
    "cllr", "councillor", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "professor",
    "rev", "obe", "mbe", "cbe", "jp", "chairman", "chair", "vice", "vicechairman", "vicechair",
    "in", "the",
}  # fmt: skip


def norm(text) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    return re.sub(r"\s+", " ", text).strip().lower().rstrip(" .:;,")


def similar(a, b) -> float:
    a, b = norm(a), norm(b)
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def starts(text, prefix, n: int = 40) -> bool:
    t = re.sub(r"[^a-z0-9]", "", norm(text))
    p = re.sub(r"[^a-z0-9]", "", norm(prefix))[:n]
    return bool(p) and t.startswith(p)


def number_key(value) -> str:
    return re.sub(r"[\s.:)(]", "", norm(str(value))) if value not in (None, "") else ""


def person_key(name: str) -> str:
    name = re.sub(r"\(.*?\)", " ", norm(name))
    words = [w for w in re.split(r"[^a-z'-]+", name) if w and w not in TITLE_WORDS]
    if not words:
        return ""
    return (words[0][0] + " " + words[-1]) if len(words) > 1 else words[-1]


class Score:
    def __init__(self) -> None:
        self.right: dict[str, float] = defaultdict(float)
        self.total: dict[str, float] = defaultdict(float)

    def add(self, field: str, right: float, total: float) -> None:
        self.right[field] += right
        self.total[field] += total

    def merge(self, other: Score) -> None:
        for f in FIELDS:
            self.add(f, other.right[f], other.total[f])

    def value(self, field: str) -> float | None:
        return self.right[field] / self.total[field] if self.total[field] else None

    def row(self) -> str:
        return "  ".join(
            f"{f} {'-' if self.value(f) is None else f'{self.value(f):.3f}'}" for f in FIELDS
        )


def _f1(tp: float, truth: int, got: int) -> float:
    p = tp / got if got else (1.0 if not truth else 0.0)
    r = tp / truth if truth else 1.0
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _match_items(truth_items, got_items, minutes):
    free, pairs, pending = list(got_items), [], []
    for t in truth_items:
        use_minute = minutes and t.get("minute_number")
        key = number_key(t.get("minute_number") if use_minute else t.get("number"))
        found = None
        for g in free if key else []:
            gkey = number_key(g.get("minute_number") if use_minute else g.get("number"))
            if gkey == key and similar(g.get("title"), t.get("title")) >= 0.5:
                found = g
                break
        if found is not None:
            free.remove(found)
            pairs.append((t, found))
        else:
            pending.append(t)
    for t in pending:
        best = max(free, key=lambda g: similar(g.get("title"), t.get("title")), default=None)
        if best is not None and similar(best.get("title"), t.get("title")) >= 0.85:
            free.remove(best)
            pairs.append((t, best))
        else:
            pairs.append((t, None))
    return pairs


def _people(truth: list[str], got: list[str]) -> tuple[int, int, int]:
    t = [person_key(x) for x in truth if person_key(x)]
    g = [person_key(x) for x in got if person_key(x)]
    tp = 0
    for key in t:
        if key in g:
            g.remove(key)
            tp += 1
    return tp, len(t), len([x for x in got if person_key(x)])


def score_document(truth: dict, export: dict) -> tuple[Score, list[str]]:
    s, notes = Score(), []
    meetings = export.get("meetings") or []
    same_day = [m for m in meetings if m.get("date") == truth.get("meeting_date")]
    pool = same_day or meetings
    meeting = max(pool, key=lambda m: similar(m.get("committee"), truth.get("body")), default=None)
    m = meeting or {}
    checks = [
        m.get("date") == truth.get("meeting_date"),
        similar(m.get("committee"), truth.get("body")) >= 0.9
        or (bool(m) and norm(truth.get("body")) in norm(m.get("committee"))),
    ]
    if truth.get("start_time"):
        checks.append(m.get("start_time") == truth["start_time"])
    if truth.get("venue"):
        checks.append(similar(m.get("venue"), truth["venue"]) >= 0.8)
    s.add("meetings", sum(checks), len(checks))
    if not all(checks):
        notes.append(f"meeting: got {m.get('committee')!r} {m.get('date')} {m.get('start_time')}")
    minutes = truth.get("kind") == "minutes"
    truth_items, got_items = truth.get("items") or [], m.get("items") or []
    pairs = _match_items(truth_items, got_items, minutes)
    tp = sum(1 for _, g in pairs if g is not None)
    if truth_items or got_items:
        s.add("items", _f1(tp, len(truth_items), len(got_items)), 1)
    missing = [t.get("minute_number") or t.get("number") for t, g in pairs if g is None]
    if missing:
        notes.append(f"missed items {missing[:8]}")
    for t, g in pairs:
        g = g or {}
        s.add("titles", similar(g.get("title"), t.get("title")) >= 0.9, 1)
        s.add("exempt", bool(g) and bool(g.get("exempt")) == bool(t.get("exempt")), 1)
        if t.get("page_start"):
            spans = g.get("pages") or []
            ok = any(
                x.get("start") == t["page_start"] and x.get("end") == t.get("page_end")
                for x in spans
            )
            s.add("pages", ok, 1)
        for name, expected in (t.get("report") or {}).items():
            if expected in (None, ""):
                continue
            got_report = g.get("report") or {}
            if name == "recommendation_starts":
                ok = starts(got_report.get("recommendation"), expected)
            elif name == "reason_starts":
                ok = starts(got_report.get("reason_for_recommendation"), expected)
            else:
                ok = similar(got_report.get(name), expected) >= 0.9
            s.add("report", ok, 1)
        truth_res = t.get("resolutions") or []
        if truth_res:
            got_res, right = list(g.get("resolutions") or []), 0
            for r in truth_res:
                hit = next(
                    (x for x in got_res if starts(x.get("text"), r.get("text_starts"))), None
                )
                if hit is not None:
                    got_res.remove(hit)
                    right += 1
            s.add("resolutions", right, len(truth_res))
    truth_att = truth.get("attendance")
    if truth_att:
        got_att = m.get("attendance") or {}
        totals = [0, 0, 0]
        pairs_of_lists = [
            (truth_att.get(k) or [], got_att.get(k) or []) for k in ("present", "apologies")
        ]
        pairs_of_lists.append(
            (
                [x.get("name", "") for x in truth_att.get("substitutes") or []],
                [x.get("name", "") for x in got_att.get("substitutes") or []],
            )
        )
        for truth_names, got_names in pairs_of_lists:
            for i, n in enumerate(_people(truth_names, got_names)):
                totals[i] += n
        if totals[1] or totals[2]:
            s.add("attendance", _f1(*totals), 1)
    return s, notes
