"""How a resolution was carried, printed between RESOLVED and its words, is not its words."""

import pytest

from documents.ingest.minutes import parse_minutes
from documents.ingest.parsed import PageContent

HEAD = (
    "EXAMPLE TOWN COUNCIL\nMinutes of the meeting of the Finance Committee held on Tuesday "
    "3 March 2026 at 7.00 pm in the Council Chamber\nPresent: Councillors A Smith (Chair), "
    "B Jones\n1. Apologies for absence\nNone.\n2. Budget monitoring\n"
    "The committee considered the report.\n"
)
TAIL = "\n3. Date of next meeting\nTo be confirmed.\n"


@pytest.mark.parametrize(
    "printed",
    [
        "RESOLVED (unanimously) that the report be noted.",
        "RESOLVED unanimously that the report be noted.",
        "RESOLVED by 5 votes to 2 that the report be noted.",
        "RESOLVED by 5 votes to 2, with 1 abstention, that the report be noted.",
        "RESOLVED (nem con) that the report be noted.",
        "It was RESOLVED by a majority that the report be noted.",
    ],
)
def test_the_manner_of_carrying_is_left_out(printed):
    items, _ = parse_minutes([PageContent(number=1, raw_text=HEAD + printed + TAIL)])
    [minute] = [item for item in items if item.number == "2"]
    assert [r.text for r in minute.resolutions] == ["that the report be noted."]
