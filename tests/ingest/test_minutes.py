"""parse_minutes on real fixture minutes and on small snippets of other house styles."""

from documents.ingest.minutes import parse_minutes
from tests.ingest.pages import pages_of_paper, text_pages


def test_dorset_cabinet_minutes():
    items, att = parse_minutes(pages_of_paper("dorset-cabinet-2017-10-04-minutes.pdf"))
    assert [i.minute_number for i in items] == [str(n) for n in range(82, 98)]
    by = {i.minute_number: i for i in items}
    assert by["90"].title == (
        "Update Forward Together for Children: Family Partnership Zones and Care and Protection"
    )
    assert (by["85"].page_start, by["85"].page_end) == (1, 2)
    assert [r.number for r in by["89"].resolutions] == ["1", "2", "3", "4", "5"]
    assert by["91"].resolutions[0].number == ""
    assert by["89"].reasons.startswith("Without the additional investment")
    assert "Resolved" not in by["89"].narrative
    assert [i.minute_number for i in items if i.exempt] == ["95", "96", "97"]
    assert (by["95"].exempt_paragraph, by["96"].exempt_paragraph) == (1, 3)
    assert by["83"].declarations == []
    assert by["88"].sub_items == ["Dorset Waste Partnership Joint Committee - 12 September 2017"]
    assert att.chair == "Rebecca Knox"
    assert att.apologies == ["Hilary Cox", "Peter Wharf"]
    assert [(s.name, s.substitute_for) for s in att.substitutes] == [("Andrew Parry", "Hilary Cox")]
    assert len(att.officers) == 7 and att.other_members[0] == "David Harris"


def test_kent_minutes_number_and_agenda_item():
    items, att = parse_minutes(pages_of_paper("uk_kent_cabinet_2025-01-30_printed-minutes.pdf"))
    assert [(i.number, i.minute_number) for i in items][:2] == [("1", "84"), ("2", "85")]
    assert len(items) == 9
    assert all("(Item" not in i.title for i in items)
    integrated = items[7]
    assert [r.number for r in integrated.resolutions] == ["(a)", "(b)", "(c)"]
    assert att.present[0] == "R W Gough" and att.chair == "R W Gough"


def test_kent_county_council_declaration_made_later_in_meeting():
    items, _ = parse_minutes(
        pages_of_paper("uk_kent_county-council_2025-03-13_printed-minutes.pdf")
    )
    declarations = items[1].declarations
    assert len(declarations) == 1 and "Mr Sole declared an interest" in declarations[0]


def test_minutes_without_minute_numbers_use_the_item_reference():
    items, att = parse_minutes(
        pages_of_paper("uk_kent_corporate-parenting-panel_2024-12-10_minutes.pdf")
    )
    assert items[0].title == "Apologies and Substitutes"
    assert items[0].number == "1" and items[0].minute_number is None
    assert "Nancy Sayer" in att.apologies


def test_misprinted_minute_number_is_kept_in_sequence():
    items, _ = parse_minutes(
        pages_of_paper("uk_sutton-coldfield-tc_amenities-committee_2018-03-13_minutes.pdf")
    )
    numbers = [i.number for i in items]
    assert numbers[:6] == ["52", "53", "54", "55", "6", "57"]
    assert items[0].resolutions[0].text == "to note the apologies."


def test_last_minute_stops_at_close_of_meeting():
    items, _ = parse_minutes(pages_of_paper("uk_hertingfordbury-pc_2019-09-11_minutes.pdf"))
    assert items[-1].minute_number == "57" and items[-1].page_end == 4
    assert items[0].number == "1" and items[0].minute_number == "42"


def test_us_numbered_agenda_minutes():
    items, att = parse_minutes(
        pages_of_paper("us_east-palo-alto_planning-commission_2020-01-27_minutes.pdf")
    )
    # Business numbered afresh under a section ("4. APPROVAL OF CONSENT CALENDAR", then
    # "1.", "2.") is items of its own, numbered within the section.
    assert [i.number for i in items] == [
        "1",
        "2",
        "3",
        "4",
        "4.1",
        "4.2",
        "5",
        "5.1",
        "6",
        "7",
        "7.1",
        "7.2",
        "8",
    ]
    assert items[5].title == "Planning Commission Meeting Calendar 2020"
    assert items[7].title == "Election of Chair and Vice Chair"
    assert all(not i.resolutions for i in items)  # motions are not printed as RESOLVED
    assert "Uriel Hernandez" in att.apologies


def test_other_house_style_min_prefix_slash_numbers_and_stamps():
    page1 = (
        "Borough Council\nPlanning Committee - 4 March 2024\n"
        "Present: Councillor Jo Bloggs (in the Chair), Councillors A Smith and B Jones\n"
        "PC 12/24 Apologies\nNone.\n"
        "PC 13/24 Land at Mill Road\nThe Committee considered the application.\n"
        "RESOLVED: (1) that permission be granted; (2) that conditions be imposed.\n"
        "Page 1\n"
    )
    page2 = (
        "Borough Council\nPlanning Committee - 4 March 2024\n"
        "PC 14/24 Enforcement Update\nMembers noted the report.\nPage 2\n"
    )
    items, att = parse_minutes(text_pages(page1, page2))
    assert [i.minute_number for i in items] == ["PC 12/24", "PC 13/24", "PC 14/24"]
    assert [r.number for r in items[1].resolutions] == ["(1)", "(2)"]
    assert items[2].page_start == 2 and "Page 2" not in items[2].narrative
    assert "Planning Committee" not in items[2].narrative
    assert att.chair == "Jo Bloggs" and att.present == ["Jo Bloggs", "A Smith", "B Jones"]


def test_list_numbers_inside_a_minute_are_not_minutes():
    text = (
        "Minutes\nPresent: Cllr A Bee\n"
        "1. Apologies\nNone.\n"
        "2. Budget\nRESOLVED\n1. That the budget be approved.\n2. That the precept be set.\n"
        "3. Any Other Business\nNone.\n"
    )
    items, _ = parse_minutes(text_pages(text))
    assert [i.title for i in items] == ["Apologies", "Budget", "Any Other Business"]
    assert len(items[1].resolutions) == 2


def test_exempt_minute_marked_not_for_publication():
    text = (
        "10. Exclusion of the Press and Public\nRESOLVED that the public be excluded.\n"
        "11. Property Disposal\nNOT FOR PUBLICATION - exempt information under paragraph 3 of "
        "Part 1 of Schedule 12A\nRESOLVED that the sale be approved.\n"
    )
    items, _ = parse_minutes(text_pages(text))
    assert [i.exempt for i in items] == [False, True]
    assert items[1].exempt_paragraph == 3


def test_a_numbered_matter_ends_at_its_closing_bracket_when_a_paragraph_follows():
    text = (
        "MINUTES OF THE SPECIAL CITY COUNCIL MEETING\n"
        "FRIDAY, MARCH 9, 2018, 1:30 P.M.\n"
        "Roll Call - Present: Councilmembers Daysog, Oddie and Vella.\n"
        "(18-139) Conference with Legal Counsel - Anticipated Litigation; Significant exposure to\n"
        "litigation pursuant to Government Code Section 54956.9; Number of cases: One (As\n"
        "Defendant - City Exposure to Legal Action)\n"
        "Following the Closed Session, the meeting was reconvened and the Mayor announced\n"
        "that the Council had received the report.\n"
    )
    items, _ = parse_minutes(text_pages(text))
    assert [i.title for i in items] == [
        "Conference with Legal Counsel - Anticipated Litigation; Significant exposure to "
        "litigation pursuant to Government Code Section 54956.9; Number of cases: One (As "
        "Defendant - City Exposure to Legal Action)"
    ]


def test_parish_minutes_numbered_by_year_and_minute():
    text = (
        "WESTON PARISH COUNCIL\n"
        "Minutes of the meeting of the Parish Council held on Tuesday 10 January 2023\n"
        "Present: Cllr J Smith (Chair), Cllr A Brown\n"
        "23/01 Apologies for absence\nApologies were received from Cllr E Black.\n"
        "23/02 Declarations of interest\nNone.\n"
        "23/03 Minutes of the meeting held on 13 December 2022\n"
        "RESOLVED that the minutes be approved and signed.\n"
        "23/04 Finance\nRESOLVED that the payments listed be approved.\n"
    )
    items, attendance = parse_minutes(text_pages(text))
    assert [(i.minute_number, i.title) for i in items] == [
        ("23/01", "Apologies for absence"),
        ("23/02", "Declarations of interest"),
        ("23/03", "Minutes of the meeting held on 13 December 2022"),
        ("23/04", "Finance"),
    ]
    assert [len(i.resolutions) for i in items] == [0, 0, 1, 1]
    assert attendance.apologies == ["E Black"]
