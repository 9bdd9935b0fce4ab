"""The common wordings of US minutes for a motion: each is its item's resolution, and a motion
with its mover, seconder, tally and result. Made-up text throughout."""

from __future__ import annotations

import pytest

from documents.ingest.minutes import parse_minutes
from documents.ingest.motions import motions_in
from documents.ingest.parser import parse_pdf
from documents.ingest.us_motions import us_motions
from documents.ingest.votes import motions_with_movers
from tests.ingest.pages import text_pages
from tests.pdfmaker import make_pdf

# Each wording, wrapped over lines, then "= words | mover | seconder | tally | result"
# ("-" for none).
CASES = """
Motion by Adams, seconded by Baker, to approve the consent calendar. Motion carried 4-0.
  = approve the consent calendar | Adams | Baker | 4-0 | carried
Motion by Clark, seconded by Adams, to adopt Resolution No. 2022-45. Motion carried
unanimously.
  = adopt Resolution No. 2022-45 | Clark | Adams | - | carried
Motion by Ellis, seconded by Ford, to deny the appeal. Motion failed 2-3.
  = deny the appeal | Ellis | Ford | 2-3 | failed
It was moved by Councilmember Adams and seconded by Councilmember Baker to approve the
minutes of May 3. The motion carried 5-0.
  = approve the minutes of May 3 | Adams | Baker | 5-0 | carried
It was moved by Trustee Grant, seconded by Trustee Hale, and carried unanimously to approve
the warrant register.
  = approve the warrant register | Grant | Hale | - | carried
Moved by Adams, seconded by Baker, to award the contract to Acme Inc. for $2.5 million.
Vote: 5-0
  = award the contract to Acme Inc. for $2.5 million | Adams | Baker | 5-0 | carried
MOTION: Adams SECOND: Baker To approve the budget amendment. AYES: Adams, Baker, Clark NOES:
Davis ABSENT: Evans
  = approve the budget amendment | Adams | Baker | 3-1 | carried
M/S Adams/Baker to approve the site plan (5-0).
  = approve the site plan | Adams | Baker | 5-0 | carried
Commissioner Irwin made a motion to approve the variance, seconded by Commissioner Jones.
The motion passed 5-0.
  = approve the variance | Irwin | Jones | 5-0 | carried
Upon motion by Supervisor Kent, seconded by Supervisor Lowe, the Board voted 4-1 to approve
the lease.
  = approve the lease | Kent | Lowe | 4-1 | carried
A motion was made by Director Moss and seconded by Director Nash to adopt Ordinance No. 123.
The motion carried by the following vote: AYES: Moss, Nash, Owen NOES: None ABSENT: Price
  = adopt Ordinance No. 123 | Moss | Nash | 3-0 | carried
Motion to approve the minutes as presented. Moved by Adams, seconded by Baker. Ayes: 5,
Nays: 0.
  = approve the minutes as presented | Adams | Baker | 5-0 | carried
Councilmember Quinn moved, seconded by Councilmember Reed, to award the bid. Motion carried
4-1.
  = award the bid | Quinn | Reed | 4-1 | carried
Mayor Pro Tem Clark moved and Councilwoman Baker seconded to table the item. Motion failed
2-3.
  = table the item | Clark | Baker | 2-3 | failed
"""


def _cases() -> dict[str, list[str | None]]:
    cases, text = {}, []
    for line in CASES.strip().splitlines():
        if line.startswith("  = "):
            cases[" ".join(text)] = [None if p == "-" else p for p in line[4:].split(" | ")]
            text = []
        else:
            text.append(line)
    return cases


WORDINGS = _cases()


@pytest.mark.parametrize("text", list(WORDINGS))
def test_each_wording_is_a_motion_with_its_mover_seconder_tally_and_result(text):
    words, mover, seconder, tally, result = WORDINGS[text]
    assert [w for _, w in motions_in(text)] == [words]
    motions = motions_with_movers([text], [])
    assert [(m.mover, m.seconder, m.tally, m.result) for m in motions] == [
        (mover, seconder, tally, result)
    ]


def test_a_motion_printed_with_a_roll_call_that_fails():
    text = (
        "MOTION: Councilmember Stone SECOND: Councilmember Tate to rezone the parcel. "
        "AYES: Stone, Tate NOES: Usher, Vance, Wolfe ABSENT: None"
    )
    [(_, _, motion)] = us_motions(text)
    assert (motion.text, motion.mover, motion.seconder) == ("rezone the parcel", "Stone", "Tate")
    assert (motion.tally, motion.result) == ("2-3", "failed")


def test_motions_in_one_minute_keep_their_own_votes():
    text = (
        "Motion by Adams, seconded by Baker, to approve the agenda. Motion carried 5-0. "
        "Staff presented the report. Motion by Clark, seconded by Davis, to deny the permit. "
        "Motion failed 1-4."
    )
    motions = motions_with_movers([text], [])
    assert [(m.mover, m.tally, m.result) for m in motions] == [
        ("Adams", "5-0", "carried"),
        ("Clark", "1-4", "failed"),
    ]
    assert [w for _, w in motions_in(text)] == ["approve the agenda", "deny the permit"]


@pytest.mark.parametrize(
    "text",
    [
        "The Chair explained the motion procedure to the new members.",
        "The item was moved to the next meeting by the Chair.",
        "To date, staff have received twelve letters about the project.",
        "Mayor Jones said the motion to approve would come at the next meeting.",
        "Staff reported that the applicant moved the driveway to the north side.",
    ],
)
def test_sentences_that_merely_mention_a_motion_are_not_motions(text):
    assert motions_in(text) == []
    assert motions_with_movers([text], []) == []


RIVERTON = [
    "CITY OF RIVERTON",
    "MINUTES OF THE REGULAR MEETING OF THE CITY COUNCIL",
    "December 6, 2022",
    "1. CALL TO ORDER",
    "Mayor Jones called the meeting to order at 7:02 p.m.",
    "2. ROLL CALL",
    "Present: Councilmembers Adams, Baker, Clark and Mayor Jones",
    "Absent: Councilmember Davis",
    "3. CONSENT CALENDAR",
    "Motion by Adams, seconded by Baker, to approve the consent calendar. Motion carried 4-0.",
    "4. PUBLIC HEARING",
    "Motion by Clark, seconded by Adams, to adopt Resolution No. 2022-45. Motion carried 4-0.",
    "5. ADJOURNMENT",
]


def test_a_minutes_paper_reads_each_motion_as_its_items_resolution(tmp_path):
    pages = parse_pdf(make_pdf(tmp_path / "riverton.pdf", [RIVERTON])).pages
    items = {item.number: item for item in parse_minutes(pages)[0]}
    assert [r.text for r in items["3"].resolutions] == ["approve the consent calendar"]
    assert [r.text for r in items["4"].resolutions] == ["adopt Resolution No. 2022-45"]
    motion = items["4"].motions[0]
    assert (motion.mover, motion.seconder, motion.tally, motion.result) == (
        "Clark",
        "Adams",
        "4-0",
        "carried",
    )
    assert not items["1"].resolutions and not items["1"].motions


def test_the_uk_resolved_reading_is_unchanged():
    text = (
        "MINUTES OF THE CABINET\n1. BUDGET\nMr Hill moved the report.\n"
        "RESOLVED that the budget be approved.\n2. CLOSE\nThe meeting closed.\n"
    )
    items, _ = parse_minutes(text_pages(text))
    assert [r.text for r in items[0].resolutions] == ["that the budget be approved."]


def test_a_slash_pair_without_words_keeps_its_mover_seconder_and_result():
    text = "M/S Commissioner Burney / Commissioner Radez All present in favor with 4 ayes."
    [motion] = motions_with_movers([text], [])
    assert (motion.mover, motion.seconder, motion.result, motion.tally) == (
        "Burney",
        "Radez",
        "carried",
        None,
    )
    assert motions_in(text) == []
