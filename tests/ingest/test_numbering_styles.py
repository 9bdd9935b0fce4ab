"""Item and minute numbering in house styles the parsers were not first built on: a number
alone on its line (a two-column table of items), "1.0" whole numbers, "1 - Title", minute
references by four-digit year ("2026/01") and headings in sentence case."""

import pytest

from documents.ingest.agenda import parse_agenda
from documents.ingest.cleaning import join_lone_numbers
from documents.ingest.minutes import parse_minutes
from documents.ingest.parsed import PageContent

TITLES = [
    "Apologies for absence",
    "Declarations of interest",
    "Minutes of the previous meeting",
    "Planning applications",
    "Any other business",
]
AGENDA_HEAD = (
    "EXAMPLE TOWN COUNCIL\nPLANNING COMMITTEE\nAGENDA\n"
    "Meeting to be held on Tuesday 3 March 2026 at 7.00 pm\nin the Council Chamber\n"
)
MINUTES_HEAD = (
    "EXAMPLE PARISH COUNCIL\nMinutes of the meeting of the Parish Council held on Tuesday "
    "3 March 2026 at 7.00 pm in the Village Hall\nPresent: Cllr A Smith (Chair), Cllr B Jones\n"
)
BODIES = [
    "There were none.",
    "None were declared.",
    "RESOLVED that the minutes be approved as a correct record.",
    "The council considered the applications listed.",
    "None.",
]
STYLES = {
    "number alone on its line": (lambda n, t: f"{n}.\n{t}", str),
    "whole numbers written 1.0": (lambda n, t: f"{n}.0 {t}", lambda n: f"{n}.0"),
    "number, dash, title": (lambda n, t: f"{n} - {t}", str),
}


def agenda_items(text):
    items = parse_agenda([PageContent(number=1, raw_text=text)], "agenda")
    return [(item.number, item.title) for item in items]


def minute_items(text):
    items, _ = parse_minutes([PageContent(number=1, raw_text=text)])
    return [(item.number, item.title) for item in items]


@pytest.mark.parametrize("style", STYLES)
def test_agenda_items_in_each_numbering_style(style):
    line, printed = STYLES[style]
    text = AGENDA_HEAD + "\n".join(line(n, t) for n, t in enumerate(TITLES, start=1))
    assert agenda_items(text) == [(printed(n), t) for n, t in enumerate(TITLES, start=1)]


@pytest.mark.parametrize("style", STYLES)
def test_minutes_in_each_numbering_style(style):
    line, printed = STYLES[style]
    body = [f"{line(n, t)}\n{BODIES[n - 1]}" for n, t in enumerate(TITLES, start=1)]
    text = MINUTES_HEAD + "\n".join(body)
    assert minute_items(text) == [(printed(n), t) for n, t in enumerate(TITLES, start=1)]


def test_minutes_numbered_by_four_digit_year():
    body = [f"2026/{n:02d} {t}\n{BODIES[n - 1]}" for n, t in enumerate(TITLES, start=1)]
    got = minute_items(MINUTES_HEAD + "\n".join(body))
    assert got == [(f"2026/{n:02d}", t) for n, t in enumerate(TITLES, start=1)]


def test_sentence_case_minute_headings_are_minutes_and_numbered_sentences_are_not():
    text = MINUTES_HEAD + "\n".join(
        [
            "1. Apologies for absence",
            "There were none.",
            "2. Minutes of the previous meeting",
            "The minutes were agreed.",
            "3. The Clerk reported that the grass had been cut",
            "4. Any other business",
            "None.",
        ]
    )
    assert minute_items(text) == [
        ("1", "Apologies for absence"),
        ("2", "Minutes of the previous meeting"),
        ("4", "Any other business"),
    ]


def test_a_lone_number_joins_only_a_title_that_is_not_numbered_itself():
    assert join_lone_numbers(["1.", "Apologies", "2.", "3. Minutes", "(4)", "Business"]) == [
        "1. Apologies",
        "2.",
        "3. Minutes",
        "(4) Business",
    ]
    assert join_lone_numbers(["12", "Page furniture"]) == ["12", "Page furniture"]
