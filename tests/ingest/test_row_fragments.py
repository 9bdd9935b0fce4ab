"""A line a report writer draws in pieces, out of order ("SUBJECT: ..." first, its item
number "33." and file number "2017-0346" after the item's description), is read whole."""

from documents.ingest.agenda_list import parse_agenda_list
from documents.ingest.layout import LineBox
from documents.ingest.parsed import PageContent
from documents.ingest.row_fragments import rejoin_row_fragments


def box(top, x0, x1, *, lead="", rest_x=None):
    return LineBox(
        x0=x0,
        x1=x1,
        top=top,
        bottom=top + 12,
        size=10.5,
        bold=False,
        lead_bold=False,
        lead=lead,
        lead_gap=bool(lead),
        rest_x=rest_x,
    )


def test_a_number_drawn_after_its_line_is_put_back_at_its_start():
    text = "\n".join(
        [
            "CONSENT CALENDAR",
            "SUBJECT: STATE AND FEDERAL REPORT",
            "RECEIVE AND FILE State and Federal Legislative Report.",
            "33. 2017-0346",
            "",
            "Attachments: June 2017 Legislative Matrix",
        ]
    )
    boxes = [
        box(200, 55, 169),
        box(250, 90, 321, lead="SUBJECT:", rest_x=162),
        box(283, 90, 369),
        box(250, 54, 537, lead="33.", rest_x=486),
        None,
        box(304, 90, 293, lead="Attachments:", rest_x=169),
    ]
    joined, new_boxes = rejoin_row_fragments(text, boxes)
    assert joined.splitlines() == [
        "CONSENT CALENDAR",
        "33. SUBJECT: STATE AND FEDERAL REPORT 2017-0346",
        "RECEIVE AND FILE State and Federal Legislative Report.",
        "",
        "Attachments: June 2017 Legislative Matrix",
    ]
    assert len(new_boxes) == 5 and new_boxes[1].x0 == 54 and new_boxes[3] is None


def test_text_in_columns_is_left_as_drawn():
    text = "Name\nRole\nAlice Smith\nChair"
    boxes = [box(100, 50, 90), box(100, 300, 330), box(120, 50, 120), box(120, 300, 330)]
    assert rejoin_row_fragments(text, boxes) == (text, boxes)


def test_items_numbered_board_wide_are_read_by_their_file_references():
    lines = [
        "Executive Committee Agenda - Final June 15, 2017",
        "CALL TO ORDER",
        "33. SUBJECT: STATE AND FEDERAL REPORT 2017-0346",
        "RECEIVE AND FILE State and Federal Legislative Report.",
        "43. SUBJECT: BOARD RULES AND PROCEDURES 2017-0424",
        "35. SUBJECT: LEASE OF METRO PROPERTY FOR CROSSROADS 2017-0147",
        "SCHOOL FOR ARTS & SCIENCES",
        "38. SUBJECT: MEASURE M MASTER GUIDELINES 2017-0280",
        "CONSIDER:",
        "A. RECEIVE AND FILE report from the Policy Advisory Council;",
        "47. CLOSED SESSION: 2017-0436",
    ]
    items = parse_agenda_list([PageContent(number=4, raw_text="\n".join(lines))])
    assert [(i.number, i.title, i.exempt) for i in items] == [
        ("33", "STATE AND FEDERAL REPORT", False),
        ("43", "BOARD RULES AND PROCEDURES", False),
        ("35", "LEASE OF METRO PROPERTY FOR CROSSROADS SCHOOL FOR ARTS & SCIENCES", False),
        ("38", "MEASURE M MASTER GUIDELINES", False),
        ("47", "CLOSED SESSION", True),
    ]
