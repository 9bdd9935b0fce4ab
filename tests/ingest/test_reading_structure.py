"""The reading structure read from the page layout: front sheets as label/value pairs,
headings from size and weight (a wrapped one kept whole), paragraphs split by line pitch,
printed list numbers, and ruled tables with their merged header cells."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

from documents.ingest.blocks import blocks_text
from documents.ingest.parser import parse_pdf

ROOT = Path(__file__).resolve().parents[2]
PAPERS = ROOT / "tests" / "fixtures" / "papers"
PACK = PAPERS / "dorset-people-and-health-2021-09-02-agenda-pack.pdf"
MINUTES = PAPERS / "dorset-cabinet-2017-10-04-minutes.pdf"
# ../shared from the project root; PORTAL_SHARED points elsewhere (a worktree).
SHARED = Path(os.environ.get("PORTAL_SHARED") or ROOT.parent / "shared")
GLOUCESTER = (
    SHARED
    / "real-papers"
    / "uk_gloucester_cabinet_2025-12-10_report_council-tax-support-scheme.pdf"
)
BRISTOL = (
    SHARED
    / "real-papers-more"
    / "uk_bristol_transport-connectivity-policy-committee_2024-09-12_printed-minutes.pdf"
)
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="no shared papers folder")


@cache
def blocks(path: Path, number: int) -> list[dict]:
    return [b.as_dict() for b in parse_pdf(path).pages[number - 1].blocks]


def of_kind(found: list[dict], kind: str) -> list[dict]:
    return [block for block in found if block["kind"] == kind]


def test_a_front_sheet_is_label_value_pairs_not_a_run_on_paragraph():
    page = blocks(PACK, 7)
    [pairs] = of_kind(page, "pairs")
    as_dict = dict(pairs["pairs"])
    assert as_dict["Portfolio Holder:"] == "Cllr P Wharf, Corporate Development and Change"
    assert as_dict["Local Councillor(s):"] == "All"
    assert as_dict["Executive Director:"] == "M Prosser, Chief Executive"
    assert as_dict["Report Status:"] == "Public"
    assert as_dict["Recommendation:"].startswith("That the Overview Committees make any final")
    assert not any("Portfolio Holder" in b.get("text", "") for b in of_kind(page, "paragraph"))


def test_every_front_sheet_of_the_pack_is_read_as_pairs():
    document = parse_pdf(PACK)
    fronts = [
        page.number
        for page in document.pages
        if any(
            block.kind == "pairs" and any(label == "Portfolio Holder:" for label, _ in block.pairs)
            for block in page.blocks
        )
    ]
    printed = [page.number for page in document.pages if "Portfolio Holder:" in page.raw_text]
    assert fronts and set(fronts) >= {7, 31, 65, 75}
    # the agenda's own pages name portfolio holders too, and page 42 is a ruled table
    assert len(fronts) >= len(printed) - 7


def test_a_wrapped_heading_stays_one_heading_and_the_title_outranks_the_committee():
    headings = of_kind(blocks(PACK, 31), "heading")
    texts = [h["text"] for h in headings]
    assert "Birth to Settled Adulthood 2021; Review and next steps" in texts
    assert "steps" not in texts
    title = next(h for h in headings if h["text"].startswith("Birth to Settled"))
    committee = next(h for h in headings if h["text"] == "People and Health Overview Committee")
    assert title["level"] < committee["level"]


def test_sub_headings_are_not_glued_into_the_bullets_before_them():
    page = blocks(PACK, 15)
    headings = [h["text"] for h in of_kind(page, "heading")]
    assert "What will we do" in headings and "How will we do it" in headings
    items = [item for block in of_kind(page, "list") for item in block["items"]]
    assert items and not any("How will we do it" in item for item in items)
    assert "Ensure Dorset is resilient to impacts for climate change" in items
    # the paragraph after the bullets, set back at the margin, is not the last bullet
    assert any(p["text"].startswith("Dorset Council must work") for p in of_kind(page, "paragraph"))


def test_minutes_paragraphs_are_split_where_the_printed_paragraphs_are():
    texts = [p["text"] for p in of_kind(blocks(PACK, 5), "paragraph")]
    assert "No declarations of disclosable pecuniary interests were made at the meeting." in texts
    assert any(t.startswith("Cllr Mary Penrose declared") for t in texts)
    assert any(t.startswith("The Executive Director of People - Adults explained") for t in texts)
    assert not any("pandemic. The Executive Director" in t for t in texts)


def test_resolutions_are_one_ordered_list_keeping_their_printed_numbers():
    page = blocks(MINUTES, 3)
    [resolved] = [b for b in of_kind(page, "list") if b["ordered"]]
    assert [item.split(" ", 1)[0] for item in resolved["items"]] == ["1.", "2.", "3.", "4.", "5."]
    assert resolved["items"][1] == (
        "2. That the investment of £363k in 2018/19, £1,238k in 2019/20 and £1,324k on an "
        "ongoing basis be approved."
    )
    assert [h["text"] for h in of_kind(page, "heading")] == ["Resolved", "Reasons for Decisions"]


def test_the_wide_table_keeps_its_two_header_rows_and_merged_cells():
    page = blocks(PACK, 39)
    wide, by_age = of_kind(page, "table")
    assert wide["header_rows"] == 2
    assert wide["rows"][0][:4] == ["Age", "CWD **", "", "CWD/LAC"]
    assert wide["rows"][0][-1] == "total forecast spend (June 2021)"
    assert wide["rows"][1][1:3] == ["total ind.", "yearly short break forecast"]
    spans = {(r, c): (rs, cs) for r, c, rs, cs in wide["spans"]}
    assert spans[(0, 0)] == (2, 1)  # "Age" runs down both header rows
    assert spans[(0, 1)] == (1, 2) and spans[(0, 3)] == (1, 2)  # groups over two columns
    assert spans[(0, 5)] == (1, 3)  # "CWD/Direct Payments" over three
    assert wide["rows"][-1][0] == "total investment" and wide["rows"][-1][-1] == "£6,266,861"
    assert by_age["header_rows"] == 1 and "spans" not in by_age
    assert by_age["rows"][0] == ["Age", "Total Ind.", "Total Cost per week", "Total cost per annum"]
    # the table's words are not repeated as a paragraph before it
    assert page[0]["kind"] == "table"
    assert not any("CWD/LAC" in b.get("text", "") for b in of_kind(page, "paragraph"))


def test_numbered_section_headings_are_headings_and_their_text_a_paragraph():
    page = blocks(PACK, 39)
    headings = [h["text"] for h in of_kind(page, "heading")]
    assert "2.8 Next steps - Timeline" in headings
    assert any(p["text"].startswith("Agreement to undergo") for p in of_kind(page, "paragraph"))


def test_the_search_text_keeps_every_word_of_a_front_sheet():
    document = parse_pdf(PACK)
    page = document.pages[6]
    text = blocks_text(page.blocks)
    assert "Portfolio Holder: Cllr P Wharf, Corporate Development and Change" in text
    raw_words = {w for w in page.raw_text.split() if w.isalnum()} - {"Page", "7", "Agenda", "Item"}
    assert raw_words <= set(text.split())


@needs_shared
def test_a_gloucester_front_sheet_set_in_columns_is_pairs():
    page = blocks(GLOUCESTER, 1)
    pairs = dict(of_kind(page, "pairs")[0]["pairs"])
    assert pairs["Meeting:"] == "Cabinet Council"
    assert pairs["Subject:"] == "Local Council Tax Support Scheme 2026/27"
    assert pairs["Wards Affected:"] == "All"
    assert pairs["Contact Officer:"].startswith("Karen Haile, Service Delivery Manager")
    assert not any(h["text"].startswith("Wards Affected") for h in of_kind(page, "heading"))
    assert "1.0 Purpose of Report" in [h["text"] for h in of_kind(page, "heading")]


@needs_shared
def test_bristol_minutes_have_their_minutes_as_headings_and_paragraphs_apart():
    page = blocks(BRISTOL, 1)
    headings = [h["text"] for h in of_kind(page, "heading")]
    assert "1 Welcome, Introductions and Safety Information" in headings
    assert "3 Declarations of Interest" in headings
    texts = [p["text"] for p in of_kind(page, "paragraph")]
    assert "The Chair asked the Committee members to introduce themselves." in texts
    assert (
        "The Chair welcomed all attendees to the meeting and explained the emergency "
        "evacuation procedure."
    ) in texts


@needs_shared
def test_a_kent_record_of_decision_has_its_boxed_labels_above_their_values_as_pairs():
    path = SHARED / "real-papers" / "uk_kent_record-of-decision_24-00093.pdf"
    pairs = dict(of_kind(blocks(path, 1), "pairs")[0]["pairs"])
    assert pairs["DECISION TO BE TAKEN BY:"] == (
        "Mrs Sue Chandler, Cabinet Member for Integrated Children’s Services"
    )
    assert pairs["DECISION NUMBER:"] == "24/00093"
