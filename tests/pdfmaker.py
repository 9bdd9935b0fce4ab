"""Write small text PDFs for tests, with the writer the demo council's archive is made with.

Unlike the archive's papers, two test PDFs of the same text are different files (pdfium's
time stamp and random identifier are kept), as tests written before that writer expect.
"""

from __future__ import annotations

from pathlib import Path

from portal.demo import pdf
from portal.demo.pdf import HEIGHT, WIDTH

__all__ = ["HEIGHT", "WIDTH", "make_pdf"]


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    """Each page is a list of lines, printed top to bottom."""
    return pdf.make_pdf(path, pages, reproducible=False)
