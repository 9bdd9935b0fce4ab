"""Real tables on the few pages that have ruling lines, read with pdfplumber (slow, so rare).

pdfplumber is ~40x slower than pypdfium2; it is only asked about pages whose cheap scan found
vector rulings (``pdf.PdfText.ruled_pages``), and only its ruled-line strategy is used, so a
table here is a table the author drew.
"""

from __future__ import annotations

from pathlib import Path

MAX_TABLE_PAGES = 40  # only the first 40 ruled pages are searched (~0.15 s each)
_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def _clean_cell(cell: str | None) -> str:
    return " ".join((cell or "").split())


def find_tables(path: str | Path, page_numbers: set[int]) -> dict[int, list[list[list[str]]]]:
    """Tables (rows of cell texts) by 1-based page number, for the given pages only."""
    if not page_numbers:
        return {}
    import pdfplumber

    found: dict[int, list[list[list[str]]]] = {}
    with pdfplumber.open(str(path)) as pdf:
        for number in sorted(page_numbers)[:MAX_TABLE_PAGES]:
            if not 1 <= number <= len(pdf.pages):
                continue
            page = pdf.pages[number - 1]
            try:
                tables = page.extract_tables(_SETTINGS)
            except Exception:  # noqa: BLE001 - a malformed page keeps its plain text
                tables = []
            kept = []
            for table in tables:
                rows = [[_clean_cell(c) for c in row] for row in table]
                rows = [row for row in rows if any(row)]
                if len(rows) >= 2 and max(len(row) for row in rows) >= 2:
                    kept.append(rows)
            if kept:
                found[number] = kept
            page.close()
    return found
