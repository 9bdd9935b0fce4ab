"""Items read from a paper's enumerated outline, the fallback for unknown house styles."""

from __future__ import annotations

from documents.ingest.layout import LineBox
from documents.ingest.minutes import parse_minutes
from documents.ingest.outline_items import outline_items
from documents.ingest.parsed import PageContent

MARGIN, INDENT, RIGHT = 72.0, 100.0, 520.0


def _page(number: int, rows: list[tuple]) -> PageContent:
    """A page from (text, x0, x1, bold, gap before) rows set top-down at a 14pt pitch."""
    lines, boxes, top = [], [], 60.0
    for text, x0, x1, bold, gap in rows:
        top += gap
        lines.append(text)
        boxes.append(
            LineBox(x0=x0, x1=x1, top=top, bottom=top + 12, size=11.0, bold=bold, lead_bold=bold)
        )
        top += 14
    return PageContent(number=number, raw_text="\n".join(lines), layout=boxes)


def _heading(text: str, x0: float = MARGIN, bold: bool = True) -> tuple:
    return (text, x0, x0 + 6 * len(text), bold, 10)


def _body(text: str, x0: float = INDENT, full: bool = True) -> tuple:
    return (text, x0, RIGHT if full else x0 + 5 * len(text), False, 0)


PROSE = [
    _body("The meeting considered the report of the Director and the comments", MARGIN),
    _body("made by members of the public at the previous meeting of the committee.", MARGIN),
    _body("Members noted the position and asked for a further report in due course", MARGIN),
    _body("once the consultation had closed and responses had been analysed.", MARGIN, False),
]


def _items(pages, minutes=False):
    return [(i.number, i.title) for i in outline_items(pages, minutes=minutes)]


def test_numbered_outline_gives_its_items_in_order():
    page = _page(
        1,
        [
            _heading("AGENDA", 250),
            _heading("1. Apologies for Absence"),
            _heading("2. Declarations of Interest"),
            _body("Members are asked to declare any interest in the business below.", full=False),
            _heading("3. Minutes of the Previous Meeting"),
            _heading("4. Planning Applications"),
            *PROSE,
        ],
    )
    assert _items([page]) == [
        ("1", "Apologies for Absence"),
        ("2", "Declarations of Interest"),
        ("3", "Minutes of the Previous Meeting"),
        ("4", "Planning Applications"),
    ]


def test_roman_outline_with_lettered_items_under_a_section():
    page = _page(
        1,
        [
            _heading("I. CALL TO ORDER"),
            _heading("II. ROLL CALL"),
            _heading("III. NEW BUSINESS"),
            _heading("A. Budget Review", INDENT, bold=False),
            _body("Staff presented the budget for the coming year and answered questions."),
            _heading("B. Park Improvements", INDENT, bold=False),
            _heading("IV. ADJOURNMENT"),
        ],
    )
    assert _items([page]) == [
        ("I", "CALL TO ORDER"),
        ("II", "ROLL CALL"),
        ("III", "NEW BUSINESS"),
        ("A", "Budget Review"),
        ("B", "Park Improvements"),
        ("IV", "ADJOURNMENT"),
    ]


def test_lettered_outline():
    page = _page(
        1,
        [
            _heading("A. Call to Order"),
            _heading("B. Approval of the Agenda"),
            _heading("C. Public Comment"),
            _body("Three speakers addressed the board on matters not on the agenda."),
            _heading("D. Adjournment"),
        ],
    )
    assert [number for number, _ in _items([page])] == ["A", "B", "C", "D"]


def test_a_wrapped_title_is_joined_and_the_paragraph_after_it_is_not():
    page = _page(
        1,
        [
            _heading("1. Apologies"),
            _heading("2. Declarations of Interest"),
            ("3. Revenue and Capital Budget Monitoring Report for the Third", MARGIN, RIGHT, 1, 10),
            ("Quarter of the Year", INDENT, 200.0, True, 0),
            ("The Cabinet is asked to note the forecast position set out.", INDENT, 400, 0, 10),
            _heading("4. Any Other Business"),
        ],
    )
    titles = [title for _, title in _items([page])]
    assert titles[2] == (
        "Revenue and Capital Budget Monitoring Report for the Third Quarter of the Year"
    )
    assert len(titles) == 4


def test_minutes_run_to_the_next_item():
    first = _page(1, [_heading("1. Apologies"), *PROSE, _heading("2. Minutes"), *PROSE])
    second = _page(2, [*PROSE, _heading("3. Planning"), *PROSE])
    third = _page(3, [*PROSE])
    items = outline_items([first, second, third], minutes=True)
    assert [(i.minute_number, i.page_start, i.page_end) for i in items] == [
        ("1", 1, 1),
        ("2", 1, 2),
        ("3", 2, 3),
    ]


def test_minutes_in_an_unknown_numbering_style_are_read_from_the_outline():
    page = _page(
        1,
        [
            _heading("1) Apologies for Absence"),
            *PROSE,
            _heading("2) Declarations of Interest"),
            *PROSE,
            _heading("3) Allotments"),
            *PROSE,
        ],
    )
    items, _ = parse_minutes([page])
    assert [(i.minute_number, i.title) for i in items] == [
        ("1", "Apologies for Absence"),
        ("2", "Declarations of Interest"),
        ("3", "Allotments"),
    ]


def test_a_paper_without_an_outline_gives_no_items():
    assert _items([_page(1, [_heading("Annual Report", 200), *PROSE, *PROSE])]) == []


def test_a_list_inside_prose_gives_no_items():
    inline = _page(
        1,
        [
            _body("The reasons were: 1. the first reason 2. the second reason 3. the", MARGIN),
            _body("third reason, as set out in the report.", MARGIN, False),
            *PROSE,
        ],
    )
    assert _items([inline]) == []


def test_two_numbered_lines_are_not_an_outline():
    page = _page(1, [*PROSE, _heading("1. Apologies"), *PROSE, _heading("2. Minutes"), *PROSE])
    assert _items([page]) == []


def test_a_list_far_from_the_margin_is_not_an_outline():
    page = _page(
        1,
        [
            *PROSE,
            _heading("1. First Option", 260),
            _heading("2. Second Option", 260),
            _heading("3. Third Option", 260),
            *PROSE,
        ],
    )
    assert _items([page]) == []
