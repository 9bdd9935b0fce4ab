"""Meeting heads worded as a notice naming the committee and its council, and as a US
minutes title naming the commission and its city."""

from documents.ingest.header import parse_meeting
from documents.ingest.parsed import PageContent


def meeting(text, kind):
    return parse_meeting([PageContent(number=1, raw_text=text)], kind)


def test_a_notice_naming_the_committee_then_its_council():
    read = meeting(
        "Notice is hereby given that a meeting of the Planning Committee of Example Town "
        "Council will be held at the Guildhall on Thursday 5 March 2026 commencing at 6.00 pm."
        "\nAGENDA\n1. Apologies\n2. Declarations of interest\n",
        "agenda",
    )
    assert (read.organisation, read.committee) == ("Example Town Council", "Planning Committee")
    assert str(read.date) == "2026-03-05"


def test_us_minutes_titled_with_the_commission_then_its_city():
    read = meeting(
        "MINUTES OF THE REGULAR MEETING OF THE PLANNING COMMISSION OF THE CITY OF EXAMPLE\n"
        "March 3, 2026\nThe meeting was called to order at 7:02 p.m. by Chair Smith.\n"
        "ROLL CALL\nPresent: Commissioners Smith, Jones, Brown\n",
        "minutes",
    )
    assert (read.organisation, read.committee) == ("City of Example", "Planning Commission")
    assert str(read.date) == "2026-03-03"


def test_a_notice_naming_its_place_by_a_building_name():
    read = meeting(
        "Notice is hereby given that a meeting of the Planning Committee of Example Town "
        "Council will be held at the Guildhall on Thursday 5 March 2026 at 6.00 pm.\n"
        "AGENDA\n1. Apologies\n2. Declarations of interest\n",
        "agenda",
    )
    assert read.venue == "Guildhall"


def test_a_city_meeting_as_itself_is_its_city_council():
    read = meeting(
        "CITY OF EXAMPLE\nREGULAR MEETING MINUTES\nTuesday, March 3, 2026\n"
        "The meeting was called to order at 7:00 p.m. by Mayor Smith.\n",
        "minutes",
    )
    assert (read.organisation, read.committee) == ("City of Example", "City Council")
