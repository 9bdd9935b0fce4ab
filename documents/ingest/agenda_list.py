"""The numbered item list of an agenda front sheet: numbers, titles, sub-items, page refs.

Reads lines in order and keeps the item numbering in sequence (1, 2, 3 ...; I, II, III ...;
A1, A2 ...), so that dates, phone numbers and minute numbers further down are not taken for
items. Exempt flags come from the wording of each item and from the section headings
("EXEMPT ITEMS", "Part 2", an "Exclusion of the press and public" item) above it.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

from .cleaning import join_lone_numbers, strip_title_tags
from .exempt import (
    exempt_paragraph,
    is_closed_session,
    is_exclusion_motion,
    is_exempt_section_heading,
    is_public_section_heading,
    looks_exempt,
)
from .house_style import writes_us_style
from .parsed import PageContent, ParsedItem

_ITEM = re.compile(
    r"^(?:(?:[Ii]tem|ITEM)(?:\s+No\.?)?\s+)?(?P<num>\d{2,4}/\d{1,3}|\d{1,3}\.0(?=\s)|\d{1,3}[a-z]?|[A-Z]\d{1,2}|[IVXL]{1,6}|[A-Z](?=[.)]))"
    r"(?:[.):]\s*|\s+)(?P<title>[^\d\s].*|\d{2,}\s*/.*)$"
)
_DECIMAL_SUB = re.compile(r"^(?P<num>(?P<parent>\d{1,3})\.\d{1,2})\.?\s+(?P<title>\S.*)$")
# A lettered item written with its section's number ("5-A.", "5.B", "IV-C"): an item of its
# own, after its section, numbered as printed.
_ATTACHED_SUB = re.compile(
    r"^(?P<num>(?P<parent>\d{1,3}|[IVXL]{1,6})[-.](?P<letter>[A-Za-z]))[.):]?\s+(?P<title>\S.*)$"
)
_LETTER_SUB = re.compile(
    r"^(?:\((?P<a>[a-zA-Z]|[ivx]{1,4})\)|(?P<b>[a-zA-Z]|[ivx]{1,4})[.)])\s*(?P<title>\S.*)$"
)
_BULLET_SUB = re.compile(r"^[•\u2022\u25cf\-–]\s+(?P<title>\S.*)$")
_REF_LINE = re.compile(
    r"^\(?\s*(?:pages?\s*)?(?P<a>\d{1,4})\s*(?:(?:-|–|—|to)\s*(?P<b>\d{1,4}))?\s*\)?$", re.I
)
_REF_PAREN = re.compile(
    r"\(\s*pages?\s*(?P<a>\d{1,4})\s*(?:(?:-|–|—|to)\s*(?P<b>\d{1,4}))?\s*\)", re.I
)
_REF_LEADER = re.compile(r"\s*(?:\.{3,}|…+)[\s.…]*(?P<a>\d{1,4})(?:\s*[-–]\s*(?P<b>\d{1,4}))?\s*$")
_REF_TRAILING = re.compile(r"(?<=\S)\s+(?P<a>\d{1,3})\s*$")
_PAGE_STAMP = re.compile(
    r"^\s*page\s+\d{1,4}(?:\s+of\s+\d{1,4})?\s*$|^\s*agenda\s+item\s+\w+\s*$", re.I
)
_CONNECTOR = re.compile(
    r"(?:\b(?:and|of|the|to|for|on|in|with|by|from|at|or|a|an|into|under|held|&)|[-–,;/(])\s*$",
    re.I,
)
_MONTH_START = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\s*\d{0,4}\s*$", re.I
)
_STARTER = (
    r"^(?:to|see|this|the|that|a|an|members|report|please|note|cabinet|council|committee|"
    r"any|there|in|at)\b"
)
_CAPS_LEAD = re.compile(
    r"^(?P<head>(?=(?:[^a-z]*?[A-Z]){6})[^a-z]{6,}?)\s+[-–]\s+(?P<rest>.*[a-z].*)$"
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
# An item line that ends in its file's reference ("33. SUBJECT: STATE AND FEDERAL REPORT
# 2017-0346"): agendas made from a legislative file system number items board-wide, so
# they need not run 1, 2, 3; the reference says the line is an item.
_FILED_ITEM = re.compile(r"^\d{1,3}\.\s+\S.*\s(?P<file>\d{2,4}-\d{3,5})$")
_SUBJECT_LABEL = re.compile(r"^subject\s*:\s*", re.I)
_ARABIC = re.compile(r"\d{1,3}[a-z]?")
_LOWER = string.ascii_lowercase
_POINT_ZERO = re.compile(r"\d{1,3}\.0")
_ROMAN_NUMBER = re.compile(r"[IVXL]{1,6}")
_PREFIXED = re.compile(r"[A-Z]\d{1,2}")
_YEAR_REFERENCE = re.compile(r"(\d{2,4}/)(\d{1,3})")
_SPACES = re.compile(r"[ \t\u00a0]+")
_INTRO_WORD = re.compile(r"\b(agenda|items?|business)\b", re.I)


def _roman_value(text: str) -> int | None:
    if not text or any(ch not in _ROMAN for ch in text):
        return None
    total = 0
    for index, ch in enumerate(text):
        value = _ROMAN[ch]
        nxt = _ROMAN[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < nxt else value
    return total


def _scheme_and_value(number: str) -> tuple[str, str, int] | None:
    """("arabic"|"roman"|"prefixed", prefix/suffix, ordinal) of an item number."""
    if _ARABIC.fullmatch(number):
        return "arabic", number[-1] if number[-1].isalpha() else "", int(number.rstrip(_LOWER))
    if _POINT_ZERO.fullmatch(number):  # "1.0", "2.0": whole numbers written as decimals
        return "point-zero", "", int(number[:-2])
    if _ROMAN_NUMBER.fullmatch(number):
        value = _roman_value(number)
        return ("roman", "", value) if value else None
    if _PREFIXED.fullmatch(number):
        return "prefixed", number[0], int(number[1:])
    if len(number) == 1 and "A" <= number <= "Z":
        return "letter", "", ord(number) - ord("A") + 1
    if ref := _YEAR_REFERENCE.fullmatch(number):
        # A parish's minute reference, year then number ("23/01"), running on all year.
        return "reference", ref[1], int(ref[2])
    return None


@dataclass
class _Draft:
    number: str
    page: int
    title: list[str]
    body: list[str] = field(default_factory=list)
    subs: list[str] = field(default_factory=list)
    # Decimal items under this one ("2.1", "5.1"): items of their own, listed after it.
    decimals: list[_Draft] = field(default_factory=list)
    refs: list[tuple[int, int | None, bool]] = field(default_factory=list)  # (a, b, trailing)
    private: bool = False
    private_context: str = ""
    open_title: bool = True


def _clean(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def _strip_refs(text: str, draft: _Draft) -> str:
    for pattern in (_REF_PAREN, _REF_LEADER):
        match = pattern.search(text)
        if match:
            b = int(match.group("b")) if match.group("b") else None
            draft.refs.append((int(match.group("a")), b, False))
            text = (text[: match.start()] + text[match.end() :]).strip()
    return text


def _is_continuation(previous: str, line: str, title_upper: bool) -> bool:
    if not line or _REF_LINE.match(line):
        return False
    if line.endswith(":") and len(line.split()) <= 2:
        return False  # "CONSIDER:", "APPROVE:": the lead-in to what is asked, not the title
    if previous.count("(") > previous.count(")"):
        return True
    if line[0].islower():
        return True
    letters = re.sub(r"[^A-Za-z]", "", line)
    if title_upper and letters and letters.isupper() and len(letters) > 2:
        return True
    starter = re.match(_STARTER, line, re.I)
    if _CONNECTOR.search(previous) and not starter:
        return True
    if len(previous) >= 55 and not starter and len(line) < len(previous):
        return True
    return bool(re.search(r"\d\s*$", previous) and _MONTH_START.match(line))


class _ListReader:
    def __init__(
        self,
        any_first_number: bool,
        *,
        filed: bool = False,
        references: bool = False,
        letters: bool = False,
        lettered_items: bool = False,
    ) -> None:
        self.filed = filed  # items are the numbered lines that end in a file reference
        self.references = references  # items are numbered by minute reference ("23/01")
        self.letters = letters  # items are lettered A, B, C ...
        # US agendas: the lettered (or numbered) lines under an item are items of their own.
        self.lettered_items = lettered_items
        self.page = 0
        self.items: list[_Draft] = []
        self.any_first_number = any_first_number
        self.seen_intro = False
        self.private = False
        self.after_motion = False
        self.section_context = ""  # text of the private section heading and its note
        self.motion_context = ""  # text of the exclusion motion item
        self.in_section_note = False

    # -- numbering ---------------------------------------------------------------
    def _accepts(self, number: str, line: str) -> bool:
        if self.filed:
            return bool(_FILED_ITEM.match(line)) and number not in {d.number for d in self.items}
        if self.letters:
            # "A. CALL TO ORDER", "B. ROLL CALL" ... ("I." is the ninth letter here).
            expected = string.ascii_uppercase[len(self.items) % 26]
            return number == expected
        parsed = _scheme_and_value(number)
        if parsed is None or parsed[0] == "letter":
            return False
        scheme, tag, value = parsed
        if not self.items:
            if self.any_first_number:
                return self.seen_intro and scheme == "arabic"
            if (scheme == "reference") != self.references:
                return False
            if self.references:
                return True
            return value == 1 and not (scheme == "arabic" and tag)
        first = _scheme_and_value(self.items[0].number)
        last = _scheme_and_value(self.items[-1].number)
        if first is None or last is None or scheme != first[0]:
            return False
        seen = {_scheme_and_value(d.number)[1:] for d in self.items}  # type: ignore[index]
        if (tag, value) in seen:
            return False
        if scheme == "arabic" and tag:
            return value in (last[2], last[2] + 1)
        if scheme == "prefixed" and tag != last[1]:
            return value == 1
        if scheme == "reference":
            return tag == last[1] and value == last[2] + 1
        top = max(v for _, v in seen)
        return 1 <= value <= top + 3 and (value > last[2] or self.any_first_number or value < top)

    # -- lines -------------------------------------------------------------------
    def feed(self, line: str, page: int) -> None:
        self.page = page
        if _INTRO_WORD.search(line):
            self.seen_intro = True
        if not line or _PAGE_STAMP.match(line):
            return
        current = self.items[-1] if self.items else None
        if current is not None and _REF_LINE.match(line):
            self._feed_inside(current, line)
            return
        match = _ITEM.match(line)
        accepted = bool(match) and self._accepts(match.group("num"), line)
        if not accepted and is_exempt_section_heading(line):
            self.private, self.section_context, self.in_section_note = True, line, True
            return
        if not accepted and is_public_section_heading(line):
            self.private = self.after_motion = self.in_section_note = False
            self.section_context = self.motion_context = ""
            return
        if accepted:
            self.in_section_note = False
            title = match.group("title")
            filed = _FILED_ITEM.match(line) if self.filed else None
            if filed:
                title = _SUBJECT_LABEL.sub("", title[: len(title) - len(filed["file"])].strip())
            self._start(match.group("num"), title, page)
            return
        if self.in_section_note:
            self.section_context += " " + line
            return
        if current is not None:
            self._feed_inside(current, line)

    def _feed_inside(self, current: _Draft, line: str) -> None:
        ref = _REF_LINE.match(line)
        if ref:
            bare = not ref.group("b") and not re.search(r"page", line, re.I)
            if not current.refs and not (bare and (current.body or current.subs)):
                b = int(ref.group("b")) if ref.group("b") else None
                current.refs.append((int(ref.group("a")), b, False))
            current.open_title = False
            return
        sub = _DECIMAL_SUB.match(line) or _ATTACHED_SUB.match(line)
        if sub and sub.group("parent") == current.number.rstrip("abcdefgh"):
            decimal = _Draft(number=sub.group("num"), page=self.page, title=[sub.group("title")])
            decimal.private, decimal.private_context = current.private, current.private_context
            current.decimals.append(decimal)
            current.open_title = False
            return
        if self.lettered_items and (lettered := self._lettered(current, line)):
            lettered.private, lettered.private_context = current.private, current.private_context
            current.decimals.append(lettered)
            current.open_title = False
            return
        if current.decimals and current.decimals[-1].open_title:
            decimal = current.decimals[-1]
            if _is_continuation(decimal.title[-1], line, self._upper(decimal)):
                decimal.title.append(line)
                return
            decimal.open_title = False
        if _LETTER_SUB.match(line) or self._other_scheme(line):
            current.subs.append(line)
            current.open_title = False
            return
        if current.open_title and _is_continuation(current.title[-1], line, self._upper(current)):
            current.title.append(line)
            return
        current.open_title = False
        continues = (
            line[0].islower() or _CONNECTOR.search(current.subs[-1]) if current.subs else False
        )
        if continues and len(current.subs[-1]) < 150:
            current.subs[-1] = current.subs[-1] + " " + line
            return
        current.body.append(line)

    def _lettered(self, current: _Draft, line: str) -> _Draft | None:
        """The next lettered ("A.", "b)") or numbered ("1.") line under ``current``, in
        sequence, as an item numbered under it ("V.A", "4.b", "II.1"; "V.A.1" under "V.A").

        Not once the item's text has begun (the lettered parts of a recommendation), nor in
        a list numbered by file references (whose lettered lines are what is asked)."""
        if self.filed or current.body:
            return None
        tops = [d for d in current.decimals if d.number.count(".") == 1]
        letter = _LETTER_SUB.match(line)
        if letter:
            mark = letter["a"] or letter["b"]
            if len(mark) != 1 or mark.lower() != string.ascii_lowercase[len(tops) % 26]:
                return None
            number, title = f"{current.number}.{mark}", letter["title"]
            return _Draft(number=number, page=self.page, title=[title])
        numbered = _ITEM.match(line)
        if not numbered or not self._other_scheme(line):
            return None
        parent = current.number
        if tops and tops[-1].number.rsplit(".", 1)[1].isalpha():
            parent = tops[-1].number  # "1. Approval of grants" under "A. FINANCE"
        under = [d for d in current.decimals if d.number.startswith(parent + ".")]
        if numbered["num"] != str(len(under) + 1):
            return None
        number, title = f"{parent}.{numbered['num']}", numbered["title"]
        return _Draft(number=number, page=self.page, title=[title])

    def _other_scheme(self, line: str) -> bool:
        """A numbered line in a different numbering scheme from the items (1. under II.)."""
        match = _ITEM.match(line)
        if not match or _MONTH_START.match(match.group("title")):
            return False
        parsed = _scheme_and_value(match.group("num"))
        top = _scheme_and_value(self.items[0].number)
        return parsed is not None and top is not None and parsed[0] != top[0]

    @staticmethod
    def _upper(draft: _Draft) -> bool:
        letters = re.sub(r"[^A-Za-z]", "", " ".join(draft.title))
        return bool(letters) and letters.isupper()

    def _start(self, number: str, title: str, page: int) -> None:
        previous = self.items[-1] if self.items else None
        if previous is not None and is_exclusion_motion(" ".join(previous.title)):
            self.after_motion = True
            self.motion_context = " ".join(previous.title + previous.body)
        draft = _Draft(number=number, page=page, title=[title])
        draft.private = self.private or self.after_motion
        draft.private_context = f"{self.section_context} {self.motion_context}".strip()
        self.items.append(draft)


def _finish(draft: _Draft) -> ParsedItem:
    title = _strip_refs(" ".join(draft.title), draft)
    trailing = _REF_TRAILING.search(title)
    if trailing and not draft.refs and len(title.split()) >= 3:
        draft.refs.append((int(trailing.group("a")), None, True))
        title = title[: trailing.start()]
    title = re.sub(r"\(\s*pages?\s*$", "", title, flags=re.I)
    title = strip_title_tags(re.sub(r"\s+", " ", title).strip(" .:;-–"))
    if lead := _CAPS_LEAD.match(title):
        title = lead.group("head")
        draft.body.insert(0, lead.group("rest"))
    own_text = " ".join([title, *draft.body, *draft.subs])
    motion = is_exclusion_motion(title)
    exempt = not motion and (draft.private or looks_exempt(own_text) or is_closed_session(title))
    paragraph = None
    if exempt:
        paragraph = exempt_paragraph(own_text) or exempt_paragraph(draft.private_context)
    item = ParsedItem(title=title, number=draft.number, sub_items=[_clean(s) for s in draft.subs])
    item.exempt, item.exempt_paragraph = exempt, paragraph
    item.page_start = item.page_end = draft.page
    if draft.refs:
        a, b, _ = draft.refs[0]
        item.printed_page, item.printed_page_end = a, b
    return item


def _drop_implausible_trailing_refs(drafts: list[_Draft], items: list[ParsedItem]) -> None:
    """Bare trailing numbers count as page refs only if they rise down the list."""
    values = [item.printed_page for item in items if item.printed_page]
    if values == sorted(values):
        return
    for draft, item in zip(drafts, items, strict=True):
        if draft.refs and draft.refs[0][2]:
            item.title = f"{item.title} {draft.refs[0][0]}"
            item.printed_page = item.printed_page_end = None


def parse_agenda_list(
    pages: list[PageContent], *, any_first_number: bool = False
) -> list[ParsedItem]:
    """The numbered items listed on the given (front-sheet) pages, in order.

    Each item's page_start/page_end is the page listing it; printed_page/printed_page_end
    hold the printed page reference. ``any_first_number`` lets the list start at any number
    (supplements list only the items they add).
    """
    head = "\n".join(page.raw_text[:3000] for page in pages[:1])
    lettered = writes_us_style(head)
    reader = _read(pages, _ListReader(any_first_number, lettered_items=lettered))
    for other in ({"filed": True}, {"references": True}):
        if len(reader.items) < 2:
            again = _read(pages, _ListReader(any_first_number, lettered_items=lettered, **other))
            reader = again if len(again.items) >= 2 else reader
    text = "\n".join(page.raw_text for page in pages)
    if not any_first_number and all(
        re.search(rf"(?m)^[ \t]*{letter}[.)][ \t]", text) for letter in "ABC"
    ):
        # Business lettered A, B, C at the top (numbered business under the letters).
        again = _read(pages, _ListReader(False, letters=True, lettered_items=lettered))
        if len(again.items) >= 3 and len(again.items) > len(reader.items):
            reader = again
    items = [_finish(draft) for draft in reader.items]
    _drop_implausible_trailing_refs(reader.items, items)
    return [
        each
        for draft, item in zip(reader.items, items, strict=True)
        for each in (item, *(_decimal(sub, item) for sub in draft.decimals))
    ]


def _read(pages: list[PageContent], reader: _ListReader) -> _ListReader:
    for page in pages:
        for line in join_lone_numbers([_clean(raw) for raw in page.raw_text.splitlines()]):
            reader.feed(line, page.number)
    return reader


def _decimal(draft: _Draft, parent: ParsedItem) -> ParsedItem:
    """A decimal item ("3.1" under "3 CLOSED SESSION"), on its parent's page and private
    when its parent is."""
    item = _finish(draft)
    if parent.exempt and not item.exempt:
        item.exempt, item.exempt_paragraph = True, parent.exempt_paragraph
    return item
