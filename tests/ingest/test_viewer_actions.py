"""Active content as pdfium, the engine that renders the PDF, sees it.

The hidden-action files in the bad-input corpus keep their action object out of a broken
cross-reference table. These tests show that pdfium really does find each action (so the
refusals tested elsewhere are not vacuous), that the file's own table does not list it,
and that the portal's check finds what pdfium finds, on the page and in the document.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1

from documents.ingest import pdf as pdf_module
from documents.ingest.active_content import (
    AUTOMATIC,
    EMBEDDED,
    FORM_ACTIONS,
    JAVASCRIPT,
    LAUNCH,
    RICH_MEDIA,
    XFA,
    find_active_content,
    structural_findings,
)
from documents.ingest.errors import IngestError
from documents.ingest.pdf import read_pdf
from documents.ingest.viewer_actions import document_findings, page_findings
from tests.fixtures.bad import build as corpus
from tests.fixtures.bad.pdfwriter import Writer

BAD = Path(corpus.__file__).parent
HIDDEN = [
    "hidden-open-action-javascript.pdf",
    "hidden-page-action-javascript.pdf",
    "hidden-launch-link.pdf",
]


def _action_number(path: Path) -> int:
    """The number of the file's one action object (``N 0 obj << /Type /Action``)."""
    [number] = re.findall(rb"(\d+) 0 obj\s*<< /Type /Action", path.read_bytes())
    return int(number)


def _listed_in_own_table(path: Path) -> set[int]:
    with path.open("rb") as handle:
        document = PDFDocument(PDFParser(handle))
        return {objid for xref in document.xrefs for objid in xref.get_objids()}


def _as_pdfium_resolves_it(pdf: pdfium.PdfDocument) -> PDFDocument:
    """The objects pdfium resolved, written out by pdfium itself and read back."""
    buffer = io.BytesIO()
    pdf.save(buffer, flags=pdfium_c.FPDF_NO_INCREMENTAL)
    buffer.seek(0)
    return PDFDocument(PDFParser(buffer))


def _page_actions(page: pdfium.PdfPage) -> dict[str, int]:
    """Each action pdfium reports on the page: its open action and links' actions, by type."""
    found = {}
    action = pdfium_c.FPDF_GetPageAAction(page.raw, pdfium_c.FPDFPAGE_AACTION_OPEN)
    if action:
        found["page opens"] = pdfium_c.FPDFAction_GetType(action)
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annotation = pdfium_c.FPDFPage_GetAnnot(page.raw, index)
        link = pdfium_c.FPDFAnnot_GetLink(annotation)
        if link and pdfium_c.FPDFLink_GetAction(link):
            found["link"] = pdfium_c.FPDFAction_GetType(pdfium_c.FPDFLink_GetAction(link))
        pdfium_c.FPDFPage_CloseAnnot(annotation)
    return found


@pytest.mark.parametrize("name", HIDDEN)
def test_a_hidden_action_is_missing_from_the_files_table_and_pdfium_rebuilds_it(name):
    path = BAD / name
    number = _action_number(path)
    assert number not in _listed_in_own_table(path)
    pdf = pdfium.PdfDocument(str(path))
    try:
        assert not pdfium_c.FPDF_DocumentHasValidCrossReferenceTable(pdf.raw)
        assert "Borsetshire County Council" in pdf[0].get_textpage().get_text_bounded()
    finally:
        pdf.close()


def test_pdfium_runs_the_hidden_script_when_the_document_opens():
    pdf = pdfium.PdfDocument(str(BAD / "hidden-open-action-javascript.pdf"))
    try:
        catalog = _as_pdfium_resolves_it(pdf).catalog
        action = resolve1(catalog["OpenAction"])
        assert action["S"].name == "JavaScript" and b"app.alert" in resolve1(action["JS"])
    finally:
        pdf.close()


def test_pdfium_runs_the_hidden_script_when_the_page_opens():
    pdf = pdfium.PdfDocument(str(BAD / "hidden-page-action-javascript.pdf"))
    try:
        # pdfium names no type for a script: it reports the action, "unsupported".
        assert _page_actions(pdf[0]) == {"page opens": pdfium_c.PDFACTION_UNSUPPORTED}
        resolved = _as_pdfium_resolves_it(pdf)
        [page] = resolve1(resolve1(resolved.catalog["Pages"])["Kids"])
        action = resolve1(resolve1(resolve1(page)["AA"])["O"])
        assert action["S"].name == "JavaScript"
    finally:
        pdf.close()


def test_pdfium_finds_the_hidden_link_that_starts_a_program():
    pdf = pdfium.PdfDocument(str(BAD / "hidden-launch-link.pdf"))
    try:
        assert _page_actions(pdf[0]) == {"link": pdfium_c.PDFACTION_LAUNCH}
    finally:
        pdf.close()


@pytest.mark.parametrize(
    ("name", "finding"),
    [
        ("hidden-open-action-javascript.pdf", JAVASCRIPT),
        ("hidden-page-action-javascript.pdf", JAVASCRIPT),
        ("hidden-launch-link.pdf", LAUNCH),
    ],
)
def test_the_check_finds_what_pdfium_finds_though_the_file_hides_it(name, finding):
    path = BAD / name
    assert structural_findings(path) == set()  # reading the file's own table finds nothing
    pdf = pdfium.PdfDocument(str(path))
    try:
        assert finding in find_active_content(path, pdf)
    finally:
        pdf.close()
    with pytest.raises(IngestError, match=f"contains {finding}, which"):
        read_pdf(path)


def test_a_broken_table_alone_is_no_reason_to_refuse(tmp_path):
    pdf = Writer()
    tree = pdf.text_pages([["Agenda", "1. Apologies for absence"]])
    catalog = pdf.add(b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
    path = tmp_path / "broken-table.pdf"
    path.write_bytes(pdf.write(catalog, hidden=1))  # the font, found only by rebuilding
    document = pdfium.PdfDocument(str(path))
    assert not pdfium_c.FPDF_DocumentHasValidCrossReferenceTable(document.raw)
    document.close()
    assert "Apologies for absence" in read_pdf(path).pages[0].raw_text


SCRIPT = b"<< /S /JavaScript /JS (app.alert(1)) >>"
FORM = b" /AcroForm << /Fields [] >>"


def _annotation(entries: bytes) -> bytes:
    return b" /Annots [<< /Type /Annot /Rect [0 0 9 9] %s >>]" % entries


def _link(action: bytes) -> bytes:
    return _annotation(b"/Subtype /Link /A %s" % action)


# (extra for the page, extra for the catalogue) -> what pdfium finds there (None: nothing).
AS_PDFIUM_SEES = {
    "page-open-script": (b" /AA << /O %s >>" % SCRIPT, b"", AUTOMATIC),
    "page-open-web-address": (
        b" /AA << /O << /S /URI /URI (https://x.invalid/) >> >>",
        b"",
        AUTOMATIC,
    ),
    "page-open-turns-page": (b" /AA << /O << /S /GoTo /D [0 /Fit] >> >>", b"", None),
    "field-keystroke-script": (
        _annotation(b"/Subtype /Widget /FT /Tx /T (a) /AA << /K %s >>" % SCRIPT),
        FORM,
        FORM_ACTIONS,
    ),
    "submit-button": (
        _annotation(
            b"/Subtype /Widget /FT /Btn /T (b) /A << /S /SubmitForm /F (https://x.invalid/) >>"
        ),
        FORM,
        FORM_ACTIONS,
    ),
    "plain-form-field": (_annotation(b"/Subtype /Widget /FT /Tx /T (a)"), FORM, None),
    "pointer-enters-script": (
        _annotation(b"/Subtype /Square /AA << /E %s >>" % SCRIPT),
        b"",
        AUTOMATIC,
    ),
    "attachment-note": (
        _annotation(b"/Subtype /FileAttachment /FS << /Type /Filespec /F (a.exe) >>"),
        b"",
        EMBEDDED,
    ),
    "rich-media": (_annotation(b"/Subtype /RichMedia"), b"", RICH_MEDIA),
    "screen-rendition": (
        _annotation(b"/Subtype /Screen /A << /S /Rendition /OP 0 >>"),
        b"",
        RICH_MEDIA,
    ),
    "escaped-launch-link": (_link(b"<< /S /L#61unch /F (calc.exe) >>"), b"", LAUNCH),
    "embedded-file-link": (_link(b"<< /S /GoToE /T << /R /C /N (a) >> >>"), b"", EMBEDDED),
    "hex-script-address": (
        _link(b"<< /S /URI /URI <6A6176617363726970743A616C657274283129> >>"),
        b"",
        JAVASCRIPT,
    ),
    "utf-16-script-address": (
        _link(b"<< /S /URI /URI <FEFF006A006100760061007300630072006900700074003A0031> >>"),
        b"",
        JAVASCRIPT,
    ),
    "ordinary-web-link": (
        _link(b"<< /S /URI /URI (https://example.org/?javascript:) >>"),
        b"",
        None,
    ),
    "next-page-link": (_link(b"<< /S /Named /N /NextPage >>"), b"", None),
    "named-scripts": (b"", b" /Names << /JavaScript << /Names [(a) %s] >> >>" % SCRIPT, JAVASCRIPT),
    "xfa-form": (b"", b" /AcroForm << /Fields [] /XFA (<xdp/>) >>", XFA),
}


def _one_page(path: Path, page_extra: bytes, catalog_extra: bytes = b"", pages: int = 1) -> Path:
    pdf = Writer()
    extra = [b""] * (pages - 1) + [page_extra]
    tree = pdf.text_pages([["Agenda"]] * pages, extra=extra)
    path.write_bytes(
        pdf.write(pdf.add(b"<< /Type /Catalog /Pages %d 0 R%s >>" % (tree, catalog_extra)))
    )
    return path


@pytest.mark.parametrize("place", sorted(AS_PDFIUM_SEES))
def test_pdfium_finds_active_content_wherever_it_sits(place, tmp_path):
    page_extra, catalog_extra, finding = AS_PDFIUM_SEES[place]
    path = _one_page(tmp_path / f"{place}.pdf", page_extra, catalog_extra)
    pdf = pdfium.PdfDocument(str(path))
    try:
        found = document_findings(pdf) | page_findings(pdf[0])
    finally:
        pdf.close()
    assert found == ({finding} if finding else set())


@pytest.mark.parametrize("workers", [1, 2])
def test_what_pdfium_finds_on_a_page_refuses_the_paper(workers, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_module, "PARALLEL_MIN_PAGES", 2)  # two processes share 3 pages
    page_extra = AS_PDFIUM_SEES["page-open-web-address"][0]
    path = _one_page(tmp_path / "opens-a-website.pdf", page_extra, pages=3)
    assert structural_findings(path) == set()  # only pdfium, reading the page, sees it
    with pytest.raises(IngestError, match="contains actions that run by themselves"):
        read_pdf(path, workers=workers)
