"""Tables the author drew with ruling lines, read straight from pypdfium2's page objects.

Word and Excel export a table as line segments or thin rectangles around its cells. The
page's path objects give those rulings; the distinct x positions of the vertical rulings
are the column edges, the y positions of the horizontal ones the row edges, and pdfium's
text layer gives each cell's text by its box. This is the "lines" strategy pdfplumber
uses, at a few milliseconds a page instead of ~160 ms, so every ruled page of a
thousand-page pack gets its tables.

A cell with no ruling between it and its neighbour is one merged cell (a group heading over
several columns, a heading two rows tall): its text is read from the merged box and it is
kept with its span. The rows above the first row without a merged heading cell are the
table's header rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

THIN = 2.5  # points: thicker than this is not a rule
MIN_RULE = 6.0  # points: shorter rules are decoration
SNAP = 2.0  # points: edges closer than this are the same edge
MAX_PATHS = 4000  # a page with more drawn paths is a drawing, not a table
MAX_CELLS = 3000

Rule = tuple[float, float, float]  # (position, start, end): y, x0, x1 for horizontal ones


@dataclass
class RuledTable:
    """A table's cell texts row by row, its merged cells and where it sits on the page."""

    rows: list[list[str]]
    spans: list[list[int]] = field(default_factory=list)  # [row, column, rowspan, colspan]
    header_rows: int = 1
    top: float = 0.0  # from the top of the page, in points
    bottom: float = 0.0
    left: float = 0.0
    right: float = 0.0


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


def _ruled(rules: list[Rule], position: float, low: float, high: float) -> bool:
    """Whether a rule at ``position`` runs across the middle of ``low``..``high``."""
    middle = (low + high) / 2
    return any(abs(p - position) <= SNAP and a - SNAP <= middle <= b + SNAP for p, a, b in rules)


def _table(textpage, horizontal: list[Rule], vertical: list[Rule], height: float):
    ys = _snap([y for y, _, _ in horizontal])[::-1]  # top to bottom
    xs = _snap([x for x, _, _ in vertical])
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    if n_rows < 2 or n_cols < 1 or n_rows * n_cols > MAX_CELLS:
        return None
    owner: list[list[tuple[int, int] | None]] = [[None] * n_cols for _ in range(n_rows)]
    cells: dict[tuple[int, int], list[int]] = {}  # (row, col) -> [rowspan, colspan]
    for r in range(n_rows):
        for c in range(n_cols):
            if owner[r][c] is not None:
                continue
            colspan = 1
            while (
                c + colspan < n_cols
                and not _ruled(vertical, xs[c + colspan], ys[r + 1], ys[r])
                and owner[r][c + colspan] is None
            ):
                colspan += 1
            rowspan = 1
            while (
                r + rowspan < n_rows
                and not any(
                    _ruled(horizontal, ys[r + rowspan], xs[k], xs[k + 1])
                    for k in range(c, c + colspan)
                )
                and all(owner[r + rowspan][k] is None for k in range(c, c + colspan))
            ):
                rowspan += 1
            cells[(r, c)] = [rowspan, colspan]
            for dr in range(rowspan):
                for dc in range(colspan):
                    owner[r + dr][c + dc] = (r, c)
    texts: dict[tuple[int, int], str] = {}
    for (r, c), (rowspan, colspan) in cells.items():
        text = textpage.get_text_bounded(
            left=xs[c], bottom=ys[r + rowspan], right=xs[c + colspan], top=ys[r]
        )
        texts[(r, c)] = " ".join(text.split())

    def holds_text(r: int, c: int, axis: int) -> bool:
        start = owner[r][c]
        return bool(texts[start]) and (start == (r, c) or cells[start][axis] == 1)

    keep_rows = [r for r in range(n_rows) if any(holds_text(r, c, 0) for c in range(n_cols))]
    keep_cols = [c for c in range(n_cols) if any(holds_text(r, c, 1) for r in range(n_rows))]
    if len(keep_rows) < 2 or len(keep_cols) < 2:
        return None
    row_at = {r: i for i, r in enumerate(keep_rows)}
    col_at = {c: i for i, c in enumerate(keep_cols)}
    rows = [["" for _ in keep_cols] for _ in keep_rows]
    spans: list[list[int]] = []
    for (r, c), (rowspan, colspan) in cells.items():
        covered_rows = [row_at[k] for k in range(r, r + rowspan) if k in row_at]
        covered_cols = [col_at[k] for k in range(c, c + colspan) if k in col_at]
        if not covered_rows or not covered_cols:
            continue
        rows[covered_rows[0]][covered_cols[0]] = texts[(r, c)]
        if len(covered_rows) > 1 or len(covered_cols) > 1:
            spans.append([covered_rows[0], covered_cols[0], len(covered_rows), len(covered_cols)])
    return RuledTable(
        rows=rows,
        spans=sorted(spans),
        header_rows=_header_rows(spans, len(rows)),
        top=height - ys[0],
        bottom=height - ys[-1],
        left=xs[0],
        right=xs[-1],
    )


def _header_rows(spans: list[list[int]], n_rows: int) -> int:
    """1, or more when the first row groups columns (the next row names them) or a
    heading cell runs down several rows."""
    header = 1
    if any(r == 0 and colspan > 1 for r, _, _, colspan in spans):
        header = 2
    for r, _, rowspan, _ in spans:
        if r < header:
            header = max(header, r + rowspan)
    return min(header, 3, n_rows - 1)


def page_tables(page: pdfium.PdfPage, textpage) -> list[RuledTable]:
    """Every ruled table on the page, top to bottom."""
    horizontal, vertical = _rules(page)
    if len(horizontal) < 3 or len(vertical) < 2:
        return []
    height = page.get_height()
    tables = []
    for bottom, top in _bands(horizontal, vertical):
        inside_h = [r for r in horizontal if bottom - SNAP <= r[0] <= top + SNAP]
        inside_v = [r for r in vertical if r[1] >= bottom - SNAP and r[2] <= top + SNAP]
        table = _table(textpage, inside_h, inside_v, height)
        if table:
            tables.append(table)
    return tables
