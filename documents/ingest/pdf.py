"""Opening PDFs safely and pulling out each page's text layer with pypdfium2 (fast).

``open_checked`` refuses, with a clerk-readable :class:`IngestError`, anything that is not a
readable PDF: empty files, HTML pages (alone or with a PDF glued after them), Word documents
renamed to .pdf, files over the size or page limit, password-protected and damaged PDFs, and
PDFs the portal will not publish as they are (JavaScript, programs to launch, embedded
files, rich media, forms that act; see ``active_content``). ``read_pdf`` then extracts the
raw text of every page (~450 pages/s), asking pdfium as it goes what each page would do
(its actions, its annotations'); pdfplumber is never used here.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import re
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .active_content import active_content_problem, problem_for
from .cleaning import strip_controls
from .errors import IngestError, size_words
from .layout import page_lines, plain_function
from .parsed import PageContent
from .row_fragments import rejoin_row_fragments
from .ruled_tables import RuledTable, page_tables
from .signature import HEAD_BYTES, sniff_problem
from .viewer_actions import page_findings

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
DEFAULT_MAX_PAGES = 5000
# A page with at least this many vector path objects (ruling lines, cell borders) may hold a
# real table; only such pages are offered to pdfplumber's (slow) table finder.
RULED_PAGE_MIN_PATHS = 8
PARALLEL_MIN_PAGES = 150  # shorter documents are read in one process


@dataclass
class PdfText:
    """What one pass over a PDF yields: pages' raw text, metadata title, pages with rulings."""

    pages: list[PageContent]
    title: str | None = None
    tables: dict[int, list[RuledTable]] = field(default_factory=dict)
    active: set[str] = field(default_factory=set)  # what pdfium found on the pages


def open_checked(
    path: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> pdfium.PdfDocument:
    """Open a PDF with pypdfium2 after every check a clerk-facing error can explain."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except FileNotFoundError as error:
        raise IngestError(f"the file {path.name} could not be found") from error
    except OSError as error:
        raise IngestError(f"the file {path.name} could not be read") from error
    if size == 0:
        raise IngestError("the file is empty")
    if size > max_bytes:
        raise IngestError(f"the file is {size_words(size)}, over the {size_words(max_bytes)} limit")
    problem = sniff_problem(head)
    if problem:
        raise IngestError(problem)
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        raise IngestError(_load_error_message(error)) from error
    pages = len(pdf)
    if pages == 0:
        pdf.close()
        raise IngestError("the PDF has no pages")
    if pages > max_pages:
        pdf.close()
        raise IngestError(f"the PDF has {pages:,} pages, over the {max_pages:,}-page limit")
    try:
        problem = active_content_problem(path, pdf)
    except BaseException:
        pdf.close()
        raise
    if problem:
        pdf.close()
        raise IngestError(problem)
    return pdf


def _load_error_message(error: pdfium.PdfiumError) -> str:
    code = getattr(error, "err_code", None)
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return (
            "the file is password-protected (encrypted); save an unprotected copy and upload that"
        )
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return "the PDF uses a security handler that cannot be opened; save an unprotected copy"
    return "the PDF is damaged or truncated; save or download it again and upload the new copy"


_CRLF = re.compile(r"\r\n?")
# Quartz (Mac) PDFs separate words with "\t\r\xa0": a word gap, not a line break.
_TAB_RUN = re.compile(r"[ \xa0]*\t(?:[ \t\xa0]|\r(?!\n))*")


def normalise_raw(text: str) -> str:
    """Extracted text with uniform line ends; tab-separated words joined by single spaces."""
    text = _TAB_RUN.sub(" ", text)
    return strip_controls(_CRLF.sub("\n", text).replace("\f", "\n"))


_count_objects = plain_function(pdfium_c.FPDFPage_CountObjects, ctypes.c_int, ctypes.c_void_p)
_get_object = plain_function(
    pdfium_c.FPDFPage_GetObject, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int
)
_object_type = plain_function(pdfium_c.FPDFPageObj_GetType, ctypes.c_int, ctypes.c_void_p)


def _path_count(page: pdfium.PdfPage, limit: int) -> int:
    """The page's top-level path objects, counted up to ``limit`` (in pdfium, without
    making a Python object for each of the page's objects)."""
    raw = ctypes.cast(page.raw, ctypes.c_void_p).value
    count = 0
    for index in range(_count_objects(raw)):
        if _object_type(_get_object(raw, index)) == pdfium_c.FPDF_PAGEOBJ_PATH:
            count += 1
            if count >= limit:
                break
    return count


def _metadata_title(pdf: pdfium.PdfDocument) -> str | None:
    try:
        title = (pdf.get_metadata_value("Title") or "").strip()
    except Exception:  # noqa: BLE001 - metadata is optional decoration
        return None
    return strip_controls(title) or None


def read_pdf(
    path: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int = DEFAULT_MAX_PAGES,
    workers: int = 1,
) -> PdfText:
    """Check and open the PDF, then read every page's raw text, its title and its ruled tables.

    A long document is read by ``workers`` processes, each taking a run of pages.
    """
    extracted = _read(path, max_bytes, max_pages, workers)
    problem = problem_for(extracted.active)
    if problem:
        raise IngestError(problem)
    return extracted


def _read(path, max_bytes: int, max_pages: int, workers: int) -> PdfText:
    pdf = open_checked(path, max_bytes=max_bytes, max_pages=max_pages)
    try:
        count, title = len(pdf), _metadata_title(pdf)
        if workers < 2 or count < PARALLEL_MIN_PAGES:
            return PdfText(title=title, **_read_range(pdf, 0, count))
    finally:
        pdf.close()
    step = -(-count // workers)
    ranges = [(str(path), start, min(start + step, count)) for start in range(0, count, step)]
    with multiprocessing.get_context("fork").Pool(len(ranges)) as pool:
        parts = pool.starmap(_read_range_of_file, ranges)
    extracted = PdfText(pages=[], title=title)
    for part in parts:
        extracted.pages += part["pages"]
        extracted.tables.update(part["tables"])
        extracted.active |= part["active"]
    return extracted


def _read_range_of_file(path: str, start: int, stop: int):
    pdf = pdfium.PdfDocument(path)
    try:
        return _read_range(pdf, start, stop)
    finally:
        pdf.close()


def _read_range(pdf: pdfium.PdfDocument, start: int, stop: int) -> dict:
    """Pages ``start`` to ``stop``: their text, ruled tables and what pdfium found on them."""
    pages: list[PageContent] = []
    tables: dict[int, list[RuledTable]] = {}
    active: set[str] = set()
    for index in range(start, stop):
        try:
            page = pdf[index]
        except pdfium.PdfiumError as error:
            raise IngestError(
                f"page {index + 1} of the PDF is damaged; save or download it again"
            ) from error
        textpage = page.get_textpage()
        try:
            active |= page_findings(page)
            extracted = textpage.get_text_bounded()
            text = normalise_raw(extracted)
            layout = page_lines(textpage, extracted, page.get_height(), text)
            text, layout = rejoin_row_fragments(text, layout)
            if _path_count(page, RULED_PAGE_MIN_PATHS) >= RULED_PAGE_MIN_PATHS:
                found = page_tables(page, textpage)
                for table in found:
                    table.rows = [[strip_controls(cell) for cell in row] for row in table.rows]
                if found:
                    tables[index + 1] = found
        finally:
            textpage.close()
            page.close()
        pages.append(PageContent(number=index + 1, raw_text=text, layout=layout))
    return {"pages": pages, "tables": tables, "active": active}


def read_pages(
    path: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> list[PageContent]:
    """Every page of a checked PDF as PageContent holding only its raw text."""
    return read_pdf(path, max_bytes=max_bytes, max_pages=max_pages).pages


def raw_page_texts(path: str | Path) -> list[str]:
    """The text layer of every page, in order, as pypdfium2 extracts it (unchecked)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [_page_text(pdf[index]) for index in range(len(pdf))]
    finally:
        pdf.close()


def _page_text(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        return textpage.get_text_bounded()
    finally:
        textpage.close()
        page.close()
