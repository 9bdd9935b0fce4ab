"""Warm the fork server that every sandboxed reader is started from.

A reader child is forked from the fork server, so it starts with whatever the server holds.
Left cold, the first papers a child reads pay for importing the modules the parser loads
only when needed and for compiling the regular expressions it builds on first use: about
50 ms, as much as reading four small papers. The fork server imports this module once (it is
in ``sandbox._PRELOAD``), which makes two one-page papers (an agenda and minutes) and reads each
with the parser. Every child then starts warm.

Warming up is only ever a saving: any failure is logged and ignored.
"""

from __future__ import annotations

import ctypes
import logging
import os
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

AGENDA = [
    "Eastmere District Council",
    "Agenda",
    "Planning Committee",
    "Date: Tuesday, 3 March 2026 Time: 7.00 pm",
    "Venue: Council Chamber, Town Hall, Eastmere",
    "Membership: Councillors A Smith (Chair), B Jones (Vice-Chair), C Patel",
    "Part A - open to the public",
    "1. Apologies for absence",
    "2. Declarations of interest",
    "3. Minutes of the meeting held on 4 February 2026 (Pages 3 - 8)",
    "4. Land at Mill Lane, application 25/01234/FUL (Pages 9 - 20)",
    "Part B - exempt (paragraph 3 of Schedule 12A)",
    "5. Contract award",
]
MINUTES = [
    "Minutes of the meeting of the Planning Committee",
    "held on Tuesday, 3 March 2026 at 7.00 pm",
    "Present: Councillor A Smith (Chair), Councillors B Jones and C Patel",
    "Apologies: Councillor D Brown",
    "Officers: E Green (Head of Planning)",
    "1. Apologies for absence",
    "Apologies were received from Councillor D Brown.",
    "2. Declarations of interest",
    "Councillor Jones declared a personal interest in item 4 and left the room.",
    "3. Land at Mill Lane",
    "It was moved by Councillor Smith, seconded by Councillor Patel, carried 3-0.",
    "RESOLVED: (a) That the application be approved; (b) That conditions be delegated.",
    "Chair: ..................... Date: 7 April 2026",
]


def _paper(path: Path, lines: list[str]) -> None:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument.new()
    font = pdfium_c.FPDFText_LoadStandardFont(pdf.raw, b"Helvetica")
    page = pdf.new_page(595, 842)
    for number, line in enumerate(lines):
        text = pdfium_c.FPDFPageObj_CreateTextObj(pdf.raw, font, 11.0)
        encoded = ctypes.create_string_buffer((line + "\0").encode("utf-16-le"))
        pdfium_c.FPDFText_SetText(text, ctypes.cast(encoded, pdfium_c.FPDF_WIDESTRING))
        pdfium_c.FPDFPageObj_Transform(text, 1, 0, 0, 1, 56, 790 - 18 * number)
        pdfium_c.FPDFPage_InsertObject(page.raw, text)
    page.gen_content()
    pdf.save(str(path))


def warm_up() -> None:
    from .parser import parse_pdf

    handle, name = tempfile.mkstemp(suffix=".pdf", prefix="warm-up-")
    os.close(handle)
    path = Path(name)
    try:
        for lines in (AGENDA, MINUTES):
            _paper(path, lines)
            parse_pdf(path, ocr=False)
    except Exception:  # noqa: BLE001 - a cold start is slower, never wrong
        log.debug("warming the PDF reader up failed", exc_info=True)
    finally:
        path.unlink(missing_ok=True)


warm_up()
