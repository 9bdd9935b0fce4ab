"""Who a report names: the people of its "From" value, its contact block and its signature,
and a front sheet's values read by where they sit on the page."""

from __future__ import annotations

from pathlib import Path

from documents.ingest.agenda import parse_single_report
from documents.ingest.layout import LineBox
from documents.ingest.parser import parse_pdf
from documents.ingest.report_frontsheet import parse_report_frontsheet
from documents.ingest.report_people import contact_block
from tests.ingest.pages import text_pages
from tests.pdfmaker import make_pdf

LABEL_X, VALUE_X = 71.0, 227.0


def _box(top: float, x0: float, label: bool) -> LineBox:
    return LineBox(
        x0=x0,
        x1=520.0,
        top=top,
        bottom=top + 12,
        size=12.0,
        bold=False,
        lead_bold=label,
        lead_gap=label,
        rest_x=VALUE_X if label else None,
        gaps=1 if label else 0,
    )


def _front_sheet(rows: list[tuple[str, float, bool]]) -> tuple[str, list[LineBox]]:
    """(text, top, is a label line) per line -> the text and its layout."""
    x = {True: LABEL_X, False: VALUE_X}
    return "\n".join(t for t, _, _ in rows), [_box(top, x[label], label) for _, top, label in rows]


COLUMNS = [
    ("From: Sue Chandler, Cabinet Member for Integrated", 71, True),
    ("Children’s Services", 85, False),
    ("Dan Watkins, Cabinet Member for Adult Social Care", 112, False),
    ("and Public Health", 126, False),
    ("Sarah Hammond, Corporate Director, Children, Young", 154, False),
    ("People and Education", 167, False),
    ("To: Cabinet - 30 January 2025", 195, True),
    ("Subject: Transfer of the Transitions Service", 223, True),
    ("Classification: Unrestricted", 250, True),
    ("Past Pathway of report: Adult Social Care Cabinet Committee", 278, True),
    ("Electoral Division: All", 306, True),
    ("Is the decision eligible for call-in? Yes", 334, True),
]


def test_a_value_runs_on_in_its_column_and_ends_at_the_label_column():
    text, layout = _front_sheet(COLUMNS)
    report = parse_report_frontsheet(text, layout=layout)
    # an unknown label ("Past Pathway of report") or a question is not more of the value
    assert report.report_status == "Unrestricted"
    assert report.local_councillors == "All"
    assert report.executive_director == (
        "Sarah Hammond, Corporate Director, Children, Young People and Education"
    )


def test_each_person_a_from_value_names_is_sorted_into_members_and_directors():
    text, layout = _front_sheet(COLUMNS)
    report = parse_report_frontsheet(text, layout=layout)
    assert report.portfolio_holder == (
        "Sue Chandler, Cabinet Member for Integrated Children’s Services; "
        "Dan Watkins, Cabinet Member for Adult Social Care and Public Health"
    )


def test_a_from_value_without_layout_splits_where_a_new_office_begins():
    report = parse_report_frontsheet(
        "From: Deputy Leader and Cabinet Member for Finance, Corporate and\n"
        "Traded Services, Peter Oakford\n"
        "Interim Corporate Director Finance, John Betts\n"
        "To: Cabinet, 30 January 2025\nSubject: Budget Monitoring\n"
    )
    assert report.portfolio_holder == (
        "Deputy Leader and Cabinet Member for Finance, Corporate and Traded Services, Peter Oakford"
    )
    assert report.executive_director == "Interim Corporate Director Finance, John Betts"


def test_a_report_by_an_officer_names_its_author():
    report = parse_report_frontsheet(
        "By: Anna Taylor - Scrutiny Research Officer\nTo: County Council - 13 March 2025\n"
        "Subject: Review of a decision\n"
    )
    assert (report.report_author, report.author_title) == (
        "Anna Taylor",
        "Scrutiny Research Officer",
    )
    assert report.executive_director is None


def test_a_contact_block_for_several_authors_names_them_all_but_not_the_director():
    authors, director = contact_block(
        "13. Contact details\nReport Authors:\nSharon Howard\nAssistant Director Disabled\n"
        "Children and Young People\n03000 412070\nsharon.howard@example.gov.uk\n"
        "Relevant Director:\nMark Albiston, Director of Adult Social Care\n03000 417578\n"
        "Alyson Wagget, Assistant Director Thanet &\nSouth Kent Coastal\n"
        "7. Appendices\nAppendix A, Legal Implications\n"
    )
    assert authors == [
        ("Sharon Howard", "Assistant Director Disabled Children and Young People"),
        ("Alyson Wagget", "Assistant Director Thanet & South Kent Coastal"),
    ]
    assert director == "Mark Albiston, Director of Adult Social Care"


def test_a_singular_contact_heading_names_its_first_person_only():
    authors, _ = contact_block(
        "Contact Details\nAnna Taylor - Scrutiny Research Officer\nanna.taylor@example.gov.uk\n"
        "Joel Cook - Democratic Services Manager\njoel.cook@example.gov.uk\n"
    )
    assert authors == [("Anna Taylor", "Scrutiny Research Officer")]
    both, _ = contact_block(
        "6. Report Author and Relevant Director\nBen Watts, General Counsel\n03000 416814\n"
        "Katy Reynolds, Democratic Services Officer\n03000 422252\n"
    )
    assert [name for name, _ in both] == ["Ben Watts", "Katy Reynolds"]


def test_a_report_signed_at_its_end_names_the_signatory():
    authors, _ = contact_block(
        "Council is recommended to approve the recommendations in section 2.\n"
        "Olive O’Sullivan\nActing Town Clerk\n"
    )
    assert authors == [("Olive O’Sullivan", "Acting Town Clerk")]
    signed, _ = contact_block(
        "Appendix 1 – Investments\nSangeeta Surana – Treasury Manager\n"
        "T: 03000 416738\nE: sangeeta.surana@example.gov.uk\n13 March 2025\n"
    )
    assert signed == [("Sangeeta Surana", "Treasury Manager")]
    assert contact_block("The Director of Finance wrote in 2024 to every school.\n") == ([], None)


def test_recommendations_and_reasons_are_read_from_their_own_sections():
    item = parse_single_report(
        text_pages(
            "By: Peter Oakford, Cabinet Member for Finance\nTo: County Council\n"
            "Subject: Pay Policy Statement\nClassification: Unrestricted\n1. BACKGROUND\n"
            "1.1 The Act requires a pay policy.\n",
            "5. RECOMMENDATION\n5.1 County Council endorses the attached Pay Policy Statement.\n"
            "6. Reasons for Recommendations\n6.1 To meet the Localism Act 2011.\n"
            "7. Background Documents\nNone.\n",
        )
    )
    assert item.report.recommendation == (
        "County Council endorses the attached Pay Policy Statement."
    )
    assert item.report.reason_for_recommendation == "To meet the Localism Act 2011."


def test_a_report_pdf_names_its_people_from_front_sheet_and_contact_block(tmp_path: Path):
    pdf = make_pdf(
        tmp_path / "report.pdf",
        [
            [
                "From: Roger Gough, Leader",
                "John Betts, Interim Corporate Director of Finance",
                "To: Cabinet - 30 January 2025",
                "Subject: Draft Revenue Budget",
                "Classification: Unrestricted",
                "Recommendation(s):",
                "Cabinet is asked to agree the draft budget.",
                "1. Introduction",
                "1.1 The draft budget is attached.",
            ],
            [
                "2. Contact details",
                "Report Authors:",
                "Dave Shipton (Head of Finance Policy)",
                "03000 419418, dave.shipton@example.gov.uk",
                "Jo Lee, Finance Business Partner",
                "03000 419419",
            ],
        ],
    )
    report = parse_pdf(pdf, kind="report").items[0].report
    assert report.portfolio_holder == "Roger Gough, Leader"
    assert report.executive_director == "John Betts, Interim Corporate Director of Finance"
    assert report.report_author == "Dave Shipton; Jo Lee"
    assert report.author_title == "Head of Finance Policy; Finance Business Partner"
    assert report.recommendation.startswith("Cabinet is asked to agree the draft budget")


def test_contact_cards_side_by_side_are_read_row_by_row():
    rows = [  # two columns of cards, printed column by column in the text layer
        ("5. Report Authors:", 72, 72),
        ("Relevant Director", 101, 90),
        ("David Whittle", 116, 90),
        ("Director of Strategy", 131, 90),
        ("03000 416883", 160, 90),
        ("Tim Woolmer", 201, 90),
        ("Head of Strategic Partnerships", 215, 90),
        ("03000 416858", 230, 90),
        ("Peter Bruinvels", 101, 333),
        ("Covenant Lead", 116, 333),
        ("03000 412986", 145, 333),
        ("Carol Cook", 203, 333),
        ("Policy Adviser", 218, 333),
    ]
    authors, director = contact_block(
        "\n".join(text for text, _, _ in rows), [(5, top, x) for _, top, x in rows]
    )
    assert authors == [
        ("Peter Bruinvels", "Covenant Lead"),
        ("Tim Woolmer", "Head of Strategic Partnerships"),
        ("Carol Cook", "Policy Adviser"),
    ]
    assert director == "David Whittle, Director of Strategy"
