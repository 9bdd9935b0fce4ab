"""Reading the meeting (council, committee, date, time, venue) from a paper's first pages."""

from __future__ import annotations

import datetime as dt
import difflib
import json

import pytest

from documents.ingest.header import parse_meeting
from documents.ingest.parsed import PageContent
from documents.ingest.pdf import read_pdf
from tests.shared_papers import floor_papers

WITH_TRUTH = floor_papers()


def _meeting(text: str):
    return parse_meeting([PageContent(number=1, raw_text=text)])


def _close(a: str | None, b: str) -> bool:
    return bool(a) and difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.8


@pytest.mark.parametrize(("path", "truth_file"), WITH_TRUTH, ids=lambda p: p.name)
def test_the_meeting_date_and_committee_match_the_truth(path, truth_file):
    truth = json.loads(truth_file.read_text())
    meeting = parse_meeting(read_pdf(path).pages)
    assert meeting.date == dt.date.fromisoformat(truth["meeting_date"])
    assert meeting.committee and truth["body"].lower() in meeting.committee.lower()
    if truth.get("start_time"):
        assert meeting.start_time == dt.time.fromisoformat(truth["start_time"])
    if truth.get("venue"):
        assert _close(meeting.venue, truth["venue"]), meeting.venue


def test_a_labelled_front_sheet():
    meeting = _meeting(
        "Borsetshire District Council\nLicensing Sub-Committee\nDate: Monday, 7 March 2022\n"
        "Time: 2:00 p.m.\nVenue: Committee Room 2, Civic Offices,\nHigh Street, Ambridge\n"
        "Membership:\nCllr A Archer"
    )
    assert meeting.organisation == "Borsetshire District Council"
    assert meeting.committee == "Licensing Sub-Committee"
    assert meeting.date == dt.date(2022, 3, 7)
    assert meeting.start_time == dt.time(14, 0)
    assert meeting.venue == "Committee Room 2, Civic Offices, High Street, Ambridge"


def test_minutes_written_as_a_sentence():
    meeting = _meeting(
        "FELPERSHAM CITY COUNCIL\nMINUTES of a meeting of the Scrutiny Board held in the "
        "Guildhall, Market Square, Felpersham on Tuesday, 14th June, 2016 at 7.30pm.\n"
        "PRESENT: Cllr J Smith (Chair)"
    )
    assert meeting.organisation == "Felpersham City Council"
    assert meeting.committee == "Scrutiny Board"
    assert meeting.date == dt.date(2016, 6, 14)
    assert meeting.start_time == dt.time(19, 30)
    assert meeting.venue == "Guildhall, Market Square, Felpersham"


def test_a_summons_in_prose_with_a_24_hour_time():
    meeting = _meeting(
        "Members are hereby summoned to attend a meeting of Lakey Hill Parish Council to be held "
        "at the Village Hall, Church Lane, on Wednesday 9th October 2019 at 1930.\n"
        "Clerk to the Council Date: 2nd October 2019\n1. Apologies"
    )
    assert meeting.committee == "Parish Council"
    assert meeting.date == dt.date(2019, 10, 9)
    assert meeting.start_time == dt.time(19, 30)
    assert meeting.venue == "Village Hall, Church Lane"


def test_a_us_style_heading_stack():
    meeting = _meeting(
        "CITY OF SPRINGFIELD\nPARKS COMMISSION\nREGULAR MEETING MINUTES\n"
        "March 3, 2021, 6:00 p.m.\nCity Hall Annex\nCouncil Chamber\n1. ROLL CALL"
    )
    assert meeting.organisation == "City of Springfield"
    assert meeting.committee == "Parks Commission"
    assert meeting.date == dt.date(2021, 3, 3)
    assert meeting.start_time == dt.time(18, 0)
    assert meeting.venue == "City Hall Annex, Council Chamber"


def test_the_previous_meetings_date_is_not_taken():
    meeting = _meeting(
        "Harbour Board\nAgenda\n1. Apologies\n"
        "2. To confirm the minutes of the last meeting held on 1 May 2023\n"
        "The meeting will be held on Thursday 8 June 2023 at 10.00 am"
    )
    assert meeting.date == dt.date(2023, 6, 8)


def test_a_committee_named_under_its_authority_is_the_meeting_body():
    text = (
        "Metro\nLos Angeles County Metropolitan Transportation Authority\nOne Gateway Plaza\n"
        "Executive Management Committee\nJohn Fasana, Chair\nAgenda - Final\n"
        "Thursday, June 15, 2017\n11:30 AM\n"
    )
    meeting = parse_meeting([PageContent(number=1, raw_text=text)])
    assert meeting.committee == "Executive Management Committee"


def test_the_second_line_of_a_wrapped_name_is_not_a_name_of_its_own():
    text = (
        "RESOLUTION NO. 12-12\n"
        "RESOLUTION OF THE OVERSIGHT BOARD FOR THE SUCCESSOR AGENCY TO THE\n"
        "COMMUNITY IMPROVEMENT COMMISSION OF THE CITY OF ALAMEDA ADOPTING\n"
        "MINUTES OF THE SPECIAL MEETING, OCTOBER 29, 2012\n"
    )
    meeting = parse_meeting([PageContent(number=1, raw_text=text)])
    # The resolution's title names the body that passes it, across the lines it wraps on;
    # never "Community Improvement Commission" alone, the piece on the second line.
    assert meeting.committee == (
        "Oversight Board for the Successor Agency to the Community Improvement Commission"
    )
    assert meeting.organisation == "City of Alameda"
    assert meeting.date == dt.date(2012, 10, 29)


def test_a_city_council_resolution_names_the_council():
    text = (
        "RESOLUTION NO. 6512\n"
        "A RESOLUTION OF THE CITY COUNCIL OF THE CITY OF SPRINGFIELD, CALIFORNIA,\n"
        "APPROVING A CONTRACT FOR STREET RESURFACING\n"
        "WHEREAS, the City of Springfield owns and maintains its streets; and\n"
    )
    meeting = parse_meeting([PageContent(number=1, raw_text=text)])
    assert meeting.committee == "City Council"


def test_a_resolution_title_without_a_body_names_none():
    text = (
        "RESOLUTION NO. 44\n"
        "RESOLUTION OF THE FRIENDS OF THE PARK ADOPTING A LOGO\n"
        "WHEREAS, the friends wish to adopt a logo; and\n"
    )
    assert parse_meeting([PageContent(number=1, raw_text=text)]).committee is None
