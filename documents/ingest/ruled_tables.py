"""Tables the author drew with ruling lines, read straight from pypdfium2's page objects.

Word and Excel export a table as line segments or thin rectangles around its cells. The
page's path objects give those rulings; the distinct x positions of the vertical rulings
are the column edges, the y positions of the horizontal ones the row edges, and pdfium's
text layer gives each cell's text by its box. This is the "lines" strategy pdfplumber
uses, at a few milliseconds a page instead of ~160 ms, so every ruled page of a
thousand-page pack gets its tables.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

THIN = 2.5  # points: thicker than this is not a rule
MIN_RULE = 6.0  # points: shorter rules are decoration
SNAP = 2.0  # points: edges closer than this are the same edge
MAX_PATHS = 4000  # a page with more drawn paths is a drawing, not a table
MAX_CELLS = 3000

Rule = tuple[float, float, float]  # (position, start, end): y, x0, x1 for horizontal ones


def _rules(page: pdfium.PdfPage) -> tuple[list[Rule], list[Rule]]:
    horizontal: list[Rule] = []
    vertical: list[Rule] = []
    for count, obj in enumerate(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH])):
        if count >= MAX_PATHS:
            return [], []
        left, bottom, right, top = obj.get_bounds()
        width, height = right - left, top - bottom
        if height <= THIN and width >= MIN_RULE:
            horizontal.append(((bottom + top) / 2, left, right))
        elif width <= THIN and height >= MIN_RULE:
            vertical.append(((left + right) / 2, bottom, top))
        elif width >= MIN_RULE and height >= MIN_RULE and _is_rectangle(obj):
            horizontal += [(bottom, left, right), (top, left, right)]
            vertical += [(left, bottom, top), (right, bottom, top)]
    return horizontal, vertical


def _is_rectangle(obj) -> bool:
    return pdfium_c.FPDFPath_CountSegments(obj.raw) in (4, 5)


def _snap(values: list[float]) -> list[float]:
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > SNAP:
            edges.append(value)
    return edges


def _bands(horizontal: list[Rule], vertical: list[Rule]) -> list[tuple[float, float]]:
    """Vertical extents (bottom, top) of separate tables stacked down the page."""
    spans = [(y, y) for y, _, _ in horizontal] + [(b, t) for _, b, t in vertical]
    bands: list[list[float]] = []
    for bottom, top in sorted(spans, key=lambda s: -s[1]):
        if bands and top >= bands[-1][0] - SNAP:
            bands[-1][0] = min(bands[-1][0], bottom)
        else:
            bands.append([bottom, top])
    return [(b, t) for b, t in bands]


def _table(textpage, horizontal: list[Rule], vertical: list[Rule]) -> list[list[str]] | None:
    ys = _snap([y for y, _, _ in horizontal])[::-1]  # top to bottom
    xs = _snap([x for x, _, _ in vertical])
    if len(ys) < 3 or len(xs) < 2 or (len(ys) - 1) * (len(xs) - 1) > MAX_CELLS:
        return None
    rows = []
    for top, bottom in zip(ys, ys[1:], strict=False):
        row = []
        for left, right in zip(xs, xs[1:], strict=False):
            text = textpage.get_text_bounded(left=left, bottom=bottom, right=right, top=top)
            row.append(" ".join(text.split()))
        rows.append(row)
    rows = [row for row in rows if any(row)]
    keep = [i for i in range(len(xs) - 1) if any(row[i] for row in rows)]
    rows = [[row[i] for i in keep] for row in rows]
    if len(rows) < 2 or len(keep) < 2:
        return None
    return rows


def page_tables(page: pdfium.PdfPage, textpage) -> list[list[list[str]]]:
    """Every ruled table on the page, top to bottom, as rows of cell texts."""
    horizontal, vertical = _rules(page)
    if len(horizontal) < 3 or len(vertical) < 2:
        return []
    tables = []
    for bottom, top in _bands(horizontal, vertical):
        inside_h = [r for r in horizontal if bottom - SNAP <= r[0] <= top + SNAP]
        inside_v = [r for r in vertical if r[1] >= bottom - SNAP and r[2] <= top + SNAP]
        table = _table(textpage, inside_h, inside_v)
        if table:
            tables.append(table)
    return tables
