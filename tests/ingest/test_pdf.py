"""Opening PDFs: clerk-readable refusals, fast raw text, the OCR path for scans."""

from __future__ import annotations

import shutil

import pypdfium2 as pdfium
import pytest

from documents.ingest.errors import IngestError
from documents.ingest.ocr import lacks_text_layer, ocr_pages
from documents.ingest.pdf import normalise_raw, read_pdf, sniff_problem
from tests.fixtures.bad.build import encrypted_pdf
from tests.shared_papers import paper

PACK = paper("dorset-people-and-health-2021-09-02-agenda-pack.pdf")
SCAN = paper("us_alameda_planning-board_2007-01-31_minutes.pdf")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"<!DOCTYPE html><html><body>Not found</body></html>", "HTML"),
        (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml word/document.xml", "Word"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Word"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "damaged"),
    ],
)
def test_it_refuses_files_that_are_not_readable_pdfs(tmp_path, content, words):
    path = tmp_path / "upload.pdf"
    path.write_bytes(content)
    with pytest.raises(IngestError) as error:
        read_pdf(path)
    assert words in str(error.value)
    assert "\n" not in str(error.value)


def test_it_says_when_a_pdf_is_password_protected(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_pdf())
    with pytest.raises(IngestError, match="password-protected"):
        read_pdf(path)


def test_it_enforces_size_and_page_limits():
    with pytest.raises(IngestError, match="over the 1 KB limit"):
        read_pdf(PACK, max_bytes=1024)
    with pytest.raises(IngestError, match="has 90 pages, over the 50-page limit"):
        read_pdf(PACK, max_pages=50)


def test_it_reads_every_page_of_a_pack_quickly():
    extracted = read_pdf(PACK)
    assert len(extracted.pages) == 90
    assert extracted.pages[0].number == 1
    assert "People and Health Overview Committee" in extracted.pages[0].raw_text
    assert "\r" not in extracted.pages[0].raw_text
    assert extracted.tables  # some pages carry drawn tables


def test_sniffing_accepts_a_pdf_header_after_junk():
    assert sniff_problem(b"\n\n%PDF-1.4\n") is None
    assert sniff_problem(b"\x00\x05junk from a mail gateway\r\n%PDF-1.7\n") is None


@pytest.mark.parametrize(
    "head",
    [
        b"<!DOCTYPE html><html><body>x</body></html>\n%PDF-1.4\n",
        b"<script>alert(1)</script>%PDF-1.4\n",
        b"\xef\xbb\xbf  <!-- a comment -->\n%PDF-1.4\n",
        b"<?xml version='1.0'?><svg/>%PDF-1.4",
        "<html>".encode("utf-16-le") + b"%PDF-1.4",
    ],
)
def test_sniffing_refuses_markup_before_the_pdf_header(head):
    assert "starts as a web page, with a PDF after it" in sniff_problem(head)


def test_sniffing_wants_the_header_within_the_first_kilobyte():
    assert sniff_problem(b" " * 1019 + b"%PDF-1.4\n") is None
    assert "does not start like one" in sniff_problem(b"x" * 1020 + b"%PDF-1.4\n")


def test_tab_separated_words_become_spaces():
    assert normalise_raw("Members\t\r \xa0of\t\r \xa0the\r\nCouncil") == "Members of the\nCouncil"


def test_a_scan_is_flagged_as_having_no_text_layer():
    pages = read_pdf(SCAN).pages
    assert lacks_text_layer(pages)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_a_scanned_page_is_read_by_ocr():
    pages = read_pdf(SCAN).pages[:1]
    assert ocr_pages(SCAN, pages)
    assert pages[0].ocr
    assert "minutes" in pages[0].raw_text.lower()


def test_a_concatenated_document_keeps_every_page(tmp_path):
    merged = pdfium.PdfDocument.new()
    for _ in range(2):
        source = pdfium.PdfDocument(str(PACK))
        merged.import_pages(source)
        source.close()
    target = tmp_path / "merged.pdf"
    merged.save(str(target))
    merged.close()
    assert len(read_pdf(target).pages) == 180
