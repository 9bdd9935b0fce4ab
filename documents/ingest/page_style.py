"""What a document's body text and headings look like: the sizes and the line pitch that
``structure`` measures every page's lines against. Judged over the whole document, so a
page of one-line paragraphs still knows the body's usual line pitch."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .layout import LineBox


@dataclass
class Style:
    """What the document's body and headings look like."""

    body: float = 11.0  # the body text's font size
    heading_sizes: tuple[float, ...] = ()  # sizes larger than the body's, largest first
    pitch: float = 0.0  # the usual distance from one body line to the next

    def level(self, size: float) -> int:
        larger = [s for s in self.heading_sizes if s > self.body * 1.12]
        for rank, heading_size in enumerate(larger):
            if size >= heading_size - 0.6:
                return min(2 + rank, 4)
        return min(2 + len(larger), 4)


def document_style(pages: list[list[LineBox | None]]) -> Style:
    """The body size (most of the text) and the heading sizes used over the document."""
    weights: Counter[float] = Counter()
    for boxes in pages:
        for box in boxes:
            if box is not None and not box.bold:
                weights[round(box.size * 2) / 2] += box.x1 - box.x0
    if not weights:
        return Style()
    body = weights.most_common(1)[0][0]
    sizes = {
        round(box.size)
        for boxes in pages
        for box in boxes
        if box is not None and box.size > body * 1.12 and box.x1 - box.x0 > 0
    }
    pitches: Counter[float] = Counter()
    for boxes in pages:
        measured = [box for box in boxes if box is not None and abs(box.size - body) < 0.6]
        for a, b in zip(measured, measured[1:], strict=False):
            if 0.9 * body < b.bottom - a.bottom < 2.5 * body:
                pitches[round((b.bottom - a.bottom) * 2) / 2] += 1
    pitch = pitches.most_common(1)[0][0] if pitches else body * 1.2
    return Style(body=body, heading_sizes=tuple(sorted(sizes, reverse=True)), pitch=pitch)
