"""Write small text PDFs for tests, with pypdfium2 (real text objects in a real text layer)."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

WIDTH, HEIGHT = 595, 842  # A4 in points


def _line(pdf: pdfium.PdfDocument, page, text: str, y: float, size: float = 11) -> None:
    obj = raw.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(size))
    encoded = (text + "\0").encode("utf-16-le")
    raw.FPDFText_SetText(obj, (ctypes.c_ushort * (len(encoded) // 2)).from_buffer_copy(encoded))
    raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, ctypes.c_double(56), ctypes.c_double(y))
    raw.FPDFPage_InsertObject(page.raw, obj)


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    """Each page is a list of lines, printed top to bottom."""
    pdf = pdfium.PdfDocument.new()
    for lines in pages:
        page = pdf.new_page(WIDTH, HEIGHT)
        for n, text in enumerate(lines):
            _line(pdf, page, text, HEIGHT - 60 - n * 16)
        raw.FPDFPage_GenerateContent(page.raw)
        page.close()
    pdf.save(str(path))
    pdf.close()
    return path
