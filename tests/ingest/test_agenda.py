"""Agenda parsing on real fixture PDFs and on snippets of other house styles."""

from documents.ingest.agenda import parse_agenda
from documents.ingest.agenda_list import parse_agenda_list
from tests.ingest.pages import pages_of_paper, text_pages


def test_dorset_pack_items_pages_reports_and_exempt_item():
    items = parse_agenda(
        pages_of_paper("dorset-people-and-health-2021-09-02-agenda-pack.pdf"), "agenda-pack"
    )
    by_number = {item.number: item for item in items}
    assert list(by_number) == [str(n) for n in range(1, 12)]
    assert by_number["6"].title.lower() == "birth to settled adulthood 2021; review and next steps"
    assert (by_number["1"].page_start, by_number["1"].has_paper) == (2, False)
    assert (by_number["2"].page_start, by_number["2"].page_end) == (5, 6)
    assert (by_number["5"].page_start, by_number["5"].page_end) == (7, 29)
    assert (by_number["9"].page_start, by_number["9"].page_end) == (85, 90)
    report = by_number["5"].report
    assert report.decision_type == "For Review and Consultation"
    assert report.report_author == "Becky Forrester"
    assert by_number["9"].report is None
    assert not by_number["10"].exempt
    assert by_number["11"].exempt and by_number["11"].exempt_paragraph == 3
    assert (by_number["11"].page_start, by_number["11"].has_paper) == (3, False)


def test_kent_front_sheet_titles_without_page_refs():
    items = parse_agenda(
        pages_of_paper("uk_kent_cabinet_2025-01-30_agenda-frontsheet.pdf"), "agenda"
    )
    assert [item.number for item in items] == [str(n) for n in range(1, 10)]
    last = items[-1]
    assert last.title == "24/00096 - Commissioning Plan for Education Provision in Kent 2025-29"
    assert (last.printed_page, last.printed_page_end) == (461, 610)
    assert not any(item.has_paper or item.exempt for item in items)


def test_merton_pack_bare_page_numbers():
    items = parse_agenda(
        pages_of_paper("uk_merton_audit-committee_2009-10-22_agenda-pack.pdf"), "agenda-pack"
    )
    titles = {item.number: item for item in items}
    assert titles["4"].title == "Annual complaints report"
    assert (titles["3"].page_start, titles["3"].page_end, titles["3"].has_paper) == (3, 7, True)
    assert not titles["1"].has_paper  # the "1" after its title is a footnote-sized ref to p.1


def test_supplement_holds_its_decision_record():
    pages = pages_of_paper("uk_kent_cabinet_2025-01-30_supplementary-pack_PROD-24-00096.pdf")
    (item,) = parse_agenda(pages, "supplement")
    assert item.number == "9"
    assert (item.page_start, item.page_end) == (3, 5)
    assert item.resolutions and item.resolutions[0].text.startswith("the Commissioning Plan")


def test_roman_numerals_with_lettered_sub_items():
    text = (
        "AGENDA\nI. ROLL CALL\nII. APPROVAL OF THE MINUTES\nJune 25, 2019\n"
        "III. COMMITTEE REPORTS\nA. FINANCE\n1. Approval of grants\nB. MANAGEMENT\n"
        "IV. ADJOURNMENT\n"
    )
    items = parse_agenda(text_pages(text), "agenda")
    # A US agenda (its date is written month first): the lettered committees and the
    # numbered business under them are items of their own, after their section.
    assert [(item.number, item.title) for item in items] == [
        ("I", "ROLL CALL"),
        ("II", "APPROVAL OF THE MINUTES"),
        ("III", "COMMITTEE REPORTS"),
        ("III.A", "FINANCE"),
        ("III.A.1", "Approval of grants"),
        ("III.B", "MANAGEMENT"),
        ("IV", "ADJOURNMENT"),
    ]


def test_a_uk_agendas_lettered_parts_stay_within_their_item():
    text = (
        "HILLBURY PARISH COUNCIL\nA meeting of the Parish Council will be held on Wednesday "
        "10th February 2016 at 7.30pm\nAGENDA\n1. APOLOGIES FOR ABSENCE\n2. PLANNING\n"
        "a) To receive an update on current applications\n"
        "b) To make a recommendation on any outstanding application\n3. FINANCE\n"
        "a) To receive the financial statement\n4. AOB\n"
    )
    items = parse_agenda(text_pages(text), "agenda")
    assert [item.number for item in items] == ["1", "2", "3", "4"]
    assert items[1].sub_items == [
        "a) To receive an update on current applications",
        "b) To make a recommendation on any outstanding application",
    ]


def test_a_us_agendas_recommendation_parts_are_not_items():
    text = (
        "CITY OF SPRINGFIELD\nCITY COUNCIL AGENDA\nTuesday, March 14, 2023, 6:00 p.m.\n"
        "1. CALL TO ORDER\n2. CONTRACT FOR STREET RESURFACING\n"
        "Staff recommends that the City Council:\nA. Award the contract to Acme Paving\n"
        "B. Authorize the City Manager to sign it\n3. ADJOURNMENT\n"
    )
    items = parse_agenda(text_pages(text), "agenda")
    assert [item.number for item in items] == ["1", "2", "3"]


def test_items_numbered_by_a_parish_minute_reference_or_the_word_item():
    parish = (
        "WESTON PARISH COUNCIL\nAGENDA\n23/01 Apologies for absence\n"
        "23/02 Declarations of interest\n23/03 Planning applications\n2023/24 budget notes\n"
    )
    items = parse_agenda(text_pages(parish), "agenda")
    assert [(i.number, i.title) for i in items] == [
        ("23/01", "Apologies for absence"),
        ("23/02", "Declarations of interest"),
        ("23/03", "Planning applications"),
    ]
    worded = (
        "LICENSING COMMITTEE\nAGENDA\nItem 1 Apologies\nItem No. 2 Minutes\nITEM 3 Taxi fares\n"
    )
    items = parse_agenda(text_pages(worded), "agenda")
    assert [(i.number, i.title) for i in items] == [
        ("1", "Apologies"),
        ("2", "Minutes"),
        ("3", "Taxi fares"),
    ]


def test_dotted_leaders_decimal_sub_items_and_part_two():
    text = (
        "Agenda\n"
        "1 Apologies for absence ........ 1\n"
        "2 Minutes of the last meeting ........ 3 - 8\n"
        "3 Planning applications ........ 9 - 40\n"
        "3.1 Land at Mill Lane\n"
        "3.2 The Old Rectory\n"
        "PART 2 - NOT OPEN TO THE PUBLIC\n"
        "Paragraph 1 of Part 1 of Schedule 12A to the Local Government Act 1972.\n"
        "4 Staffing restructure ........ 41 - 50\n"
    )
    items = parse_agenda_list(text_pages(text))
    # Decimal items are items of their own, after the item they are numbered under.
    assert [(item.number, item.title) for item in items] == [
        ("1", "Apologies for absence"),
        ("2", "Minutes of the last meeting"),
        ("3", "Planning applications"),
        ("3.1", "Land at Mill Lane"),
        ("3.2", "The Old Rectory"),
        ("4", "Staffing restructure"),
    ]
    assert (items[1].printed_page, items[1].printed_page_end) == (3, 8)
    assert [item.exempt for item in items] == [False, False, False, False, False, True]
    assert items[5].exempt_paragraph == 1


def test_a_closed_session_and_the_items_numbered_under_it_are_not_public():
    text = (
        "AGENDA\n"
        "1. CALL TO ORDER\n"
        "2. CLOSED SESSION\n"
        "By law, closed sessions are not open to the public.\n"
        "2.1 Public Employee Performance Evaluation - Pursuant to Government Code\n"
        "Section 54957\n"
        "3. REPORT FROM CLOSED SESSION\n"
        "4. DISCUSSION\n"
        "4.1 Board Governance\n"
    )
    items = parse_agenda_list(text_pages(text))
    assert [(item.number, item.title, item.exempt) for item in items] == [
        ("1", "CALL TO ORDER", False),
        ("2", "CLOSED SESSION", True),
        (
            "2.1",
            "Public Employee Performance Evaluation - Pursuant to Government Code Section 54957",
            True,
        ),
        ("3", "REPORT FROM CLOSED SESSION", False),
        ("4", "DISCUSSION", False),
        ("4.1", "Board Governance", False),
    ]


def test_exclusion_motion_makes_following_items_exempt():
    text = (
        "1. Apologies\n"
        "2. Exclusion of the Press and Public\n"
        "To resolve that the public be excluded under paragraph 4 of Schedule 12A.\n"
        "3. Trade union negotiations\n"
    )
    items = parse_agenda_list(text_pages(text))
    assert [item.exempt for item in items] == [False, False, True]
    assert items[2].exempt_paragraph == 4


def test_wrapped_titles_and_dates_are_not_items():
    text = (
        "A G E N D A\n"
        "1. DECLARATIONS OF INTEREST\n"
        "To receive declarations by 30 August 2021.\n"
        "2. CAPITAL PROGRAMME MONITORING AND\n"
        "TREASURY MANAGEMENT\n"
        "To consider a report.\n"
        "3 September 2021 deadline for questions\n"
        "3. Any other business\n"
    )
    items = parse_agenda_list(text_pages(text))
    assert [item.number for item in items] == ["1", "2", "3"]
    assert items[1].title == "CAPITAL PROGRAMME MONITORING AND TREASURY MANAGEMENT"


def test_single_report_document():
    text = (
        "Meeting: Cabinet Date: 11 March 2026\nSubject: Parks Strategy\n"
        "Report Of: Cabinet Member for Environment\nWards Affected: All\n"
        "Contact Officer: Jo Bloggs, Parks Manager\nFOR GENERAL RELEASE\n"
        "1.0 Purpose of Report\n1.1 To adopt the strategy.\n"
        "2.0 Recommendations\n2.1 Cabinet is asked to RESOLVE that the strategy be adopted.\n"
        "3.0 Background\n"
    )
    (item,) = parse_agenda(text_pages(text, "This page is intentionally left blank"), "report")
    assert item.title == "Parks Strategy"
    assert (item.page_start, item.page_end, item.has_paper) == (1, 1, True)
    assert item.report.portfolio_holder == "Cabinet Member for Environment"
    assert item.report.report_author == "Jo Bloggs"
    # the paragraph number "2.1" is not part of the recommendation
    assert item.report.recommendation == "Cabinet is asked to RESOLVE that the strategy be adopted."


def test_record_of_decision_form():
    text = (
        "RECORD OF DECISION\nDECISION TO BE TAKEN BY:\nCabinet Member for Highways\n"
        "DECISION NUMBER:\n25/00012\nKey decision: NO\n"
        "Subject Matter / Title of Decision\nWinter Gritting Routes\nDecision:\n"
        "I agree to:\nAPPROVE the revised gritting routes.\nDELEGATE authority to the Director.\n"
        "Reason(s) for decision:\nThe routes were reviewed after consultation.\n"
        "Any alternatives considered and rejected:\nNone.\n"
    )
    (item,) = parse_agenda(text_pages(text), "decision")
    assert (item.title, item.number) == ("Winter Gritting Routes", "25/00012")
    assert [r.text for r in item.resolutions] == [
        "APPROVE the revised gritting routes.",
        "DELEGATE authority to the Director.",
    ]
    assert item.reasons == "The routes were reviewed after consultation."
    assert not item.exempt


def test_a_us_agendas_business_lettered_at_the_top_or_with_its_section_number():
    lettered = (
        "CITY OF HILLCREST\nPLANNING COMMISSION\nREGULAR MEETING AGENDA\n"
        "Tuesday, November 1, 2022 at 6:00 p.m.\nA. CALL TO ORDER\nB. ROLL CALL\n"
        "C. CONSENT CALENDAR\n1. Minutes of October 18, 2022\nD. PUBLIC HEARINGS\n"
        "1. Site plan review for 123 Main Street\n2. Variance for 456 Oak Lane\nE. ADJOURNMENT\n"
    )
    items = parse_agenda(text_pages(lettered), "agenda")
    assert [i.number for i in items] == ["A", "B", "C", "C.1", "D", "D.1", "D.2", "E"]
    assert items[6].title == "Variance for 456 Oak Lane"
    dashed = (
        "CITY OF RIVERTON\nCITY COUNCIL AGENDA\nDecember 6, 2022\n1. CALL TO ORDER\n"
        "2. CONSENT CALENDAR\n2-A. Approval of Minutes of November 15, 2022\n"
        "2-B. Demand Register\n3. ADJOURNMENT\n"
    )
    items = parse_agenda(text_pages(dashed), "agenda")
    assert [(i.number, i.title) for i in items] == [
        ("1", "CALL TO ORDER"),
        ("2", "CONSENT CALENDAR"),
        ("2-A", "Approval of Minutes of November 15, 2022"),
        ("2-B", "Demand Register"),
        ("3", "ADJOURNMENT"),
    ]
