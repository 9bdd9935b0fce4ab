"""A page's reading structure from where its lines sit and how they are set (layout.LineBox).

Used instead of the text-only rules of ``blocks`` when every line of the page was measured:

- a heading is a short line set larger than the body, or bold at body size; a heading that
  wraps (the same style on the next line, at the line pitch) stays one heading; its level
  comes from its size among the document's heading sizes;
- a paragraph ends where the next line starts lower than the line pitch allows, starts
  further in or out than the paragraph's lines, or changes size;
- a label and its value set in two columns ("Portfolio Holder:    Cllr P Wharf"), a bold
  label run into its text ("Recommendation: That ..."), or a bold label line with its value
  below ("Present:") are label/value pairs; two or more together are one ``pairs`` block;
- bulleted and numbered items keep their printed number ("1.", "(a)") and take the lines
  that continue them at their text's indent;
- lines inside a ruled table are left to the table, which is placed where it begins.

Pure functions over lines and boxes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .blocks import join_wrapped
from .layout import LineBox
from .page_style import Style
from .parsed import Block
from .ruled_tables import RuledTable

_MARKER = re.compile(
    r"^(?:\(?(?:[a-z]|[ivxl]{1,5}|\d{1,3})\)|\d{1,3}\.|[a-z]\.|[ivxl]{1,5}\.)$", re.I
)
_DECIMAL = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?$")
_MARKER_START = re.compile(
    r"^(?P<marker>\(?(?:[a-z]|[ivxl]{1,5}|\d{1,3})\)|\d{1,3}\.|\d{1,3}(?:\.\d{1,3})+\.?"
    r"|[a-z]\.|[ivxl]{1,5}\.)\s+(?P<rest>\S.*)$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?:;]['’\")\]]*$")
_CARRY_ON = re.compile(r"(?:[-–—&,/(]|\b(?:and|of|the|for|to|in|on|a|an|with|by|or))$", re.I)
_MAX_HEADING_LINES = 3
_MAX_HEADING_WORDS = 25


@dataclass
class _Line:
    text: str
    box: LineBox
    gap_before: bool = False  # a blank line came before it


def _merge_same_baseline(lines: list[_Line]) -> list[_Line]:
    """A label and its value that pdfium gave as two lines (table cells): one line again."""
    merged: list[_Line] = []
    for line in lines:
        if merged:
            previous = merged[-1]
            a, b = previous.box, line.box
            if (
                a.gaps == 0
                and abs(a.bottom - b.bottom) <= 1.5
                and b.x0 - a.x1 >= max(1.5 * a.size, 12.0)
            ):
                merged[-1] = _Line(
                    previous.text + " " + line.text,
                    replace(
                        a,
                        x1=b.x1,
                        bold=a.bold and b.bold,
                        lead=previous.text,
                        lead_gap=True,
                        rest_x=b.x0,
                        gaps=1 + b.gaps,
                    ),
                    previous.gap_before,
                )
                continue
        merged.append(line)
    return merged


class _Page:
    """The page's measures: text column edges, line pitch, the document's style."""

    def __init__(self, lines: list[_Line], style: Style):
        self.style = style
        body_lines = [line.box for line in lines if abs(line.box.size - style.body) <= 1]
        measured = body_lines or [line.box for line in lines]
        self.left = min(box.x0 for box in measured)
        self.right = max(box.x1 for box in measured)
        self.pitch = style.pitch or style.body * 1.2

    def gap(self, a: LineBox, b: LineBox) -> bool:
        """A paragraph's worth of space (or more) between two lines, or b above a."""
        pitch = b.bottom - a.bottom
        expected = max(self.pitch * max(a.size, b.size) / self.style.body, 1.05 * b.size)
        return pitch > expected * 1.3 or pitch < -0.5 * a.size

    def short(self, box: LineBox) -> bool:
        return box.x1 < self.right - max(3 * box.size, 0.15 * (self.right - self.left))

    def heading_style(self, box: LineBox) -> bool:
        body = self.style.body
        return (box.bold and box.size >= body * 0.95) or box.size >= body * 1.15


def _label_like(text: str) -> bool:
    words = text.split()
    letters = sum(1 for c in text if c.isalpha())
    return (
        0 < len(words) <= 6
        and letters >= 2
        and len(text) <= 50
        and not _MARKER.match(text)
        and not _DECIMAL.match(text)
        and not text.startswith("•")
    )


def _heading_text(text: str) -> bool:
    words = text.split()
    letters = sum(1 for c in text if c.isalpha())
    if letters < 2 or len(words) > 20 or text.startswith("•"):
        return False
    if text.endswith((",", ";")):
        return False
    return not (text.endswith(".") and len(words) > 6)


class _Builder:
    def __init__(self, page: _Page, lines: list[_Line], blocks: list[Block]):
        self.page = page
        self.lines = lines
        self.blocks = blocks

    def pair_start(self, index: int) -> tuple[str, str, float, str] | None:
        """(label, value, value x, kind) when line ``index`` starts a label/value pair."""
        line = self.lines[index]
        box, text = line.box, line.text
        if (
            box.lead
            and box.lead_gap
            and (box.gaps == 1 or box.lead.endswith(":"))
            and _label_like(box.lead)
        ):
            value = text[len(box.lead) :].strip() if text.startswith(box.lead) else ""
            if value:
                return box.lead, value, box.rest_x or box.x0, "columns"
        if (
            box.lead_bold
            and not box.bold
            and not box.lead_gap
            and box.lead.endswith(":")
            and _label_like(box.lead[:-1])
            and text.startswith(box.lead)
        ):
            return box.lead, text[len(box.lead) :].strip(), box.x0, "run-in"
        if box.bold and text.endswith(":") and _label_like(text[:-1]):
            following = self.lines[index + 1] if index + 1 < len(self.lines) else None
            if (
                following is not None
                and not following.box.bold
                and (abs(following.box.x0 - box.x0) <= box.size or _centred(box, following.box))
                and 0 < following.box.bottom - box.bottom <= 2.2 * self.page.pitch
            ):
                return text, "", box.x0, "above"
        return None

    def continues(self, previous: LineBox, line: _Line, x: float) -> bool:
        """Whether ``line`` carries on the text of a block whose lines start at ``x``."""
        box = line.box
        return (
            not line.gap_before
            and not self.page.gap(previous, box)
            and abs(box.size - previous.size) < 1
            and abs(box.x0 - x) <= 0.8 * box.size
            and not line.text.startswith("• ")
            and not _MARKER_START.match(line.text)
            and not self.page.heading_style(box)
        )

    def build(self) -> list[Block]:
        lines = self.lines
        index = 0
        while index < len(lines):
            index = self.step(index)
        return self.blocks

    def step(self, index: int) -> int:
        line = self.lines[index]
        if self.pair_start(index):
            return self.pairs(index)
        if self.page.heading_style(line.box) and _heading_text(line.text):
            return self.heading(index)
        if line.text.startswith("• "):
            return self.item(index, ordered=False)
        marker = _MARKER_START.match(line.text)
        if marker and not _DECIMAL.match(marker["marker"]):
            return self.item(index, ordered=True)
        if marker and self.numbered_heading(index):
            level = self.page.style.level(line.box.size)
            self.blocks.append(Block(kind="heading", text=line.text, level=level))
            return index + 1
        return self.paragraph(index)

    def numbered_heading(self, index: int) -> bool:
        """ "2.8   Next steps - Timeline": a short numbered line with its text below it."""
        line = self.lines[index]
        words = line.text.split()
        if len(words) > 9 or _SENTENCE_END.search(line.text) or not self.page.short(line.box):
            return False
        following = self.lines[index + 1] if index + 1 < len(self.lines) else None
        if following is None or _MARKER_START.match(following.text):
            return False
        return line.box.lead_gap or following.box.x0 > line.box.x0 + line.box.size

    def heading(self, index: int) -> int:
        lines = self.lines
        group = [lines[index]]
        while len(group) < _MAX_HEADING_LINES and index + len(group) < len(lines):
            last, following = group[-1], lines[index + len(group)]
            a, b = last.box, following.box
            same_style = abs(a.size - b.size) < 0.6 and a.bold == b.bold
            wrapped = (
                not self.page.short(a)
                or following.text[:1].islower()
                or bool(_CARRY_ON.search(last.text))
            )
            close = 0 < b.bottom - a.bottom <= 1.7 * max(a.size, b.size)
            if not (same_style and wrapped and close and not following.gap_before):
                break
            if following.text.startswith("• ") or self.pair_start(index + len(group)):
                break
            group.append(following)
        text = group[0].text
        for line in group[1:]:
            text = join_wrapped(text, line.text)
        if len(text.split()) > _MAX_HEADING_WORDS or (len(group) > 1 and text.endswith(".")):
            return self.paragraph(index)
        self.blocks.append(
            Block(kind="heading", text=text, level=self.page.style.level(group[0].box.size))
        )
        return index + len(group)

    def pairs(self, index: int) -> int:
        lines = self.lines
        pairs: list[list[str]] = []
        kinds: list[str] = []
        while index < len(lines):
            start = self.pair_start(index)
            if start is None:
                break
            label, value, value_x, kind = start
            parts = [value] if value else []
            previous = lines[index].box
            index += 1
            while index < len(lines):
                line = lines[index]
                box = line.box
                if kind == "columns":
                    if abs(box.x0 - value_x) > 0.8 * box.size or self.page.gap(previous, box):
                        break
                    parts.append(line.text)
                elif self.pair_start(index):
                    break
                elif (
                    self.continues(previous, line, value_x)
                    or (kind == "above" and not parts)
                    or (
                        kind == "above" and _centred(previous, box) and self.wrapped(previous, line)
                    )
                ):
                    parts.append(line.text)
                elif self.value_paragraph(previous, line, value_x):
                    parts.append("\n" + line.text)
                else:
                    break
                previous = box
                index += 1
            pairs.append([label, _joined(parts)])
            kinds.append(kind)
        if len(pairs) >= 2:
            self.blocks.append(Block(kind="pairs", pairs=pairs))
        else:
            label, value = pairs[0]
            self.blocks.append(Block(kind="paragraph", label=label, text=value))
        return index

    def wrapped(self, previous: LineBox, line: _Line) -> bool:
        """``line`` is the next line of the same text, whatever its alignment."""
        box = line.box
        return (
            not line.gap_before
            and not self.page.gap(previous, box)
            and abs(box.size - previous.size) < 1
            and box.bold == previous.bold
            and not self.pair_start(self.lines.index(line))
        )

    def value_paragraph(self, previous: LineBox, line: _Line, x: float) -> bool:
        """A further paragraph of a value set below its label ("Present:" then names)."""
        box = line.box
        return (
            not line.gap_before
            and abs(box.x0 - x) <= 0.8 * box.size
            and box.bottom - previous.bottom <= 2.2 * self.page.pitch
            and not box.bold
            and not line.text.startswith("• ")
            and not _MARKER_START.match(line.text)
        )

    def item(self, index: int, *, ordered: bool) -> int:
        lines = self.lines
        line = lines[index]
        box = line.box
        text = line.text[2:] if not ordered else line.text
        following = lines[index + 1] if index + 1 < len(lines) else None
        if box.body_x is not None:
            indent = box.body_x
        elif box.lead_gap and box.rest_x is not None:
            indent = box.rest_x
        elif following is not None and following.box.x0 > box.x0 + 0.5 * box.size:
            indent = following.box.x0
        else:
            indent = box.x0
        previous = box
        index += 1
        while index < len(lines) and self.continues(previous, lines[index], indent):
            if self.pair_start(index):
                break
            text = join_wrapped(text, lines[index].text)
            previous = lines[index].box
            index += 1
        last = self.blocks[-1] if self.blocks else None
        if last is not None and last.kind == "list" and last.ordered == ordered:
            last.items.append(text)
        else:
            self.blocks.append(Block(kind="list", ordered=ordered, items=[text]))
        return index

    def paragraph(self, index: int) -> int:
        lines = self.lines
        first = lines[index]
        text = first.text
        previous = first.box
        wrap_x: float | None = None
        index += 1
        while index < len(lines):
            line = lines[index]
            box = line.box
            if self.pair_start(index) or line.gap_before or self.page.gap(previous, box):
                break
            if abs(box.size - previous.size) >= 1 or line.text.startswith("• "):
                break
            if _MARKER_START.match(line.text) or self.page.heading_style(box) != (
                self.page.heading_style(previous)
            ):
                break
            if self.page.short(previous) and _SENTENCE_END.search(lines[index - 1].text):
                break
            if wrap_x is None:
                hanging = first.box.rest_x if first.box.lead_gap else None
                if box.x0 > first.box.x0 + 0.8 * box.size and (
                    hanging is None or abs(box.x0 - hanging) > 0.8 * box.size
                ):
                    break
                wrap_x = box.x0
            elif abs(box.x0 - wrap_x) > 0.8 * box.size:
                break
            text = join_wrapped(text, line.text)
            previous = box
            index += 1
        self.blocks.append(Block(kind="paragraph", text=text))
        return index


def _centred(a: LineBox, b: LineBox) -> bool:
    """Two lines centred on one another (a label and its value in a centred box)."""
    return abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2) <= max(a.size, b.size)


def _joined(parts: list[str]) -> str:
    text = ""
    for part in parts:
        if part.startswith("\n"):
            text = text + part
        elif text:
            text = join_wrapped(text, part)
        else:
            text = part
    return text.strip()


def laid_out_lines(lines: list[str], boxes: list[LineBox | None]) -> list[_Line] | None:
    """The page's non-empty lines with their boxes, or None if any line was not measured."""
    out: list[_Line] = []
    blank = False
    for text, box in zip(lines, boxes, strict=True):
        if not text.strip():
            blank = True
            continue
        if box is None:
            return None
        out.append(_Line(text.strip(), box, blank))
        blank = False
    return out


def _inside(table: RuledTable, box: LineBox) -> bool:
    middle_y, middle_x = (box.top + box.bottom) / 2, (box.x0 + box.x1) / 2
    return (
        table.top - 2 <= middle_y <= table.bottom + 2
        and table.left - 2 <= middle_x <= table.right + 2
    )


def table_block(table: RuledTable) -> Block:
    return Block(kind="table", rows=table.rows, spans=table.spans, header_rows=table.header_rows)


def build_laid_blocks(
    lines: list[_Line], style: Style, tables: list[RuledTable] | None = None
) -> list[Block]:
    """Blocks for a page's measured lines (see the module docstring); each table is placed
    where its first line was, and its lines are left to it."""
    lines = _merge_same_baseline(lines)
    tables = sorted(tables or [], key=lambda table: table.top)
    owner = {}
    for index, line in enumerate(lines):
        for number, table in enumerate(tables):
            if _inside(table, line.box):
                owner[index] = number
                break
    outside = [line for index, line in enumerate(lines) if index not in owner]
    page = _Page(outside or lines, style) if lines else None
    blocks: list[Block] = []
    placed: set[int] = set()
    segment: list[_Line] = []

    def flush() -> None:
        if segment and page is not None:
            _Builder(page, list(segment), blocks).build()
        segment.clear()

    def place(number: int) -> None:
        if number not in placed:
            flush()
            blocks.append(table_block(tables[number]))
            placed.add(number)

    for index, line in enumerate(lines):
        if index in owner:
            place(owner[index])
            continue
        for number, table in enumerate(tables):
            if number not in placed and number not in owner.values() and table.top <= line.box.top:
                place(number)
        segment.append(line)
    flush()
    for number in range(len(tables)):
        place(number)
    return blocks
