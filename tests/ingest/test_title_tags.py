"""An item's title without what agendas and US minutes print after it: "(Action)",
"(Discussion)", "- Information Item", a presenter, an outcome ("Approved.")."""

from documents.ingest.agenda import parse_agenda
from documents.ingest.cleaning import strip_title_tags
from documents.ingest.minutes import parse_minutes
from documents.ingest.parsed import PageContent

TITLES = [
    "Approval of minutes of February 17, 2026",
    "Budget update",
    "Parks master plan",
    "Street light contract award",
]


def test_agenda_titles_without_tags_or_presenters():
    text = (
        "CITY OF EXAMPLE\nREGULAR MEETING OF THE CITY COUNCIL\nTUESDAY, MARCH 3, 2026 - 6:00 PM\n"
        "AGENDA\n1. Approval of minutes of February 17, 2026 (Action)\n"
        "2. Budget update (Discussion)\n3. Parks master plan (John Smith, Parks Director)\n"
        "4. Street light contract award - Action Item\n"
    )
    items = parse_agenda([PageContent(number=1, raw_text=text)], "agenda")
    assert [item.title for item in items] == TITLES


def test_us_minute_headings_ending_in_their_outcome_are_minutes():
    text = (
        "MINUTES OF THE REGULAR MEETING OF THE CITY COUNCIL OF THE CITY OF EXAMPLE\n"
        "March 3, 2026\nThe meeting was called to order at 6:02 p.m.\n"
        "1. Approval of minutes of February 17, 2026. Approved.\n"
        "Motion by Smith, seconded by Jones, to approve. Carried 3-0.\n"
        "2. Budget update (Discussion)\nStaff presented the update.\n"
        "3. Parks master plan (John Smith, Parks Director)\nMr. Smith presented the plan.\n"
        "4. Street light contract award. Adopted.\n"
        "Motion by Brown, seconded by Smith, to award the contract. Carried 3-0.\n"
    )
    items, _ = parse_minutes([PageContent(number=1, raw_text=text)])
    assert [item.title for item in items] == TITLES


def test_what_is_part_of_a_title_stays():
    for title in (
        "Sale of land at Mill Lane (Confidential)",
        "Land at Mill Lane (Ward: Castle)",
        "Questions (Standing Order 10)",
        "Action plan",
    ):
        assert strip_title_tags(title) == title
