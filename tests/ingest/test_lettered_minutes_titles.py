"""US minutes number their business under each section ("5-A", "9-C"); Legistar prints a
file number where the title would be and the title on the line below. Each lettered item
is an item of its own, titled as printed."""

from documents.ingest.parser import parse_pdf
from tests.pdfmaker import make_pdf

HEAD = [
    "MINUTES OF THE REGULAR MEETING OF THE",
    "CITY OF EASTBAY PLANNING BOARD",
    "MONDAY, JULY 24, 2023",
    "1. ROLL CALL",
    "Present: Board Members Alvarez, Brook and Chen.",
]


def items_of(tmp_path, lines):
    path = make_pdf(tmp_path / "minutes.pdf", [HEAD + lines])
    parsed = parse_pdf(path, ocr=False)
    return {item.number: item.title for item in parsed.items}


def test_a_title_printed_under_a_file_number_is_the_items_title(tmp_path):
    items = items_of(
        tmp_path,
        [
            "5. REGULAR AGENDA ITEMS",
            "5-A 2023-3281",
            "Objective Design Review Standards. Public hearing to consider revisions to the",
            "standards for multi-family housing.",
            "Board Member Alvarez made a motion to approve. The motion passed 3-0.",
            "5-B 2023-3282",
            "Oral Report - Future Public Meetings and Upcoming Planning, Building and Transport",
            "Department Projects",
            "Staff gave the report.",
            "6. ADJOURNMENT",
        ],
    )
    assert items["5-A"] == "Objective Design Review Standards"
    assert items["5-B"] == (
        "Oral Report - Future Public Meetings and Upcoming Planning, Building and Transport "
        "Department Projects"
    )
    assert items["6"] == "ADJOURNMENT"


def test_a_lettered_item_ends_its_title_where_its_first_sentence_ends(tmp_path):
    items = items_of(
        tmp_path,
        [
            "8. CONSENT CALENDAR:",
            "8-A Public Art Proposal - Grand Marina - Warmington Residential CA. Two",
            "freestanding metal sculptures to be located on private property.",
            "9. PUBLIC HEARINGS",
            "9-A Public Hearing / Scoping Session of the Environmental Impact Report for the",
            "proposal to reconfigure the golf course, build up to 130 housing units on the lands",
            "currently occupied by the 9-hole course and build playing fields on 12 acres of",
            "land on North Loop Road in the Business Park. Staff presented the report.",
            "10. ADJOURNMENT",
        ],
    )
    assert items["8-A"] == "Public Art Proposal - Grand Marina - Warmington Residential CA"
    assert items["9-A"] == (
        "Public Hearing / Scoping Session of the Environmental Impact Report for the proposal "
        "to reconfigure the golf course, build up to 130 housing units on the lands currently "
        "occupied by the 9-hole course and build playing fields on 12 acres of land on North "
        "Loop Road in the Business Park"
    )


def test_a_heading_that_runs_into_a_list_after_a_colon_is_the_heading(tmp_path):
    items = items_of(
        tmp_path,
        [
            "7. NEXT MEETING",
            "7-A Next Regular Meeting is October 12, 2023",
            "7-B Possible Agenda Items for the Next Meeting: Park Tour, Invite the Leisure Club to",
            "share what they do, Process of the Parade",
            "8. ADJOURNMENT",
        ],
    )
    assert items["7-B"] == "Possible Agenda Items for the Next Meeting"


def test_file_numbers_and_action_tags_leave_titles_and_a_tagged_line_ends_one(tmp_path):
    items = items_of(
        tmp_path,
        [
            "3. 2023-3329 - Staff Communications",
            "Staff made several announcements.",
            "5. CONSENT CALENDAR",
            "5A. 2023 - 3596 - Approve Draft Minutes of the August 23, 2023, Transportation",
            "Commission Meeting (Action)",
            "Minutes can be found online.",
            "6. ADJOURNMENT",
        ],
    )
    assert items["3"] == "Staff Communications"
    assert items["5A"] == (
        "Approve Draft Minutes of the August 23, 2023, Transportation Commission Meeting"
    )
