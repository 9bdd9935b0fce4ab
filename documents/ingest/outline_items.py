"""Items read from a paper's enumerated outline, for house styles the other readers miss.

    items = outline_items(pages, minutes=True)

A paper's business is an outline: lines at the left margin that begin with an enumerator of
one style ("1.", "2)", "Item 3", "IV.", "C.") whose values rise down the paper. Each line
that starts with an enumerator is a candidate; candidates of one style and indent are chained
into the longest rising run (small steps only), weighted by how much each line looks like a
heading (bold, short, title case). The heaviest run at the left-most indent is the top level
(at least half its lines must read as headings); a second style under it
("2.1", "4-A", "A.") gives items placed after their section heading, as printed. A paper with
no run of at least ``MIN_ITEMS`` items gives nothing: its structure is not read.

The title is the text after the enumerator (or the next line, when only a file number
follows it), carried onto the next lines while the line before runs to the right margin (a
wrapped heading) in the same type; a description it runs into is cut at its first sentence or
after a capitalised heading ("ROLL CALL: Members present ..."). A run that holds fewer than
half the marks of its style and indent is numbered paragraphs starting again in each minute,
not an outline. Minutes' items run from their heading to the page of their last line before
the next item; agenda items keep the page that lists them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .minute_items import (
    _NOT_TITLE_START,
    _STAMP,
    Line,
    MinuteSpan,
    _running_lines,
    _shape,
    roman_value,
    title_case_share,
)
from .parsed import PageContent, ParsedItem

MIN_ITEMS = 3
MAX_STEP = 3  # largest rise between consecutive items of a run
INDENT = 12.0  # points: enumerators this close are at one indent
MARGIN = 72.0  # points: a top-level enumerator sits this close to the page's text margin

_ITEM = re.compile(
    r"^(?:agenda\s+)?item\s+(?:no\.?\s*)?(?P<num>\d{1,3})\s*[.:)\-–—]?\s+(?P<title>\S.*)$", re.I
)
_DECIMAL = re.compile(r"^(?P<major>\d{1,2})\.(?P<minor>\d{1,2})\.?\s+(?P<title>\S.*)$")
_NUM_LETTER = re.compile(r"^(?P<major>\d{1,2})[-.]?(?P<letter>[A-Z])[.):]?\s+(?P<title>\S.*)$")
_TAIL = r"\s+(?P<title>\S.*)$"
_ARABIC = re.compile(r"^(?P<open>\()?(?P<num>\d{1,3})(?P<close>[.):]|(?(open)\)))?" + _TAIL)
_ROMAN = re.compile(
    r"^(?P<open>\()?(?P<num>[IVXL]{1,6}|[ivxl]{1,6})(?P<close>[.)]|(?(open)\)))" + _TAIL
)
_LETTER = re.compile(r"^(?P<open>\()?(?P<num>[A-Za-z])(?P<close>[.)]|(?(open)\)))" + _TAIL)
_TITLE_START = re.compile(r"^[\w“\"'‘(]")
_PAGES = re.compile(r"\s*\(?\bpages?\s+\d+(?:\s*[-–]\s*\d+)?\)?\s*$", re.I)
_LEADERS = re.compile(r"\s*(?:\.{3,}|…+|_{3,})\s*\d*\s*$")
_TAGS = re.compile(r"\s*\((?:action|discussion|information|info|for\s+\w+)\)\s*$", re.I)
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]])\.\s+(?=[A-Z(])")
_CAPS_LEAD = re.compile(r"^([A-Z][A-Z0-9'’&/, ]*[A-Z]{2}[A-Z0-9'’&/, ]*?)\s*(?:[:–—-]|\.)\s+")
_AGENDA_REF = re.compile(
    r"^\((?:agenda(?:\s+item)?|item)\s*(?:no\.?\s*)?(?P<num>\d{1,3}[A-Za-z]?)\)\s*", re.I
)


@dataclass
class _Line:
    page: int
    text: str
    x0: float | None = None
    x1: float | None = None
    top: float | None = None
    bottom: float | None = None
    size: float | None = None
    bold: bool = False


@dataclass
class _Mark:
    """A line that begins with an enumerator."""

    index: int  # in the line stream
    style: str  # enumerator family and punctuation ("arabic.", "roman)", "decimal")
    value: int
    printed: str
    title: str
    major: int | None = None  # decimal and number-letter marks: the section number


def _lines(pages: list[PageContent]) -> list[_Line]:
    """The pages' lines in order, with their boxes, without page stamps and running heads."""
    per_page = []
    for page in pages:
        boxes = page.layout or []
        kept = []
        for k, raw in enumerate(page.raw_text.split("\n")):
            text = re.sub(r"[\s\u00a0\u200b]+", " ", raw.replace("\u00ad", "")).strip()
            if not text or text == "`":
                continue
            box = boxes[k] if k < len(boxes) else None
            line = _Line(page.number, text)
            if box is not None:
                line.x0, line.x1, line.top, line.bottom = box.x0, box.x1, box.top, box.bottom
                line.size, line.bold = box.size, box.bold
            kept.append(line)
        per_page.append((page.number, kept))
    repeated = _running_lines([(n, [ln.text for ln in kept]) for n, kept in per_page])
    out: list[_Line] = []
    for _, kept in per_page:
        for position, line in enumerate(kept):
            edge = position < 4 or position >= len(kept) - 3
            if not (_STAMP.match(line.text) or (edge and _shape(line.text) in repeated)):
                out.append(line)
    return out


def _marks(line: _Line, index: int) -> list[_Mark]:
    """Every reading of the line's enumerator ("I." is roman one or the letter I)."""
    text = line.text.lstrip("*")
    found: list[_Mark] = []
    match = _ITEM.match(text)
    if match:
        return [_Mark(index, "item", int(match["num"]), match["num"], match["title"])]
    match = _DECIMAL.match(text)
    if match:
        major, minor = int(match["major"]), int(match["minor"])
        printed = f"{major}.{minor}"
        return [_Mark(index, "decimal", minor, printed, match["title"], major)]
    match = _NUM_LETTER.match(text)
    if match and not _ARABIC.match(text):
        value = ord(match["letter"]) - 64
        printed = text[: match.start("title")].strip().rstrip(".):")
        return [_Mark(index, "numletter", value, printed, match["title"], int(match["major"]))]
    match = _ARABIC.match(text)
    if match:
        punct = (match["open"] or "") + (match["close"] or "")
        title = match["title"]
        if not punct and (not title[:1].isupper() or _NOT_TITLE_START.match(title)):
            return []
        if _NOT_TITLE_START.match(title) and not title[:1].isupper():
            return []
        return [_Mark(index, f"arabic{punct}", int(match["num"]), match["num"], title)]
    match = _ROMAN.match(text)
    if match:
        num = match["num"]
        punct = (match["open"] or "") + (match["close"] or "")
        case = "R" if num.isupper() else "r"
        found.append(_Mark(index, f"roman{case}{punct}", roman_value(num), num, match["title"]))
    match = _LETTER.match(text)
    if match:
        num = match["num"]
        punct = (match["open"] or "") + (match["close"] or "")
        case = "L" if num.isupper() else "l"
        value = ord(num.lower()) - 96
        found.append(_Mark(index, f"letter{case}{punct}", value, num, match["title"]))
    return found


def _weight(mark: _Mark, lines: list[_Line]) -> float:
    """How much the marked line looks like a heading (1 for any, up to about 2.5)."""
    line = lines[mark.index]
    title = mark.title
    weight = 1.0
    if not _TITLE_START.match(title):
        return 0.2
    if line.bold:
        weight += 0.5
    if title.isupper() or title_case_share(title) >= 0.6:
        weight += 0.5
    if not title[:1].isupper() and not title[:1].isdigit():
        weight -= 0.5
    if len(title.split()) <= 12 and not title.endswith((".", ",", ";")):
        weight += 0.3
    return weight


def _margin(lines: list[_Line]) -> float | None:
    """The text's left margin: the smallest left edge shared by several lines."""
    edges = sorted(round(ln.x0) for ln in lines if ln.x0 is not None)
    if len(edges) < 5:
        return None
    return edges[min(len(edges) - 1, max(2, len(edges) // 50))]


def _near(a: _Line, b: _Line) -> bool:
    return a.x0 is None or b.x0 is None or abs(a.x0 - b.x0) <= INDENT


def _runs(marks: list[_Mark], lines: list[_Line], top: bool, restart: bool = False):
    """For each style, its heaviest run of one indent whose values rise in small steps (and,
    with ``restart``, start again at one after a section): (score, run) pairs."""
    by_style: dict[str, list[_Mark]] = {}
    for mark in marks:
        by_style.setdefault(mark.style, []).append(mark)
    found = []
    for style, group in by_style.items():
        if top and style in ("decimal", "numletter"):
            continue
        scores: list[float] = []
        back: list[int | None] = []
        for i, mark in enumerate(group):
            own = _weight(mark, lines)
            first = mark.value <= 2 or style.startswith("arabic") or style == "item"
            score, link = (own if first else -1.0), None
            for j in range(i):
                step = mark.value - group[j].value
                again = restart and mark.value == 1 and group[j].value > 1
                if scores[j] <= 0 or not (0 < step <= MAX_STEP or again):
                    continue
                if not _near(lines[group[j].index], lines[mark.index]):
                    continue
                candidate = scores[j] + own - (0.5 if again else 0.4 * (step - 1))
                if candidate > score:
                    score, link = candidate, j
            scores.append(score)
            back.append(link)
        if not scores:
            continue
        end = max(range(len(group)), key=lambda k: scores[k])
        run, k = [], end
        while k is not None:
            run.append(group[k])
            k = back[k]
        found.append((scores[end], run[::-1]))
    return found


def _best_run(marks: list[_Mark], lines: list[_Line], top: bool) -> list[_Mark]:
    runs = _runs(marks, lines, top)
    return max(runs, key=lambda pair: pair[0])[1] if runs else []


def _indent(run: list[_Mark], lines: list[_Line]) -> float:
    edges = sorted(lines[m.index].x0 for m in run if lines[m.index].x0 is not None)
    return edges[len(edges) // 2] if edges else 0.0


def _same(run: list[_Mark], marks: list[_Mark], lines: list[_Line]) -> int:
    """How many marks share the run's style and indent."""
    first = run[0]
    return sum(m.style == first.style and _near(lines[m.index], lines[first.index]) for m in marks)


def _top_run(marks: list[_Mark], lines: list[_Line]) -> list[_Mark]:
    """The top level: of the runs of at least MIN_ITEMS, the heaviest at the left-most indent;
    a lettered or roman top level may start again in each section."""
    runs = [
        pair
        for pair in _runs(marks, lines, True)
        if len(pair[1]) >= MIN_ITEMS
        and 2 * sum(_heading(m, lines, sub=False) for m in pair[1]) >= len(pair[1])
    ]
    if not runs:
        return []
    # Numbered paragraphs that start again in each minute are not an outline: a run must
    # hold most of the marks of its style at its indent.
    runs = [pair for pair in runs if 2 * len(pair[1]) >= _same(pair[1], marks, lines)]
    if not runs:
        return []
    left = min(_indent(run, lines) for _, run in runs)
    runs = [pair for pair in runs if _indent(pair[1], lines) <= left + INDENT]
    best = max(runs, key=lambda pair: pair[0])[1]
    style = best[0].style
    if style.startswith(("letter", "roman")):
        again = _runs([m for m in marks if m.style == style], lines, True, restart=True)
        if again and len(again[0][1]) > len(best):
            best = again[0][1]
    return best


def _sub_marks(run: list[_Mark], marks: list[_Mark], lines: list[_Line], minutes: bool):
    """Items nested under the top level: "2.1" (agendas), "4-A" and "A." headings inside the
    sections, and in an agenda whose top level is not arabic, "1." headings."""
    styles = {"numletter", "letterL.", "letterL)"}
    if not minutes:
        styles.add("decimal")
        if not run[0].style.startswith("arabic"):
            styles |= {"arabic.", "arabic)"}
    starts = [m.index for m in run] + [len(lines)]
    found: list[_Mark] = []
    for k, head in enumerate(run):
        inside = [
            m
            for m in marks
            if starts[k] < m.index < starts[k + 1]
            and m.style in styles - {head.style}
            and _heading(m, lines)
            and (m.major is None or m.major <= head.value + 1)
            and (
                lines[m.index].x0 is None
                or lines[head.index].x0 is None
                or lines[m.index].x0 >= lines[head.index].x0 - INDENT
            )
        ]
        if not inside:
            continue
        decimals = [m for m in inside if m.style in ("decimal", "numletter")]
        sub = _best_run(decimals or inside, lines, top=False)
        if sub and (len(sub) > 1 or sub[0].value == 1 or decimals):
            found += sub
    return found


def _heading(mark: _Mark, lines: list[_Line], sub: bool = True) -> bool:
    """Whether the marked line reads as a heading (a nested arabic one must stand out): bold,
    or title-like text that is not a sentence running on to the next line."""
    line = lines[mark.index]
    if not sub and line.bold:
        return True
    title = mark.title
    words = title.split()
    if not _TITLE_START.match(title) or not (title[:1].isupper() or title[:1].isdigit()):
        return False
    if sub and mark.style.startswith("arabic") and not (line.bold or title.isupper()):
        return False
    short = len(words) <= 6 and not title.endswith(".")
    return len(words) <= 20 and (title.isupper() or title_case_share(title) >= 0.5 or short)


def _title(mark: _Mark, lines: list[_Line], stop: int) -> tuple[str, int]:
    """The text after the enumerator, with the lines a wrapped heading runs onto."""
    parts = [mark.title]
    line = lines[mark.index]
    right = max((ln.x1 for ln in lines if ln.page == line.page and ln.x1 is not None), default=None)
    k = mark.index + 1
    if not re.search(r"[A-Za-z]", mark.title) and k < stop:  # "5-A 2023-3281": a file number
        line = lines[k]
        parts, k = [line.text], k + 1
    while k < stop and len(parts) < 4:
        nxt, prev = lines[k], lines[k - 1]
        if nxt.page != prev.page or prev.x1 is None or nxt.x0 is None or right is None:
            break
        if prev.x1 < right - 60 or prev.text.endswith((".", ":", ";")):
            break
        if abs((nxt.size or 0) - (line.size or 0)) > 1.0 or nxt.bold != line.bold:
            break
        if nxt.top - prev.bottom > 0.6 * (line.size or 10):
            break
        if _AGENDA_REF.fullmatch(nxt.text):
            break
        parts.append(nxt.text)
        k += 1
    return _clean(" ".join(parts)), k


def _clean(title: str) -> str:
    caps = _CAPS_LEAD.match(title)
    if caps and re.search(r"[a-z]", title[caps.end() :]):
        title = caps.group(1)  # "ROLL CALL: Board Members present were ..."
    title = _LEADERS.sub("", title)
    title = _PAGES.sub("", title)
    title = _TAGS.sub("", title)
    sentence = _SENTENCE_END.search(title)
    if sentence and sentence.start() >= 12:
        title = title[: sentence.start()]
    return title.strip(" .:;–—-")


@dataclass
class _Heading:
    title: str
    printed: str
    agenda: str | None  # an agenda reference printed with a minute heading ("(Item 3)")
    start: int  # heading line
    body: int  # first line after the heading
    stop: int  # next heading


def _outline(lines: list[_Line], minutes: bool) -> list[_Heading]:
    marks = [m for index, line in enumerate(lines) for m in _marks(line, index)]
    margin = _margin(lines)
    top_marks = [
        m
        for m in marks
        if margin is None or lines[m.index].x0 is None or lines[m.index].x0 <= margin + MARGIN
    ]
    run = _top_run(top_marks, lines)
    if len(run) < MIN_ITEMS:
        return []
    chosen = sorted([*run, *_sub_marks(run, marks, lines, minutes)], key=lambda m: m.index)
    headings: list[_Heading] = []
    for position, mark in enumerate(chosen):
        stop = chosen[position + 1].index if position + 1 < len(chosen) else len(lines)
        title, after = _title(mark, lines, stop)
        agenda = _AGENDA_REF.match(title)
        if agenda is not None:
            title = _clean(title[agenda.end() :])
        elif after < stop and _AGENDA_REF.fullmatch(lines[after].text):
            agenda = _AGENDA_REF.fullmatch(lines[after].text)
            after += 1
        number = agenda["num"] if agenda is not None else None
        title = title or mark.title
        headings.append(_Heading(title, mark.printed, number, mark.index, after, stop))
    return headings


def outline_items(pages: list[PageContent], minutes: bool = False) -> list[ParsedItem]:
    """The items of a paper read from its enumerated outline; none when it has no run of at
    least MIN_ITEMS rising enumerators at the margin. An agenda's items keep the page that
    lists them; a minute runs to the page where its text ends."""
    lines = _lines(pages)
    items: list[ParsedItem] = []
    for heading in _outline(lines, minutes):
        item = ParsedItem(title=heading.title, number=heading.agenda or heading.printed)
        item.page_start = item.page_end = lines[heading.start].page
        if minutes:
            item.minute_number = heading.printed
            item.page_end = lines[heading.stop - 1].page
        items.append(item)
    return items


def outline_minutes(pages: list[PageContent]) -> tuple[list[Line], list[MinuteSpan]]:
    """Minutes read from the outline, as ``minute_items.find_minutes`` gives them: the lines
    before the first minute, and each minute's span (no spans when there is no outline)."""
    lines = _lines(pages)
    stream = [Line(line.page, line.text) for line in lines]
    headings = _outline(lines, minutes=True)
    if not headings:
        return stream, []
    spans = []
    for heading in headings:
        body = stream[heading.body : heading.stop]
        last = lines[heading.stop - 1].page
        page = lines[heading.start].page
        number = heading.agenda or heading.printed
        spans.append(MinuteSpan(heading.title, number, heading.printed, page, last, body))
    return stream[: headings[0].start], spans
