"""Mapping printed page stamps to physical pages and finding each paper's range."""

from documents.ingest.pack_pages import (
    agenda_item_marks,
    assign_page_ranges,
    is_blank_page,
    printed_page_numbers,
    printed_to_physical,
)
from documents.ingest.parsed import ParsedItem
from tests.ingest.pages import text_pages


def test_page_stamps_and_missing_stamps_are_interpolated():
    pages = text_pages("Agenda\n1. Minutes", "Minutes text\nPage 1", "more text", "end\nPage 3")
    stamps = printed_page_numbers(pages)
    assert stamps == {2: 1, 4: 3}
    assert printed_to_physical(2, stamps, len(pages)) == 3


def test_bare_numbers_need_agreeing_neighbours():
    pages = text_pages("Front\nsee note\n1", "Report\nbody\n7", "body\n8", "body\n9")
    assert printed_page_numbers(pages) == {2: 7, 3: 8, 4: 9}


def test_agenda_item_marks_and_blankpages():
    pages = text_pages(
        "Report title\nbody\nPage 5\nAgenda Item 4", "This page is intentionally left blank"
    )
    assert agenda_item_marks(pages) == {"4": 1}
    assert is_blank_page(pages[1])
    assert not is_blank_page(pages[0])


def test_ranges_use_marks_and_drop_trailing_blank():
    pages = text_pages(
        "1. Apologies\n2. Report A (Pages 1 - 2)\n3. Report B (Pages 4 - 5)",
        "Report A\nPage 1\nAgenda Item 2",
        "more\nPage 2",
        "This page is intentionally left blank\nPage 3",
        "Report B\nPage 4\nAgenda Item 3",
        "end of B\nPage 5",
    )
    items = [
        ParsedItem(title="Apologies", number="1", page_start=1, page_end=1),
        ParsedItem(title="Report A", number="2", printed_page=1, printed_page_end=2),
        ParsedItem(title="Report B", number="3", printed_page=4, printed_page_end=5),
    ]
    assign_page_ranges(items, pages, first_paper_page=2)
    assert (items[0].page_start, items[0].has_paper) == (1, False)
    assert (items[1].page_start, items[1].page_end, items[1].has_paper) == (2, 3, True)
    assert (items[2].page_start, items[2].page_end) == (5, 6)
