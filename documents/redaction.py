"""The public copy of a paper's PDF: the original, less any page that is withheld."""

from __future__ import annotations

import io

import pypdfium2 as pdfium

from documents.models import Document, Page


def withheld_page_numbers(document: Document) -> list[int]:
    return list(
        Page.objects.filter(document=document)
        .withheld()
        .order_by("number")
        .values_list("number", flat=True)
    )


def public_pdf(document: Document, withheld: list[int] | None = None):
    """A readable stream of the PDF the public may download, or None if nothing is public.

    A pack holding an exempt report is served without that report's pages: a new PDF is
    assembled from the remaining pages, so the withheld ones are not in the file at all.
    """
    withheld = set(withheld_page_numbers(document) if withheld is None else withheld)
    if document.is_exempt or len(withheld) >= document.page_count:
        return None
    if not withheld:
        return document.file.open("rb")
    with document.file.open("rb") as stored:
        original = pdfium.PdfDocument(stored.read())
    keep = [n - 1 for n in range(1, document.page_count + 1) if n not in withheld]
    redacted = pdfium.PdfDocument.new()
    redacted.import_pages(original, keep)
    buffer = io.BytesIO()
    redacted.save(buffer)
    redacted.close()
    original.close()
    buffer.seek(0)
    return buffer
