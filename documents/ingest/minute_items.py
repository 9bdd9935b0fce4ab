"""Finding the minutes in printed minutes: a line stream without page furniture, then headings.

A minute heading is a short line that starts with the printed minute number ("82.", "Min 107",
"CAB 45/17", "19/123", "(05-003)", "IV.") or a title followed by an agenda reference line
("(Item 1)"). List numbers inside a minute, dates and amounts look similar; they are told
apart by keeping only the longest run of headings whose numbers rise in small steps.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .cleaning import join_lone_numbers
from .parsed import PageContent

GAP = 3  # largest step between consecutive minute numbers still read as the same sequence


@dataclass
class Line:
    page: int  # 1-based physical page
    text: str


@dataclass
class MinuteSpan:
    """One minute as found in the line stream, before its body is interpreted."""

    title: str
    number: str | None
    minute_number: str | None
    page_start: int
    page_end: int
    body: list[Line] = field(default_factory=list)


@dataclass
class _Candidate:
    index: int  # first line of the heading
    end: int  # line after the heading (title lines and agenda reference included)
    family: str
    key: int
    printed: str
    agenda: str | None
    title: str
    weight: float
    rest: str = ""  # text printed on the heading line after the title


_STAMP = re.compile(
    r"^(?:page\s*\|?\s*\d+(?:\s*of\s*\d+)?|\d{1,4}|-\s*\d+\s*-|\d+\s*/\s*\d+|[ivxlc]{1,5})$",
    re.I,
)
_ITEM_REF = re.compile(r"^\((?:agenda\s+)?item\s*(?:no\.?\s*)?([\w.]+)\)$", re.I)
_NUMBERED = re.compile(
    r"^(?:min(?:ute)?s?\.?\s*(?:no\.?\s*)?)?(?P<num>\d{1,4})(?P<point>\.0(?=\s))?"
    r"(?P<sep>\.\s*|:\s*|\s+[-–—]\s+|\s+)"
    r"(?:\((?:agenda(?:\s+item)?|item)\s*(?:no\.?\s*)?(?P<agenda>[\w.]+)\)\s*)?(?P<title>.*)$",
    re.I,
)
# A parish's minute reference: the year, then the minute's number in it ("23/01", "2026/01").
_YEAR_NUMBER = r"\d{2}/\d{1,4}|(?:19|20)\d{2}/\d{1,3}"
_CODED = re.compile(
    rf"^(?P<num>[A-Z]{{1,6}}\s?\d{{1,4}}/\d{{2,4}}|{_YEAR_NUMBER})\.?\s+(?P<title>\S.*)$"
)
# The outcome US minutes print after an item's title ("... Ordinance. Adopted.").
TRAILING_OUTCOME = re.compile(
    r"[.;]?\s*(?:Accepted|Approved|Adopted|Introduced|Continued|Withdrawn|Carried|Denied|"
    r"Noted)[.;]?(?:\s+and)?$"
)
_YEAR_REF = re.compile(_YEAR_NUMBER)
_PAREN_CODE = re.compile(r"^\(\*?(?P<num>\d{2}-\d{2,4})(?:\s+[A-Z][\w-]*)?\)\s*(?P<title>\S.*)$")
_ROMAN = re.compile(r"^(?P<num>[IVXL]{1,6}|[ivxl]{1,6})[.)]\s+(?P<title>\S.*)$")
_MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|january|february|march|april|june|july|"
    r"august|september|october|november|december"
)
_NOT_TITLE_START = re.compile(
    rf"^(?:(?:{_MONTHS})\b|that\b|to\b|and\b|per\b|%|£|\$|x\b|st\b|nd\b|rd\b|th\b)", re.I
)
_CONTINUED = re.compile(r"(?:[,(–-]|\b(?:and|of|the|for|to|with|in|on|by|a))$", re.I)
_SENTENCE_OPENING = re.compile(
    r"^(?:the|that|this|these|those|it|its|there|they|he|she|we|members?|councillors?|cllrs?|"
    r"mr|mrs|ms|miss|dr|a|an|in|on|at|all|following|resolved|agreed|noted|to|if|as|for|with|"
    r"after|before|when|no|not|each|some|any\s+(?!other\b))\b",
    re.I,
)
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the"}
_SMALL_WORDS |= {"to", "with", "into", "under", "over", "vs", "v", "de", "la", "upon"}
_SPACE_RUN = re.compile(r"[\s\u00a0\u200b]+")
_DIGITS = re.compile(r"\d+")


def page_lines(pages: list[PageContent]) -> list[Line]:
    """Every text line of the pages in order, without page stamps and running heads/feet."""
    per_page = []
    for page in pages:
        lines = []
        for raw in page.raw_text.replace("\r\n", "\n").replace("\r", " ").split("\n"):
            text = _SPACE_RUN.sub(" ", raw.replace("\u00ad", "")).strip()
            if text:
                lines.append(text)
        per_page.append((page.number, join_lone_numbers(lines)))
    repeated = _running_lines(per_page)
    out: list[Line] = []
    for number, lines in per_page:
        for position, text in enumerate(lines):
            edge = position < 4 or position >= len(lines) - 3
            if _STAMP.match(text) or (edge and _shape(text) in repeated):
                continue
            out.append(Line(number, text))
    return out


def _shape(text: str) -> str:
    return _DIGITS.sub("#", text.lower())


def _running_lines(per_page: list[tuple[int, list[str]]]) -> set[str]:
    """Lines printed at the top, or at the foot, of at least half the pages."""
    if len(per_page) < 2:
        return set()
    tops: Counter[str] = Counter()
    feet: Counter[str] = Counter()
    middles: Counter[str] = Counter()
    for _, lines in per_page:
        tops.update({_shape(t) for t in lines[:4]})
        feet.update({_shape(t) for t in lines[-3:]})
        middles.update(_shape(t) for t in lines[4:-3])
    need = max(2, (len(per_page) + 1) // 2)
    # A running head is print furniture: it is not also written in the body of the pages
    # ("Resolved" at the top of a few pages is the text breaking there, not a header).
    return {
        shape
        for counts in (tops, feet)
        for shape, n in counts.items()
        if n >= need and middles[shape] < 2
    }


def roman_value(text: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    text = text.lower()
    for i, ch in enumerate(text):
        v = values[ch]
        total += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
    return total


def title_case_share(text: str, small_words: frozenset | set = _SMALL_WORDS) -> float:
    """The share of the text's words, joining words aside, that begin with a capital."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w.lower() not in small_words]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def heading_like(title: str, strict: bool = True) -> bool:
    """Whether text reads as a heading: short, title case or capitals, not a sentence."""
    title = title.strip()
    if not title or len(title) > 160 or not re.match(r"[A-Z0-9“\"'‘(]", title):
        return False
    if _NOT_TITLE_START.match(title):
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", title)
    if not words:
        return False
    if title.isupper():
        return True
    ratio = title_case_share(title)
    if strict:
        return len(words) <= 16 and not title.endswith((".", ",", ";")) and ratio >= 0.5
    return len(words) <= 25 and (ratio >= 0.34 or len(words) <= 5)


def _reads_as_heading(title: str, strict: bool) -> bool:
    """``heading_like``, where a strict reading also takes a short sentence-case heading."""
    return heading_like(title, strict=strict) or (strict and sentence_case_heading(title))


def sentence_case_heading(title: str) -> bool:
    """A short heading written in sentence case ("Minutes of the previous meeting", "Any
    other business"), as plain-English house styles write them: a capital first, no closing
    stop, and not the opening word of a sentence ("The Committee noted")."""
    words = title.split()
    return (
        2 <= len(words) <= 8
        and title[:1].isupper()
        and not title.endswith((".", ",", ";", ":"))
        and not _SENTENCE_OPENING.match(title)
    )


def _candidates(lines: list[Line]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for i, line in enumerate(lines):
        text = line.text
        prev = lines[i - 1].text if i else ""
        if _ITEM_REF.match(text):
            found.append(_item_ref_candidate(lines, i))
            continue
        match = _NUMBERED.match(text)
        if match and (match["point"] or not re.match(r"\d+\.\d", text)):
            cand = _numbered_candidate(lines, i, match, prev)
            if cand:
                found.append(cand)
            continue
        for family, pattern in (("coded", _CODED), ("paren", _PAREN_CODE), ("roman", _ROMAN)):
            match = pattern.match(text)
            if match:
                cand = _other_candidate(lines, i, family, match)
                if cand:
                    found.append(cand)
                    if family == "coded" and _YEAR_REF.fullmatch(cand.printed):
                        # "23/01": a parish's year, then the minute's number in that year.
                        number = int(cand.printed.split("/")[1])
                        found.append(replace(cand, family="year-ref", key=number))
                break
    return [c for c in found if c is not None]


def _numbered_candidate(lines: list[Line], i: int, match: re.Match, prev: str) -> _Candidate | None:
    title, rest = _split_caps_title(match.group("title").strip())
    title = TRAILING_OUTCOME.sub("", title)  # "Approval of minutes. Approved."
    loose_sep = not match.group("sep").strip()
    if loose_sep and (prev.endswith((",", "-", "–")) or re.search(r"\b(?:and|of|the)$", prev)):
        return None
    if prev.rstrip().lower().endswith(("resolved", "resolved:", "resolved that:")):
        return None
    if prev.rstrip().endswith(":") and re.match(r"(?i)that\b", title):
        return None
    ref_at = _item_ref_after(lines, i)
    strict = loose_sep or ref_at is None
    shaped = _reads_as_heading(title, strict)
    if not shaped and (ref_at is None or not title):
        return None
    end = i + 1
    agenda = match.group("agenda")
    if ref_at is not None:
        title = " ".join([title] + [ln.text for ln in lines[i + 1 : ref_at]])
        agenda = _ITEM_REF.match(lines[ref_at].text).group(1)
        end = ref_at + 1
    elif not rest:
        title, end = _continue_title(lines, i, title)
    weight = 1.2 if (ref_at is not None or match.group("agenda")) else 1.0
    num = match.group("num")
    printed = num + (match.group("point") or "")  # "2.0" as printed
    return _Candidate(i, end, "numbered", int(num), printed, agenda, title, weight, rest)


def _other_candidate(lines: list[Line], i: int, family: str, match: re.Match) -> _Candidate | None:
    title = match.group("title").strip()
    printed = match.group("num")
    if family == "roman":
        key = roman_value(printed)
    else:
        parts = re.findall(r"\d+", printed)
        key = int(parts[-1]) if family == "paren" else int(parts[0])
    strict = family != "paren"
    if not _reads_as_heading(title, strict):
        return None
    if family == "paren":
        title, end = _sentence_title(lines, i, title)
    else:
        title, end = _continue_title(lines, i, title)
    return _Candidate(i, end, family, key, printed, None, title, 1.0)


def _item_ref_candidate(lines: list[Line], i: int) -> _Candidate:
    """A heading printed as a title followed by "(Item N)": the title is the lines above."""
    start = i
    while start > 0 and i - start < 3:
        above = lines[start - 1].text
        if above.endswith((".", ":", ";")) or re.match(r"^(?:\(?\w{1,3}[.)]|[-•\uf0b7])\s", above):
            break
        if _ITEM_REF.match(above) or not heading_like(above, strict=False):
            break
        if start >= 2 and _CONTINUED.search(lines[start - 2].text):
            break
        start -= 1
    title = " ".join(ln.text for ln in lines[start:i])
    agenda = _ITEM_REF.match(lines[i].text).group(1)
    key = int(re.sub(r"\D", "", agenda) or 0)
    return _Candidate(start, i + 1, "item-ref", key, agenda, agenda, title, 1.0 if title else 0.2)


def _item_ref_after(lines: list[Line], i: int) -> int | None:
    for j in range(i + 1, min(i + 4, len(lines))):
        if _ITEM_REF.match(lines[j].text):
            return j
        if lines[j].text.endswith(".") or _NUMBERED.match(lines[j].text):
            return None
    return None


def _continue_title(lines: list[Line], i: int, title: str) -> tuple[str, int]:
    """Join a wrapped heading's second line ("...Care" + "and Protection")."""
    j = i + 1
    if j < len(lines) and len(lines[i].text) >= 55 and not title.endswith((".", ":")):
        nxt = lines[j].text
        if (
            len(nxt) < 60
            and not nxt.endswith((".", ":", ","))
            and not _NUMBERED.match(nxt)
            and (nxt[0].islower() or heading_like(nxt))
        ):
            return f"{title} {nxt}", j + 1
    return title, j


def _sentence_title(lines: list[Line], i: int, title: str) -> tuple[str, int]:
    """US paragraph-numbered items: the title is the first sentence, possibly wrapped."""
    parts = [title]
    j = i + 1
    while not re.search(r"[.”\"]$", parts[-1]) and j < len(lines) and j - i < 6:
        if parts[-1].endswith(")") and lines[j].text[:1].isupper():
            break  # "... (As Defendant - City Exposure to Legal Action)" / "Following the ..."
        parts.append(lines[j].text)
        j += 1
    return " ".join(parts), j


def _split_caps_title(title: str) -> tuple[str, str]:
    """ "CLERK'S CONTRACT. Held over" -> ("CLERK'S CONTRACT", "Held over")."""
    match = re.match(r"^([^a-z]{3,}?)\.\s+(\S.*)$", title)
    if match and not match.group(2).isupper():
        return match.group(1).strip(), match.group(2).strip()
    # "ROLL CALL: Present: President Ezzy Ashcraft, Board members Burton,"
    match = re.match(r"^([A-Z][A-Z’'&/ -]{2,40}?):\s+(\S.*)$", title)
    if match and not match.group(2).isupper():
        return match.group(1).strip(), match.group(2).strip()
    return title, ""


def _best_chain(cands: list[_Candidate]) -> list[_Candidate]:
    """The highest-scoring run of headings whose numbers rise in small steps.

    A number printed with a digit missing ("6" where 56 is due) still continues the run,
    at a small cost, so that one typing slip does not swallow a minute.
    """
    if not cands:
        return []
    score = [c.weight for c in cands]
    key = [c.key for c in cands]
    back: list[int | None] = [None] * len(cands)
    slip = [False] * len(cands)
    for i, cand in enumerate(cands):
        for j in range(i):
            if cands[j].end > cand.index:
                continue
            step, cost, due = cand.key - key[j], 0.0, key[j] + 1
            if not 0 < step <= GAP:
                if slip[j] or cand.key >= key[j] or not str(due).endswith(str(cand.key)):
                    continue
                step, cost = 1, cand.weight  # worth taking only if the run goes on after it
            value = score[j] + cand.weight - 0.5 * (step - 1) - cost
            if value > score[i]:
                score[i], back[i] = value, j
                key[i], slip[i] = key[j] + step, cost > 0
    best = max(range(len(cands)), key=lambda k: score[k])
    chain = []
    at: int | None = best
    while at is not None:
        chain.append(cands[at])
        at = back[at]
    return chain[::-1]


def find_minutes(lines: list[Line]) -> tuple[list[Line], list[MinuteSpan]]:
    """Split the line stream into the header (before the first minute) and the minutes."""
    cands = _candidates(lines)
    best: list[_Candidate] = []
    best_score = 0.0
    for family in ("numbered", "item-ref", "coded", "year-ref", "paren", "roman"):
        chain = _best_chain([c for c in cands if c.family == family])
        value = sum(c.weight for c in chain)
        # One "(18-139)" file number is enough: no list number or date is printed that way.
        enough = len(chain) >= (1 if family == "paren" else 2)
        if enough and value > best_score + 0.01:
            best, best_score = chain, value
    if not best:
        return lines, []
    spans = []
    for k, cand in enumerate(best):
        stop = best[k + 1].index if k + 1 < len(best) else len(lines)
        body = lines[cand.end : stop]
        if cand.rest:
            body = [Line(lines[cand.index].page, cand.rest), *body]
        title = re.sub(r"\s+", " ", cand.title).strip(" .:-–")
        if cand.family == "item-ref":
            number, minute_number = cand.agenda, None
        else:
            number = cand.agenda or cand.printed
            minute_number = cand.printed
        last_page = body[-1].page if body else lines[cand.end - 1].page
        spans.append(
            MinuteSpan(title, number, minute_number, lines[cand.index].page, last_page, body)
        )
    return lines[: best[0].index], spans
