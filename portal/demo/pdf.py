"""Write plain text PDFs with pypdfium2: real text objects in a real text layer, or, for a
"scanned" paper, each page drawn as a picture with no text layer at all.

The same input always gives the same bytes (no dates, no random identifiers), so a
generated archive is reproducible and re-ingesting it reports every paper ``unchanged``.
"""

from __future__ import annotations

import ctypes
import hashlib
import io
import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

WIDTH, HEIGHT = 595, 842  # A4 in points
LEFT, TOP, LEADING = 56, 60, 16
LINES_PER_PAGE = (HEIGHT - 2 * TOP) // LEADING  # 45


def _line(pdf: pdfium.PdfDocument, page, text: str, y: float, size: float = 11) -> None:
    obj = raw.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(size))
    encoded = (text + "\0").encode("utf-16-le")
    raw.FPDFText_SetText(obj, (ctypes.c_ushort * (len(encoded) // 2)).from_buffer_copy(encoded))
    raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, ctypes.c_double(LEFT), ctypes.c_double(y))
    raw.FPDFPage_InsertObject(page.raw, obj)


def _picture(pdf: pdfium.PdfDocument, page, lines: list[str]) -> None:
    """The lines as a greyscale picture filling the page, as a scanner would make it."""
    from PIL import Image, ImageDraw, ImageFont

    scale = 2  # pixels per point: 144 dpi
    picture = Image.new("L", (WIDTH * scale, HEIGHT * scale), 250)
    draw = ImageDraw.Draw(picture)
    font = ImageFont.load_default(size=11 * scale)
    for n, text in enumerate(lines):
        draw.text((LEFT * scale, (TOP + n * LEADING) * scale), text, fill=20, font=font)
    image = pdfium.PdfImage.new(pdf)
    bitmap = pdfium.PdfBitmap.from_pil(picture)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(WIDTH, HEIGHT))
    page.insert_obj(image)
    bitmap.close()


def _reproducible(data: bytes) -> bytes:
    """pdfium stamps the time and a random file identifier: fix both, keeping every length
    (so the cross-reference offsets stay right); the identifier becomes a content digest."""
    data = re.sub(rb"\(D:\d{14}", b"(D:20250101000000", data)
    found = re.search(rb"/ID\[<([0-9A-F]{32})><([0-9A-F]{32})>\]", data)
    if found:
        digest = hashlib.sha256(data[: found.start()]).hexdigest()[:32].upper().encode()
        data = data[: found.start(1)] + digest + b"><" + digest + data[found.end(2) :]
    return data


def make_pdf(
    path: Path, pages: list[list[str]], scanned: bool = False, reproducible: bool = True
) -> Path:
    """Each page is a list of lines, printed top to bottom (at most ``LINES_PER_PAGE`` fit).
    ``reproducible=False`` keeps pdfium's time stamp and random identifier."""
    pdf = pdfium.PdfDocument.new()
    for lines in pages:
        page = pdf.new_page(WIDTH, HEIGHT)
        if scanned:
            _picture(pdf, page, lines)
        else:
            for n, text in enumerate(lines):
                _line(pdf, page, text, HEIGHT - TOP - n * LEADING)
        raw.FPDFPage_GenerateContent(page.raw)
        page.close()
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    data = buffer.getvalue()
    Path(path).write_bytes(_reproducible(data) if reproducible else data)
    return path
