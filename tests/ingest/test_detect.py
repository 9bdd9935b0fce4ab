"""Telling the kind of paper from its content, on real fixtures and other house styles."""

from __future__ import annotations

import json

import pytest

from documents.ingest.detect import detect_kind
from documents.ingest.parsed import PageContent
from documents.ingest.pdf import read_pdf
from tests.shared_papers import floor_papers, paper

WITH_TRUTH = floor_papers()


def _pages(*texts: str) -> list[PageContent]:
    return [PageContent(number=n, raw_text=t) for n, t in enumerate(texts, 1)]


@pytest.mark.parametrize(("path", "truth_file"), WITH_TRUTH, ids=lambda p: p.name)
def test_it_detects_the_kind_of_every_fixture_with_truth(path, truth_file):
    truth = json.loads(truth_file.read_text())
    extracted = read_pdf(path)
    assert detect_kind(extracted.pages, extracted.title) == truth["kind"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("uk_kent_cabinet_2025-01-30_supplementary-pack_PROD-24-00096.pdf", "supplement"),
        ("uk_hertingfordbury-pc_2019-02-13_agenda.pdf", "agenda"),
        ("uk_kent_county-council_2025-03-13_agenda-frontsheet.pdf", "agenda"),
    ],
)
def test_it_detects_other_real_fixtures(name, kind):
    extracted = read_pdf(paper(name))
    assert detect_kind(extracted.pages, extracted.title) == kind


def test_minutes_in_another_house_style():
    text = (
        "WESTBROOK TOWN COUNCIL\nMinutes of the Planning Committee\nheld on 3 May 2022\n"
        "Members present: Cllrs A Smith, B Jones\n1. Apologies\nNone.\n"
        "2. Planning applications\nIt was RESOLVED to object."
    )
    assert detect_kind(_pages(text)) == "minutes"


def test_a_decision_notice():
    text = "Notice of Key Decision\nDecision maker: Cabinet Member for Highways\nDecision: approve"
    assert detect_kind(_pages(text)) == "decision"


def test_an_update_sheet_is_a_supplement():
    text = "Planning Committee 4 June 2024\nUpdate Sheet\nItem 5: 23/0012/FUL late representation"
    assert detect_kind(_pages(text)) == "supplement"


def test_a_single_report():
    text = (
        "Report to: Licensing Committee\nReport of: Head of Regulatory Services\n"
        "Subject: Taxi fares review\n1. Purpose of Report\nTo review fares.\n"
        "2. Recommendations\nThat the fares be approved."
    )
    assert detect_kind(_pages(text)) == "report"


def test_an_agenda_front_sheet_then_papers_is_a_pack():
    front = (
        "Notice of Meeting\nAudit Panel\nTuesday 5 March 2024 at 6.30 pm\nAGENDA\n"
        "1. Apologies\n2. Minutes (Pages 1 - 4)\n3. Risk register (Pages 5 - 12)\n"
        "4. Internal audit plan (Pages 13 - 20)"
    )
    papers = [
        f"Agenda Item {n}\nReport of the Treasurer\nBody text of the paper." for n in range(5)
    ]
    assert detect_kind(_pages(front, "More of the list", *papers)) == "agenda-pack"
    assert detect_kind(_pages(front)) == "agenda"


def test_a_minutes_title_block_wins_over_supplement_words_below_it():
    from documents.ingest.detect import detect_kind
    from tests.ingest.pages import text_pages

    text = (
        "SPRINGFIELD PARKS COMMISSION\nMINUTES FOR REGULAR MEETING\nDATE: Thursday, "
        "September 14, 2023\nTIME: 7:00 p.m. Called to Order\nPLACE: City Hall\n"
        "Additional information on the items is on the city website.\n1. ROLL CALL\n"
        "Present: Commissioner Burney\n2. ADJOURNMENT\n"
    )
    assert detect_kind(text_pages(text)) == "minutes"
