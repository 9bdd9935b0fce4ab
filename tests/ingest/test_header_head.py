"""Committee names and meeting dates come from the paper's head, validated."""

from __future__ import annotations

import datetime as dt

from documents.ingest.header import parse_meeting
from documents.ingest.parsed import PageContent
from tests.ingest.pages import shared_paper_pages


def meeting_of(text: str, kind: str | None = None):
    return parse_meeting([PageContent(number=1, raw_text=text)], kind)


def test_the_first_labelled_date_of_a_two_meeting_head_wins():
    meeting = meeting_of(
        "Meeting: Cabinet\nCouncil\nDate: 10 December 2025\n29 January 2026\n"
        "Subject: Local Council Tax Support Scheme\nReport Of: Cabinet Member for Resources\n"
    )
    assert meeting.date == dt.date(2025, 12, 10)
    assert meeting.committee == "Cabinet"


def test_a_covering_letters_date_is_not_the_meetings():
    meeting = meeting_of(
        "Ask for: Jo Bloggs\nDate: 27 January 2025\nDear Member\n"
        "CABINET - THURSDAY, 30 JANUARY 2025\nI enclose the following papers.\n"
    )
    assert meeting.date == dt.date(2025, 1, 30)


def test_a_date_in_running_text_loses_to_the_heads():
    meeting = meeting_of(
        "Borsetshire Council\nPlanning Committee\n18 March 2024\n"
        "The committee agreed on 4 February 2024 that the application should be deferred\n"
    )
    assert meeting.date == dt.date(2024, 3, 18)


def test_a_heading_split_over_lines_names_the_board_not_the_status_words():
    meeting = meeting_of(
        "APPROVED\nMINUTES OF THE REGULAR MEETING OF THE\nCIVIL SERVICE BOARD OF THE CITY OF "
        "SPRINGFIELD\nWednesday. February 1, 2006\nThe meeting convened at 7:43 p.m.\n"
        "2-A. Approval of the minutes of the Regular Meeting of January 4, 2006.\n"
    )
    assert meeting.committee == "Civil Service Board"
    assert meeting.date == dt.date(2006, 2, 1)


def test_the_council_name_before_a_board_is_split_off():
    meeting = meeting_of(
        "APPROVED MEETING MINUTES\nREGULAR MEETING OF THE\nCITY OF SPRINGFIELD PLANNING BOARD\n"
        "MONDAY, OCTOBER 24, 2011\n1. CONVENE: 7:08 pm\n"
    )
    assert meeting.committee == "Planning Board"
    assert meeting.organisation == "City of Springfield"


def test_a_notice_printed_above_the_heading_block_is_skipped():
    meeting = meeting_of(
        "Welcome to the meeting of the Board. If you would like to address the Board during "
        "public comments please fill out a card.\nSPRINGFIELD UNIFIED SCHOOL DISTRICT\n"
        "Board of Education\nSpecial Meeting\nAGENDA\nApril 6, 2016\n7:30 a.m.\n"
    )
    assert meeting.committee == "Board of Education"
    assert meeting.date == dt.date(2016, 4, 6)


def test_real_wrapped_heading_with_approved_status_word():
    meeting = parse_meeting(shared_paper_pages("us_alameda_arra_2006-02-01_minutes"), "minutes")
    assert meeting.committee == "Alameda Reuse and Redevelopment Authority"
    assert meeting.date == dt.date(2006, 2, 1)


def test_a_record_of_decision_is_dated_where_it_was_signed():
    pages = shared_paper_pages("uk_kent_record-of-decision_24-00093")
    assert parse_meeting(pages, "decision").date == dt.date(2025, 1, 17)


def test_a_piece_of_a_sentence_is_not_a_committee_name():
    for head in (
        "Report to the above Council\nMINUTES\n14 May 2024\n",
        "Borsetshire\nCity Council for\nAGENDA\n14 May 2024\n",
        "Transport Policy Committee on\nAGENDA\n14 May 2024\n",
        "Minutes of the last Parish Council\nheld on 14 May 2024\n",
        "Community Improvement Commission of the\nCity of Borchester\nAGENDA\n14 May 2024\n",
    ):
        assert meeting_of(head).committee not in {"above Council", "City Council for"}, head
        committee = meeting_of(head).committee or ""
        assert not committee.lower().endswith((" for", " on", " the")), head
        assert not committee[:1].islower(), head
    named = meeting_of("Borsetshire Council\nHealth and Wellbeing Board\nAGENDA\n14 May 2024\n")
    assert named.committee == "Health and Wellbeing Board"


def test_after_a_fragment_the_next_line_that_names_a_body_is_read():
    meeting = meeting_of("above Council\nCommunity Council\nAGENDA\n14 May 2024\n")
    assert meeting.committee == "Community Council"
