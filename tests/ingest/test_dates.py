"""Dates written in the many ways papers print them, with the positions callers rank by."""

from __future__ import annotations

import datetime as dt

from documents.ingest.dates import find_dates


def _found(text: str, **kwargs) -> list[tuple[dt.date, str, bool]]:
    return [(m.date, text[m.start : m.end], m.weekday) for m in find_dates(text, **kwargs)]


def test_a_weekday_before_the_date_belongs_to_it():
    text = "The meeting will be held on Thursday, 2nd September 2021 at 10.00 am"
    assert _found(text) == [(dt.date(2021, 9, 2), "Thursday, 2nd September 2021", True)]


def test_capitals_and_us_order():
    text = "MINUTES OF THE REGULAR MEETING\nTHURSDAY, JANUARY 4, 2005\nCity Hall"
    assert _found(text) == [(dt.date(2005, 1, 4), "THURSDAY, JANUARY 4, 2005", True)]


def test_a_weekday_further_back_is_not_the_dates():
    text = "Monday was wet. Minutes of 12 May 2020 and of 3 June 2020."
    assert _found(text) == [
        (dt.date(2020, 5, 12), "12 May 2020", False),
        (dt.date(2020, 6, 3), "3 June 2020", False),
    ]


def test_numbers_read_day_first_unless_told():
    assert _found("Dated 4/5/21") == [(dt.date(2021, 5, 4), "4/5/21", False)]
    assert _found("Dated 4/5/21", numeric_month_first=True) == [
        (dt.date(2021, 4, 5), "4/5/21", False)
    ]


def test_a_letter_that_grows_in_lower_case_does_not_move_the_positions():
    # "İ" is two characters in lower case; the date after it must still be found where it is.
    text = "İstanbul office, Wednesday 3 March 2021"
    assert _found(text) == [(dt.date(2021, 3, 3), "Wednesday 3 March 2021", True)]


def test_no_date_in_an_ordinary_line():
    assert find_dates("Apologies were received from Councillor May.") == []
    assert find_dates("31 February 2021") == []
