"""Eastmere District Council: an invented council whose archive the project makes itself.

Four committees over two municipal years (May 2025 to February 2027): agenda reports packs
with front sheets, minutes with attendance and resolutions, exempt items, a supplementary
agenda and one scanned set of signed minutes. Every place, person and figure is made up.

    build(folder) -> the PDFs, laid out as a clerk's folders: <committee>/<date>/<paper>.pdf

The same call always writes the same bytes (no clock, a seeded random generator).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from portal.demo import topics
from portal.demo.papers import (
    Council,
    Meeting,
    agenda_pack,
    minutes,
    supplement_pack,
    wrap,
)
from portal.demo.pdf import make_pdf

COUNCIL = Council(
    name="Eastmere District Council",
    venue="Council Chamber, Town Hall, Market Street, Eastmere, EM1 1AA",
    contact="eastmere.example.gov.uk",
    chief_executive="Joanna Pike",
)
COUNCILLORS = [
    "Cllr Margaret Ashdown", "Cllr Peter Blyth", "Cllr Sunita Chandra", "Cllr Owen Davies",
    "Cllr Fiona Ellery", "Cllr Graham Foss", "Cllr Hannah Greenway", "Cllr Idris Hale",
    "Cllr Janet Inchbold", "Cllr Kofi Mensah", "Cllr Laura Marsh", "Cllr Nigel Oakes",
    "Cllr Priya Patel", "Cllr Robert Quayle", "Cllr Sarah Redfern", "Cllr Thomas Underhill",
    "Cllr Valerie Wren", "Cllr William Yarde",
]  # fmt: skip
OFFICERS = [
    "Joanna Pike (Chief Executive)",
    "Martin Cole (Director of Place)",
    "Alison Hurst (Director of Resources and Section 151 Officer)",
    "Deepak Rao (Head of Legal Services and Monitoring Officer)",
    "Ruth Sellers (Democratic Services Officer)",
]
COMMITTEES = {
    # name: (members, usual start time, the topics its reports are drawn from)
    "Cabinet": (COUNCILLORS[:7], "10.00 am", topics.CABINET),
    "Council": (COUNCILLORS, "7.00 pm", topics.COUNCIL),
    "Planning Committee": (COUNCILLORS[6:15], "6.00 pm", topics.PLANNING),
    "Overview and Scrutiny Committee": (COUNCILLORS[9:18], "6.30 pm", topics.SCRUTINY),
}
# Meetings by committee; the last ones are still to come (agenda only).
SCHEDULE = {
    "Cabinet": [
        "2025-06-11", "2025-09-10", "2025-12-10", "2026-02-04", "2026-03-11", "2026-06-10",
        "2026-09-09", "2026-12-16", "2027-02-03",
    ],
    "Council": ["2025-05-20", "2025-07-15", "2026-02-24", "2026-05-19", "2026-07-14", "2027-02-23"],
    "Planning Committee": [
        "2025-07-02", "2025-10-01", "2026-01-07", "2026-04-01", "2026-07-01", "2026-10-07",
    ],
    "Overview and Scrutiny Committee": [
        "2025-06-25", "2025-11-19", "2026-03-11", "2026-06-24", "2026-11-18", "2027-01-20",
    ],
}  # fmt: skip
HELD_UNTIL = dt.date(2026, 12, 1)  # meetings after this have an agenda and no minutes yet
EXEMPT = {("Cabinet", "2026-02-04"): 3, ("Planning Committee", "2025-10-01"): 5}
SUPPLEMENT = ("Cabinet", "2025-12-10")
SCANNED = ("Planning Committee", "2026-04-01")  # the signed minutes, scanned


def _municipal_year(day: dt.date) -> int:
    return day.year if day.month >= 5 else day.year - 1


def meetings(rng: random.Random) -> list[Meeting]:
    made = []
    for committee, dates in SCHEDULE.items():
        members, time, pool = COMMITTEES[committee]
        queue = list(pool)  # each topic once, in order, then the recurring ones at random
        previous, minute, year = None, 1, None
        for text in dates:
            day = dt.date.fromisoformat(text)
            if _municipal_year(day) != year:
                year, minute = _municipal_year(day), 1
            count = 3 if committee in ("Cabinet", "Overview and Scrutiny Committee") else 2
            chosen = [queue.pop(0) if queue else rng.choice(pool[:3]) for _ in range(count)]
            reports = [topics.report(t, rng) for t in chosen]
            if paragraph := EXEMPT.get((committee, text)):
                reports.append(topics.report(topics.EXEMPT[committee], rng, paragraph))
            others = members[2:]
            apologies = sorted(rng.sample(others, 1 if len(others) < 8 else 2))
            substitutes = []
            if committee != "Council" and len(members) > 8:
                spare = [c for c in COUNCILLORS if c not in members]
                substitutes = [(spare[rng.randrange(len(spare))], apologies[0])]
            meeting = Meeting(
                committee=committee,
                date=day,
                time=time,
                members=members,
                reports=reports,
                apologies=apologies,
                substitutes=substitutes,
                officers=rng.sample(OFFICERS, 3) + [OFFICERS[-1]],
                declarations=[topics.declaration(rng, members)] if rng.random() < 0.3 else [],
                previous=previous,
                first_minute=minute,
                end_time=topics.end_time(time, rng),
            )
            if (committee, text) == SUPPLEMENT:
                meeting.supplement = [topics.report(topics.URGENT, rng)]
            made.append(meeting)
            previous = day
            minute += 4 + len(reports) + len(meeting.supplement) + (1 if paragraph else 0)
    return made


def membership(meeting: Meeting) -> list[str]:
    names = [n.removeprefix("Cllr ") for n in meeting.members]
    names[0] += " (Chairman)"
    names[1] += " (Vice-Chairman)"
    return wrap(", ".join(f"Cllr {n}" for n in names))


def build(folder: Path) -> list[Path]:
    """Write the archive under ``folder``; returns the papers written, in order."""
    rng = random.Random(20250520)
    written = []
    for meeting in meetings(rng):
        slug = meeting.committee.lower().replace(" ", "-")
        where = Path(folder) / slug / meeting.date.isoformat()
        where.mkdir(parents=True, exist_ok=True)
        stem = f"{slug}-{meeting.date.isoformat()}"
        pack = agenda_pack(COUNCIL, meeting, membership(meeting))
        written.append(make_pdf(where / f"{stem}-agenda-pack.pdf", pack))
        if meeting.supplement:
            first = (
                5
                + len(meeting.reports)
                + (1 if any(r.exempt_paragraph for r in meeting.reports) else 0)
            )
            extra = supplement_pack(COUNCIL, meeting, first)
            written.append(make_pdf(where / f"{stem}-supplementary-agenda.pdf", extra))
        if meeting.date <= HELD_UNTIL:
            scanned = (meeting.committee, meeting.date.isoformat()) == SCANNED
            name = f"{stem}-signed-minutes-scan.pdf" if scanned else f"{stem}-minutes.pdf"
            written.append(make_pdf(where / name, minutes(COUNCIL, meeting), scanned=scanned))
    return written
