"""Declarations of interest in the wordings minutes use: "X declared", "declared by X",
"X recused", and a list of members one a line ("Cllr X - item 4 - personal interest")."""

import pytest

from documents.ingest.interests import interests_in
from documents.ingest.minutes import parse_minutes
from documents.ingest.parsed import PageContent

HEAD = (
    "EXAMPLE TOWN COUNCIL\nMinutes of the meeting of the Planning Committee held on Tuesday "
    "3 March 2026 at 7.00 pm in the Council Chamber\nPresent: Councillors A Smith (Chair), "
    "B Jones, C Brown\n1. Apologies for absence\nNone.\n2. Declarations of interest\n"
)
TAIL = (
    "\n3. Minutes of the last meeting\nApproved.\n4. Planning application 26/0001\n"
    "RESOLVED that permission be granted.\n"
)


def declared(text):
    items, _ = parse_minutes([PageContent(number=1, raw_text=HEAD + text + TAIL)])
    return [
        (found.member, found.kind)
        for item in items
        for declaration in item.declarations
        for found in interests_in(declaration)
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Councillor B Jones declared a personal interest in item 4.",
            [("Councillor B Jones", "non-registrable")],
        ),
        (
            "A pecuniary interest was declared by Councillor B Jones in item 4.",
            [("Councillor B Jones", "disclosable pecuniary")],
        ),
        (
            "Cllr B Jones - item 4 - personal interest (member of the Rotary Club)\n"
            "Cllr C Brown - item 4 - pecuniary interest",
            [("Cllr B Jones", "non-registrable"), ("Cllr C Brown", "disclosable pecuniary")],
        ),
        (
            "Councillor B Jones: personal interest in item 4.",
            [("Councillor B Jones", "non-registrable")],
        ),
        (
            "Commissioner Jones recused himself from item 4 due to a business relationship.",
            [("Commissioner Jones", "other")],
        ),
        ("There were no declarations of interest.", []),
    ],
)
def test_each_wording_names_the_member_and_kind(text, expected):
    assert declared(text) == expected


def test_a_recusal_means_the_member_took_no_part():
    [found] = interests_in("Commissioner Jones recused himself from item 4.")
    assert found.left_room is True
