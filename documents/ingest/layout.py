"""Where each text line sits on the page and how it is set, read from pdfium's text layer.

The reading view needs more than the words: a heading is larger or bolder than the body, a
paragraph ends where the next line starts lower than the line pitch, a front sheet's label
and value are two runs with a gap between them. pdfium knows every character's box and font
but asking for each character costs too much over a thousand-page pack, so a line is
measured by its runs: pdfium's text rectangles for the line (one per text object), the font
of each run's first character and the gap between runs. About a dozen calls per line.

``page_lines`` returns one :class:`LineBox` per line of the page's extracted text (the text
``pdf.read_pdf`` keeps as ``raw_text``, split with ``splitlines``), or ``None`` for a line it
could not measure; ``None`` for the whole page when the text and pdfium's characters do not
line up one to one.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from .cleaning import strip_controls

MAX_RUNS = 12  # runs measured per line; more is a drawing or a table of numbers
_BOLD_NAME = re.compile(rb"bold|black|heavy|semibold|demibold|demi\b|extrabold", re.I)
_FORCE_BOLD = 0x40000  # FXFONT_FORCE_BOLD in the font descriptor's flags
_GAP_EMS = 1.5  # a gap this many font sizes wide separates a label from its value
_ODD_CHARACTERS = re.compile(r"[\t\r\n\f\x00\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def plain_function(function, restype, *argtypes):
    """A pdfium function called with and returning plain addresses (no pointer objects)."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_VOID = ctypes.c_void_p
_text_object = plain_function(pdfium_c.FPDFText_GetTextObject, _VOID, _VOID, ctypes.c_int)
_object_font = plain_function(pdfium_c.FPDFTextObj_GetFont, _VOID, _VOID)
_loose_box = plain_function(
    pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int, _VOID, ctypes.c_int, _VOID
)
_font_size = plain_function(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _VOID, ctypes.c_int)


@dataclass(slots=True)
class LineBox:
    """One line's place and style. y grows down the page (0 at the top), in points."""

    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # font size of the line's first run, in points
    bold: bool  # every run is bold
    lead_bold: bool  # the first run is bold
    lead: str = ""  # the line's first run(s) before a wide gap or a change from bold
    lead_gap: bool = False  # a wide gap follows the lead (label and value set in columns)
    rest_x: float | None = None  # where the text after the lead begins
    gaps: int = 0  # wide gaps on the line (columns)
    body_x: float | None = None  # where the text after a leading bullet or number begins


class _Reader:
    """pdfium calls for one text page, with the buffers they fill and fonts' boldness cached."""

    def __init__(self, textpage):
        self.textpage = ctypes.cast(textpage, ctypes.c_void_p).value
        self.rect = pdfium_c.FS_RECTF()
        self.rect_address = ctypes.addressof(self.rect)
        self.name = ctypes.create_string_buffer(128)
        self.bold: dict[int, bool] = {}
        self.objects: dict[int, int] = {}  # character index -> its text object, as asked

    def obj(self, index: int) -> int:
        handle = self.objects.get(index)
        if handle is None:
            handle = self.objects[index] = _text_object(self.textpage, index) or 0
        return handle

    def size(self, index: int) -> float:
        return _font_size(self.textpage, index)

    def box(self, index: int) -> tuple[float, float, float, float]:
        """(left, right, bottom, top) of a character, by its font's ascent and descent."""
        _loose_box(self.textpage, index, self.rect_address)
        rect = self.rect
        return rect.left, rect.right, rect.bottom, rect.top

    def is_bold(self, index: int) -> bool:
        handle = self.obj(index)
        font = _object_font(handle) if handle else 0
        known = self.bold.get(font or 0)
        if known is None:
            known = bool(font) and _font_is_bold(font, self.name)
            self.bold[font or 0] = known
        return known


def _font_is_bold(address: int, buffer) -> bool:
    font = ctypes.cast(address, pdfium_c.FPDF_FONT)
    if pdfium_c.FPDFFont_GetFlags(font) & _FORCE_BOLD:
        return True
    if pdfium_c.FPDFFont_GetWeight(font) >= 600:
        return True
    length = pdfium_c.FPDFFont_GetBaseFontName(font, buffer, len(buffer))
    return 0 < length <= len(buffer) and bool(_BOLD_NAME.search(buffer.value))


def page_lines(
    textpage, text: str, page_height: float, normalised: str | None = None
) -> list[LineBox | None] | None:
    """A LineBox for each line of ``normalise_raw(text).splitlines()``, in order.

    ``text`` is the page's text as pdfium extracted it (lines end in "\\r\\n"); its
    characters must be pdfium's characters one for one, or nothing is measured.
    ``normalised`` is ``normalise_raw(text)`` when the caller has it already.
    """
    from .pdf import normalise_raw

    raw = textpage.raw if hasattr(textpage, "raw") else textpage
    if pdfium_c.FPDFText_CountChars(raw) != len(text):
        return None
    reader = _Reader(raw)
    boxes: list[LineBox | None] = []
    position = 0
    for piece in text.split("\r\n"):
        start, position = position, position + len(piece) + 2
        lines = [piece]
        if _ODD_CHARACTERS.search(piece):
            lines = normalise_raw(piece).splitlines() or [""]
        if len(lines) != 1 or not lines[0].strip():
            boxes.extend([None] * len(lines))
            continue
        boxes.append(_measure(reader, piece, start, page_height))
    expected = (normalise_raw(text) if normalised is None else normalised).splitlines()
    while len(boxes) > len(expected) and boxes and boxes[-1] is None:
        boxes.pop()
    return boxes if len(boxes) == len(expected) else None


def _run_starts(reader: _Reader, first: int, last: int) -> list[int]:
    """Indices where the text object changes along a line (by bisection), ``first`` first."""
    starts = [first]
    stack = [(first, last, reader.obj(first), reader.obj(last))]
    while stack and len(starts) <= MAX_RUNS:
        low, high, low_obj, high_obj = stack.pop()
        if low_obj == high_obj:
            continue
        if high - low <= 1:
            starts.append(high)
            continue
        middle = (low + high) // 2
        middle_obj = reader.obj(middle)
        stack.append((middle, high, middle_obj, high_obj))
        stack.append((low, middle, low_obj, middle_obj))
    return sorted(starts)


def _measure(reader: _Reader, piece: str, start: int, height: float) -> LineBox | None:
    text = piece.strip()
    if not text:
        return None
    first = start + len(piece) - len(piece.lstrip())
    last = first + len(text) - 1
    starts = _run_starts(reader, first, last)
    many = len(starts) > MAX_RUNS
    starts = starts[:MAX_RUNS]
    runs = []  # (start index, x0, x1) of each run of visible text
    for number, run_start in enumerate(starts):
        run_end = starts[number + 1] - 1 if number + 1 < len(starts) else last
        chunk = text[run_start - first : run_end - first + 1]
        if not chunk.strip():
            continue
        run_start += len(chunk) - len(chunk.lstrip())
        run_end -= len(chunk) - len(chunk.rstrip())
        left, right, bottom, top = reader.box(run_start)
        if run_end != run_start:
            right = reader.box(run_end)[1]
        runs.append((run_start, left, right, bottom, top))
    if not runs:
        return None
    size = reader.size(runs[0][0])
    line_top = max(run[4] for run in runs)
    line_bottom = min(run[3] for run in runs)
    if size < 3:  # a font set at size 1 and scaled by the text matrix
        size = (line_top - line_bottom) / 1.15
    bolds = [reader.is_bold(run[0]) for run in runs]
    box = LineBox(
        x0=min(run[1] for run in runs),
        x1=max(run[2] for run in runs),
        top=height - line_top,
        bottom=height - line_bottom,
        size=round(size, 1),
        bold=all(bolds) and not many,
        lead_bold=bolds[0],
    )
    gap_width = max(_GAP_EMS * size, 12.0)
    gaps = [i for i in range(1, len(runs)) if runs[i][1] - runs[i - 1][2] >= gap_width]
    marker = _LEADING_MARK.match(text)
    if marker:
        box.body_x = reader.box(first + marker.end())[0]
    if not gaps:
        _colon_gap(reader, box, text, first, gap_width)
        if box.lead:
            return box
    box.gaps = len(gaps)
    change = next((i for i in range(1, len(runs)) if bolds[i] != bolds[0]), None)
    cuts = [i for i in (gaps[0] if gaps else None, change) if i is not None]
    if cuts:
        cut = min(cuts)
        box.lead = strip_controls(text[: runs[cut][0] - first]).strip()
        box.lead_gap = cut in gaps
        box.rest_x = runs[cut][1]
    return box


_LEADING_MARK = re.compile(r"^(?:[^\w\s]|\(?\w{1,4}[.)]?|\d{1,3}(?:\.\d{1,3})+\.?)\s+(?=\S)")
_LABEL_COLON = re.compile(r"^[^:]{2,48}:(?=\s)")


def _colon_gap(reader: _Reader, box: LineBox, text: str, first: int, gap_width: float) -> None:
    """A label ending in a colon and its value set apart in one text object ("Wards
    Affected:      All"): the gap is measured between the colon and the value."""
    match = _LABEL_COLON.match(text)
    if not match:
        return
    colon = match.end() - 1
    value = colon + 1
    while value < len(text) and text[value].isspace():
        value += 1
    if value >= len(text):
        return
    colon_right = reader.box(first + colon)[1]
    value_left = reader.box(first + value)[0]
    if value_left - colon_right >= 0.6 * gap_width:
        box.lead, box.lead_gap = strip_controls(text[: colon + 1]), True
        box.rest_x, box.gaps = value_left, 1
