"""Build a large agenda-pack-like PDF by joining the sample papers, stamped "Page N" throughout.

uv run python benchmarks/build_pack.py OUTPUT.pdf --pages 1000
"""

from __future__ import annotations

import argparse
import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

PAPERS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "papers"


def stamp(pdf: pdfium.PdfDocument, index: int, text: str) -> None:
    """Draw ``text`` at the foot of page ``index`` as real text (it lands in the text layer)."""
    page = pdf[index]
    width = page.get_width()
    font = raw.FPDFText_LoadStandardFont(pdf.raw, b"Helvetica")
    obj = raw.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(10))
    encoded = (text + "\0").encode("utf-16-le")
    buffer = (ctypes.c_ushort * (len(encoded) // 2)).from_buffer_copy(encoded)
    raw.FPDFText_SetText(obj, buffer)
    raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, ctypes.c_double(width / 2 - 20), 20)
    raw.FPDFPage_InsertObject(page.raw, obj)
    raw.FPDFPage_GenerateContent(page.raw)
    raw.FPDFFont_Close(font)
    page.close()


def build(output: Path, pages: int) -> int:
    sources = sorted(p for p in PAPERS.glob("*.pdf"))
    combined = pdfium.PdfDocument.new()
    # The Dorset pack's front sheet first, so the result reads as an agenda reports pack.
    sources.sort(key=lambda p: "agenda-pack" not in p.name)
    while len(combined) < pages:
        for source in sources:
            if len(combined) >= pages:
                break
            src = pdfium.PdfDocument(str(source))
            take = min(len(src), pages - len(combined))
            combined.import_pages(src, list(range(take)))
            src.close()
    for index in range(len(combined)):
        stamp(combined, index, f"Page {index + 1}")
    combined.save(str(output))
    count = len(combined)
    combined.close()
    return count


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path)
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    print(f"wrote {build(args.output, args.pages)} pages to {args.output}")
