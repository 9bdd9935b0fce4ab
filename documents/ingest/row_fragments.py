"""Putting back together a printed line that the PDF stores in pieces, out of order.

Report writers (Crystal Reports behind Legistar agendas, for one) draw each field of a line
as a text object of its own and in their own order: "SUBJECT: STATE AND FEDERAL REPORT" is
drawn, then the item's description, and only then "33." to its left and the file number
"2017-0346" to its right, on the same baseline as the subject. pdfium's text follows the
drawing order, so the item's number ends up three lines below its title. The page's layout
knows better: a short piece that sits on the baseline of a line drawn before it, starting
to that line's left, is the start of that line (and what follows its gap, to the line's
right, is its end).

Only such short pieces move (a number, a reference): text in columns or tables, whose
pieces start to the right of the line before them, is left as drawn.
"""

from __future__ import annotations

from dataclasses import replace

from .layout import LineBox

LOOK_BACK = 30  # lines drawn since the line a piece belongs to
MAX_WORDS = 4  # a piece that moves: a number and a reference or two, not a sentence
SAME_ROW = 0.35  # of the line's height: how far two baselines may differ on one row


def _same_row(a: LineBox, b: LineBox) -> bool:
    height = max(a.bottom - a.top, b.bottom - b.top, 1.0)
    return abs(a.top - b.top) <= SAME_ROW * height and abs(a.bottom - b.bottom) <= (
        SAME_ROW * height
    )


def _host(lines: list[str], boxes: list[LineBox | None], index: int) -> int | None:
    """The earlier line that the piece at ``index`` starts, if it is such a piece."""
    piece, box = lines[index].strip(), boxes[index]
    if box is None or not piece or len(piece.split()) > MAX_WORDS:
        return None
    lead = (box.lead or piece).strip()
    if len(lead.split()) != 1:
        return None
    for earlier in range(index - 1, max(-1, index - 1 - LOOK_BACK), -1):
        other = boxes[earlier]
        if other is None or not lines[earlier].strip():
            continue
        if _same_row(box, other) and box.x0 < other.x0 - 2:
            # The piece's lead must end before the line starts.
            return earlier if box.rest_x is None or box.rest_x > other.x0 else None
    return None


def rejoin_row_fragments(
    text: str, boxes: list[LineBox | None] | None
) -> tuple[str, list[LineBox | None] | None]:
    """``text`` (one line per entry of ``boxes``) with every short piece drawn after the
    line it starts put back at that line's start, and the boxes to match."""
    if not boxes:
        return text, boxes
    lines = text.splitlines()
    if len(lines) != len(boxes):
        return text, boxes
    boxes = list(boxes)
    moved: set[int] = set()
    for index in range(len(lines)):
        host = _host(lines, boxes, index)
        if host is None:
            continue
        box, other = boxes[index], boxes[host]
        piece = lines[index].strip()
        lead = (box.lead or piece).strip()
        tail = piece[len(lead) :].strip() if piece.startswith(lead) else ""
        joined = f"{lead} {lines[host].strip()}"
        if tail and box.rest_x is not None and box.rest_x >= other.x1:
            joined = f"{joined} {tail}"
        elif tail:
            continue  # the rest sits inside the line: not a piece of it
        lines[host] = joined
        boxes[host] = replace(
            other,
            x0=box.x0,
            x1=max(other.x1, box.x1),
            lead=lead,
            lead_gap=True,
            rest_x=other.x0,
            lead_bold=box.lead_bold,
        )
        lines[index], boxes[index] = "", None
        moved.add(index)
    if not moved:
        return text, boxes
    kept = [i for i in range(len(lines)) if i not in moved]
    return "\n".join(lines[i] for i in kept), [boxes[i] for i in kept]
