"""A committee's decision notice with labelled fields, and a list of a meeting's decisions
headed "Decisions of the Cabinet": the committee is the Cabinet, not "Decisions of"."""

from documents.ingest.agenda import parse_agenda
from documents.ingest.detect import detect_kind
from documents.ingest.header import parse_meeting
from documents.ingest.parsed import PageContent

NOTICE = """Example City Council
Decision Notice
Decision Maker: Cabinet
Title: Parking charges review
Date of decision: 04/03/2026
Summary: The Cabinet considered a review of parking charges.
Decision: That the revised parking charges be approved.
Reasons for the decision: The charges have not been reviewed since 2019.
Alternative options considered: To leave charges unchanged.
Interests and nature of interests declared: None
Publication date: 05/03/2026
"""


def test_a_decision_notice_is_one_decision_titled_by_its_title_label():
    pages = [PageContent(number=1, raw_text=NOTICE)]
    assert detect_kind(pages, None) == "decision"
    meeting = parse_meeting(pages, "decision")
    assert (meeting.committee, str(meeting.date)) == ("Cabinet", "2026-03-04")
    [item] = parse_agenda(pages, "decision")
    assert item.title == "Parking charges review"
    assert [r.text for r in item.resolutions] == ["That the revised parking charges be approved."]
    assert item.reasons == "The charges have not been reviewed since 2019."


def test_decisions_of_a_committee_name_the_committee():
    text = (
        "Example City Council\nDecisions of the Cabinet\nWednesday 4 March 2026 at 6.00 pm\n"
        "Council Chamber, City Hall\n45. Budget monitoring report\n"
        "Cabinet RESOLVED to note the forecast outturn.\n"
    )
    meeting = parse_meeting([PageContent(number=1, raw_text=text)], None)
    assert meeting.committee == "Cabinet"
