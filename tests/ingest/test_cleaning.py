"""Cleaning pages: stamps and running heads go, words stay, bullets become lists."""

from __future__ import annotations

from pathlib import Path

from documents.ingest.blocks import build_blocks
from documents.ingest.cleaning import clean_lines, is_blank_text, running_lines
from documents.ingest.pages import finish_pages
from documents.ingest.pdf import read_pdf

PAPERS = Path(__file__).resolve().parents[1] / "fixtures" / "papers"
PACK = PAPERS / "dorset-people-and-health-2021-09-02-agenda-pack.pdf"


def test_page_stamps_and_item_marks_are_removed_but_words_kept():
    raw = "Agenda Item 6\nThe council will review\nthe budget in March.\nPage 23"
    lines = [line for line in clean_lines(raw) if line]
    assert lines == ["The council will review", "the budget in March."]


def test_running_footers_are_found_by_repetition_not_wording():
    bodies = ["Roads were mended.", "A hub opened.", "Staff were hired.", "Grants paid."]
    pages = [
        f"Borsetshire Parish Council - Minutes\n{body}\nFolio {n}" for n, body in enumerate(bodies)
    ]
    running = running_lines(pages)
    assert "borsetshire parish council - minutes" in running
    assert "folio #" in running
    assert clean_lines(pages[2], running) == ["Staff were hired."]


def test_symbol_font_bullets_become_list_items():
    lines = clean_lines(
        "We will:\n\uf0b7 mend the roads\n\u2022 open a hub in\nthe town\no hire staff"
    )
    blocks = build_blocks(lines)
    lists = [b for b in blocks if b.kind == "list"]
    assert lists and lists[0].items == ["mend the roads", "open a hub in the town", "hire staff"]


def test_hard_wrapped_lines_rebuild_a_paragraph_and_hyphens_join():
    lines = [
        "1. Purpose of Report",
        "To seek approval for a scheme that will be co-",
        "ordinated across the county and reviewed each",
        "year.",
    ]
    blocks = build_blocks(lines)
    assert blocks[0].kind == "heading" and blocks[0].text == "1. Purpose of Report"
    assert blocks[1].text == (
        "To seek approval for a scheme that will be co-ordinated across the county and "
        "reviewed each year."
    )


def test_blank_pages_are_marked():
    assert is_blank_text("  This page is intentionally left blank  ")
    assert is_blank_text("")
    assert not is_blank_text("Apologies were received.")


def test_pack_pages_are_cleaned_with_tables_and_blank_pages():
    pages = read_pdf(PACK).pages
    finish_pages(pages)
    assert pages[3].blank  # "This page is intentionally left blank"
    assert all("Page 2" not in line for line in pages[1].text.splitlines())
    assert "APOLOGIES" in pages[1].text
    raw_words = set(pages[10].raw_text.split()) - {"Page", "11"}
    assert raw_words <= set(pages[10].text.split())
