"""Reading scanned PDFs (no text layer) with the ``tesseract`` command, when it is installed.

Pages are rendered with pypdfium2 and piped to ``tesseract - -`` (PNG in, text out): no extra
Python dependency. Without the binary the document is still ingested, flagged as having no
text layer.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypdfium2 as pdfium

from .cleaning import strip_controls
from .parsed import PageContent

MIN_PAGE_CHARS = 20  # fewer extracted characters than this: the page has no real text layer
OCR_SCALE = 300 / 72  # render at 300 dpi
OCR_TIMEOUT_SECONDS = 120


def page_lacks_text(page: PageContent) -> bool:
    return len("".join(page.raw_text.split())) < MIN_PAGE_CHARS


def lacks_text_layer(pages: list[PageContent]) -> bool:
    """True when every page, or nearly every page (90%), has no text layer."""
    if not pages:
        return False
    empty = sum(1 for page in pages if page_lacks_text(page))
    return empty >= max(1, int(len(pages) * 0.9 + 0.5))


def tesseract_path() -> str | None:
    """The tesseract binary on PATH, or None."""
    return shutil.which("tesseract")


def _render_png(path: Path, index: int, scale: float) -> bytes:
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[index]
        image = page.render(scale=scale, grayscale=True).to_pil()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        page.close()
        return buffer.getvalue()
    finally:
        pdf.close()


def ocr_image(png: bytes, binary: str, language: str = "eng") -> str:
    """Text tesseract reads from one PNG image ("" when it fails)."""
    result = subprocess.run(
        [binary, "-", "-", "-l", language, "--psm", "3"],
        input=png,
        capture_output=True,
        timeout=OCR_TIMEOUT_SECONDS,
        check=False,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},  # one thread each; pages run in parallel
    )
    return result.stdout.decode("utf-8", "replace") if result.returncode == 0 else ""


def ocr_pages(
    path: str | Path,
    pages: list[PageContent],
    *,
    scale: float = OCR_SCALE,
    workers: int = 4,
) -> bool:
    """OCR the pages without text in place (raw_text, ocr=True); False when tesseract is absent."""
    binary = tesseract_path()
    if binary is None:
        return False
    path = Path(path)
    targets = [page for page in pages if page_lacks_text(page)]

    def work(page: PageContent) -> tuple[PageContent, str]:
        return page, ocr_image(_render_png(path, page.number - 1, scale), binary)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for page, text in pool.map(work, targets):
            page.raw_text = strip_controls(text.replace("\f", "")).strip("\n")
            page.layout = None
            page.ocr = True
    return True
