"""No control characters reach the stored text: U+0002 is the hyphen pdfium writes for one."""

from __future__ import annotations

import re

from documents.ingest.cleaning import strip_controls
from documents.ingest.pdf import normalise_raw
from tests.ingest.pages import shared_paper_pages

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def test_u0002_becomes_a_hyphen_and_other_controls_go():
    assert strip_controls("Paul Barrington\x02King") == "Paul Barrington-King"
    assert strip_controls("a\x00b\x07c\x1bd\x85e") == "abcde"
    assert strip_controls("line one\n\tline two") == "line one\n\tline two"


def test_extracted_text_is_normalised_without_controls():
    assert normalise_raw("Cllr A Smith\x02Jones\r\nPage\x0c2\x01") == "Cllr A Smith-Jones\nPage\n2"


def test_a_real_paper_with_u0002_reads_clean():
    pages = shared_paper_pages("uk_kent_county-council_2025-02-13_minutes")
    text = "\n".join(page.raw_text for page in pages)
    assert not _CONTROL.search(text)
    assert "-" in pages[0].raw_text
