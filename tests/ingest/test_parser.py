"""parse_pdf end to end on real fixtures: kind, meeting, items, cleaned pages."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from documents.ingest.errors import IngestError
from documents.ingest.parser import parse_pdf
from tests.shared_papers import paper


def test_an_agenda_pack_end_to_end():
    document = parse_pdf(paper("dorset-people-and-health-2021-09-02-agenda-pack.pdf"))
    assert document.kind == "agenda-pack"
    assert document.title == "Agenda reports pack"
    assert document.page_count == 90
    assert document.meeting.committee == "People and Health Overview Committee"
    assert document.meeting.date == dt.date(2021, 9, 2)
    assert document.items
    assert any(page.blank for page in document.pages)
    assert any(block.kind == "table" for page in document.pages for block in page.blocks)
    assert all(page.text or page.blank for page in document.pages)


def test_minutes_end_to_end():
    document = parse_pdf(paper("dorset-cabinet-2017-10-04-minutes.pdf"))
    assert document.kind == "minutes"
    assert document.title == "Minutes"
    assert document.meeting.organisation == "Dorset County Council"
    assert document.meeting.start_time == dt.time(10, 0)
    assert document.attendance is not None


def test_a_given_kind_overrides_detection():
    document = parse_pdf(paper("uk_kent_cabinet_2025-01-30_agenda-frontsheet.pdf"), kind="agenda")
    assert document.kind == "agenda"
    with pytest.raises(IngestError):
        parse_pdf(paper("uk_kent_cabinet_2025-01-30_agenda-frontsheet.pdf"), kind="memo")


def test_a_scan_without_ocr_is_flagged_not_refused():
    document = parse_pdf(paper("us_alameda_planning-board_2007-01-31_minutes.pdf"), ocr=False)
    assert not document.has_text_layer
    assert not document.ocr_used
    assert document.warnings


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_a_scan_is_read_by_ocr():
    document = parse_pdf(paper("us_alameda_planning-board_2007-01-31_minutes.pdf"))
    assert document.ocr_used and all(page.ocr for page in document.pages)
    assert document.kind == "minutes"
    assert document.meeting.date is not None
