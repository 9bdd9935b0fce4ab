"""US minutes: lettered items under their section, and motions read as resolutions."""

from __future__ import annotations

from documents.ingest.minutes import parse_minutes
from documents.ingest.motions import motions_in
from tests.ingest.pages import shared_paper_pages, text_pages

MINUTES = """MINUTES OF THE REGULAR MEETING OF THE PARKS BOARD
1. ROLL CALL
Present: Members Ames, Brook and Chair Dale
2. CONSENT CALENDAR
2-A. Approval of the minutes of the Regular Meeting of January 4, 2006.
2-B. Recommendation to Approve Policy Regarding Hiring Procedures for Special Legal
Counsel.
Member Ames moved approval of the staff recommendation. Member Brook seconded the motion,
which carried by unanimous voice vote - 3.
3. REGULAR AGENDA ITEMS
3-A. Presentation of the Final Development Concept
Board Member Brook made a motion to approve the concept. Board Member Ames seconded the
motion. The motion passed 3-0.
4. ADJOURNMENT
The meeting was adjourned at 9 p.m.
"""


def test_lettered_items_follow_their_section_at_the_top_level():
    items, _ = parse_minutes(text_pages(MINUTES))
    assert [i.number for i in items] == ["1", "2", "2-A", "2-B", "3", "3-A", "4"]
    assert items[3].title.startswith("Recommendation to Approve Policy")


def test_each_motion_is_the_resolution_of_its_item():
    items = {i.number: i for i in parse_minutes(text_pages(MINUTES))[0]}
    assert [r.text for r in items["2-B"].resolutions] == ["approval of the staff recommendation"]
    assert [r.text for r in items["3-A"].resolutions] == ["approve the concept"]
    assert not items["2"].resolutions


def test_motion_wordings():
    cases = {
        "Member Peeler moved to accept, Member McHugh seconded, and carried 4-0.": "accept",
        "Commissioner Burney motioned to carry the vote to the next meeting.": (
            "carry the vote to the next meeting"
        ),
        "The motion was made by Board member Henneberry and seconded by Board member Burton "
        "to approve the Public Art project. Approved 4-0.": "approve the Public Art project",
        "Approval of 2-A was motioned by Member Gilmore, seconded by Member Matarrese": (
            "Approval of 2-A"
        ),
        "Member Gilmore motioned for approval of 2-B as written.": "approval of 2-B as written",
    }
    for text, words in cases.items():
        assert [w for _, w in motions_in(text)] == [words], text


def test_moving_house_is_not_a_motion():
    assert motions_in("He had followed this project since before he moved to Alameda.") == []
    assert motions_in("The item was moved forward to the next meeting.") == []


def test_real_minutes_with_lettered_items_and_motions():
    items, _ = parse_minutes(
        shared_paper_pages("us_alameda_transportation-commission_2023-11-15_minutes")
    )
    numbers = [i.number for i in items]
    assert numbers[4:8] == ["5", "5A", "5B", "6"]
    by_number = {i.number: i for i in items}
    assert by_number["5B"].resolutions[0].text.startswith("approve the Meeting Calendar")
    assert by_number["6"].page_end >= by_number["6C"].page_end


def test_roll_call_titles_are_not_names_and_absent_members_are_not_present():
    text = (
        "MINUTES OF THE MEETING OF THE HISTORY BOARD\n1. CONVENE\n2. ROLL CALL\n"
        "Present: Chair Owens, Board Members Piziali and Vella. Absent: Vice-Chair Rauk,\n"
        "Board Member Chan.\n3. MINUTES\nNone.\n4. ADJOURNMENT\nAdjourned.\n"
    )
    _, att = parse_minutes(text_pages(text))
    assert att.present == ["Owens", "Piziali", "Vella"]
    assert att.apologies == ["Rauk", "Chan"]


def test_a_roster_one_member_a_line_with_roles():
    text = (
        "MINUTES OF THE LIBRARY BOARD\n1. ROLL CALL\nPresent: Beverly Johnson, Chair of Alameda\n"
        "Tony Daysog, Boardmember, City of Alameda\nJoyce McConeghey Board Member\n"
        "Absent: Kathleen Kearney, Board Member\nExcused Absence: Commissioner Swartz\n"
        "2. MINUTES\nNone.\n3. ADJOURNMENT\nAdjourned.\n"
    )
    _, att = parse_minutes(text_pages(text))
    assert att.present == ["Beverly Johnson", "Tony Daysog", "Joyce McConeghey"]
    assert att.apologies == ["Kathleen Kearney", "Swartz"]


def test_a_roll_call_heading_that_carries_its_list():
    text = (
        "MINUTES OF THE CIVIL SERVICE BOARD\n1. CONVENE: 7:08 pm\n"
        "2. ROLL CALL: Board Members Michael Rich, Avonnet Peeler and Linda McHugh.\n"
        "ABSENT: Roberto Rocha\n3. MINUTES: None\n4. ADJOURNMENT\nAdjourned.\n"
    )
    items, att = parse_minutes(text_pages(text))
    assert [i.title for i in items][:2] == ["CONVENE", "ROLL CALL"]
    assert att.present == ["Michael Rich", "Avonnet Peeler", "Linda McHugh"]
    assert att.apologies == ["Roberto Rocha"]


def test_letters_restarting_under_unnumbered_headings_are_the_items():
    text = (
        "MINUTES OF THE LIBRARY BOARD MEETING\nROLL CALL Present: Cynthia Silva, President\n"
        "CONSENT CALENDAR\n*A. Report from the Library Director.\n*B. Draft Minutes of the "
        "Regular Meeting.\nVice President Wismar moved to accept the Consent Calendar.\n"
        "UNFINISHED BUSINESS\nA. Strategic Plan Status Update\nThe plan is on track.\n"
        "B. Elimination of Library Overdue Fines\nA Report was given on fines.\n"
        "NEW BUSINESS\nA. Friends of the Library\nThe Friends met.\n"
    )
    items, _ = parse_minutes(text_pages(text))
    assert [(i.number, i.title) for i in items] == [
        ("A", "Report from the Library Director"),
        ("B", "Draft Minutes of the Regular Meeting"),
        ("A", "Strategic Plan Status Update"),
        ("B", "Elimination of Library Overdue Fines"),
        ("A", "Friends of the Library"),
    ]


def test_one_closed_session_file_number_is_an_item_and_exempt():
    text = (
        "MINUTES OF THE SPECIAL CITY COUNCIL MEETING\nThe meeting convened at 6:00 p.m.\n"
        "The Council adjourned to Closed Session to consider:\n"
        "(18-139) Conference with Legal Counsel - Anticipated Litigation; one case.\n"
        "Following the Closed Session, the meeting was reconvened.\n"
    )
    items, _ = parse_minutes(text_pages(text))
    assert [i.number for i in items] == ["18-139"]
    assert items[0].exempt


def test_business_lettered_afresh_under_each_section_is_items():
    text = (
        "TOWN OF MAPLETON\nMINUTES\nREGULAR MEETING OF THE TOWN COUNCIL\nJanuary 17, 2023\n"
        "I. CALL TO ORDER\nThe meeting was called to order at 6:00 p.m. by Mayor Lee.\n"
        "III. CONSENT AGENDA\nA. Approval of Minutes of January 3, 2023\n"
        "B. Approval of Warrants\nCouncil Member Ortiz moved to approve the consent agenda.\n"
        "IV. NEW BUSINESS\nA. Water rate study\nStaff presented the study.\n"
        "V. ADJOURNMENT\nThe meeting adjourned at 7:10 p.m.\n"
    )
    items, _ = parse_minutes(text_pages(text))
    assert [(i.number, i.title) for i in items] == [
        ("I", "CALL TO ORDER"),
        ("III", "CONSENT AGENDA"),
        ("III.A", "Approval of Minutes of January 3, 2023"),
        ("III.B", "Approval of Warrants"),
        ("IV", "NEW BUSINESS"),
        ("IV.A", "Water rate study"),
        ("V", "ADJOURNMENT"),
    ]


def test_lettered_paragraphs_of_a_minute_are_not_items():
    text = (
        "MINUTES OF THE REGULAR MEETING OF THE CITY COUNCIL\nMarch 7, 2023\n"
        "1. CALL TO ORDER\nThe meeting was called to order at 6:00 p.m.\n"
        "2. BUDGET WORKSHOP\nA. The Finance Director presented the budget.\n"
        "B. Council asked about reserves.\n3. ADJOURNMENT\n"
    )
    items, _ = parse_minutes(text_pages(text))
    assert [i.number for i in items] == ["1", "2", "3"]


def test_a_roll_call_section_one_member_a_line():
    text = (
        "MINUTES OF THE PARKS COMMISSION\nMarch 7, 2023\n1. ROLL CALL\n"
        "Commissioner Adams - Present\nCommissioner Baker - Present\n"
        "Commissioner Clark - Absent\nChair Dunn - Present\n2. ADJOURNMENT\nAdjourned at 8 p.m.\n"
    )
    _, attendance = parse_minutes(text_pages(text))
    assert attendance.present == ["Adams", "Baker", "Dunn"]
    assert attendance.apologies == ["Clark"]
