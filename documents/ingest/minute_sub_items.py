"""Lettered business under a numbered section of US minutes: "2-A.", "3-A", "4A.", "5B", "2.C".

The truth conventions put such items at the top level, after their section heading, with the
number as printed. A line is one when it starts with the section's own number followed by a
letter, the letters rise in order, and the rest of the line reads as a heading. The section
keeps its whole range of pages; its body is what precedes its first lettered item.
"""

from __future__ import annotations

import re

from .minute_items import Line, MinuteSpan, heading_like, title_case_share

_TAG = re.compile(r"\s*\((?:action|discussion|information|info|presentation)\)\s*$", re.I)
# "2023-3594 - Approve ...", "2023 – 3596 - Approve ...": a legislative file's number.
FILE_NUMBER = re.compile(r"^\d{4}\s*[-–]\s*\d{2,6}\s*[-–—]\s*")
_BARE_FILE_NUMBER = re.compile(r"^\d{2,4}-\d{2,6}$")  # "5-A 2023-3281", the title below it
_SENTENCE_END = re.compile(r"\.(?:\s+(?=[A-Z(])|\s*$)")
# Words a heading leaves in lower case ("Election of Chair and Vice Chair").
_JOINING = frozenset(
    {"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with", "by"}
)


def _title_case_share(text: str) -> float:
    return title_case_share(text, _JOINING)


def _title_below(following: list[Line]) -> tuple[str, int]:
    """The heading printed on the lines under a number that carries only a file number
    ("5-A 2023-3281" / "Objective Design Review Standards. Public hearing to ..."): its
    first sentence, over a wrapped line when that line reads as part of a heading; and how
    many lines it took whole (a line the sentence ends inside stays in the body)."""
    parts: list[str] = []
    for line in following[:3]:
        text = line.text.strip()
        end = _SENTENCE_END.search(text)
        piece = text[: end.start()] if end else text
        if parts and not (piece[:1].islower() or _title_case_share(piece) >= 0.75):
            break
        parts.append(piece)
        if end or len(text) < 55:
            break
    whole = len(parts) - (1 if parts and end and end.end() < len(text) else 0)
    return " ".join(parts), whole


def _pattern(number: str) -> re.Pattern:
    num = re.escape(number)
    return re.compile(
        rf"^\*?(?P<num>{num}\s?[-.]?\s?(?P<letter>[A-Z])"
        rf"(?:\s+and\s+{num}\s?[-.]?\s?[A-Z])?)\.?(?:\s+(?P<title>\S.*)|$)"
    )


def _title(first: str, following: list[Line]) -> tuple[str, int]:
    """An item's title, and how many of the ``following`` lines it used up."""
    if _BARE_FILE_NUMBER.fullmatch(first.strip()):
        title, used = _title_below(following)
        return _TAG.sub("", title).strip(" .:;-–"), used
    title = FILE_NUMBER.sub("", first.strip())
    end = _SENTENCE_END.search(title)
    if end and end.end() < len(title) and len(title[: end.start()].split()) >= 2:
        # "8-A Public Art Proposal – Grand Marina. Two freestanding sculptures ...".
        return _TAG.sub("", title[: end.start()]).strip(" .:;-–"), 0
    parts = [title]
    # A heading wrapped onto the lines below ("... Bus Service Plan Update" / "(Action)",
    # "Public Hearing / Scoping Session of the ... for the" / "proposal to reconfigure ...").
    for line in following[:4]:
        if parts[-1].endswith((".", ":")) or (len(parts[-1]) < 55 and parts[-1][-1:] != ","):
            break
        # A wrapped heading: after a comma, in lower case, or ending in its "(Action)" tag.
        wrapped = parts[-1].rstrip().endswith(",") or bool(_TAG.search(line.text))
        if not line.text[:1].islower() and not _TAG.fullmatch(line.text) and not wrapped:
            break
        end = _SENTENCE_END.search(line.text)
        parts.append(line.text[: end.start()] if end else line.text)
        if end:
            break
    return _TAG.sub("", _without_list(" ".join(parts))).strip(" .:;-–"), 0


def _without_list(title: str) -> str:
    """A heading that runs into a list after a colon ("Possible Agenda Items for the Next
    Meeting: Park Tour, Invite ..., Process of ...") is the heading alone."""
    head, colon, rest = title.partition(": ")
    listed = rest.count(",") >= 2 and len(head.split()) >= 3
    return head if colon and listed and _title_case_share(head) >= 0.75 else title


def _lettered(span: MinuteSpan) -> list[tuple[int, str, str, int]]:
    """(body index, printed number, title, title lines below it) of each lettered item in
    the section's body."""
    if not span.number or not re.fullmatch(r"\d{1,3}", span.number):
        return []
    pattern = _pattern(span.number)
    found: list[tuple[int, str, str, int]] = []
    due = "A"
    for index, line in enumerate(span.body):
        match = pattern.match(line.text)
        if not match or not match["title"]:
            continue
        letter = match["letter"]
        if not 0 <= ord(letter) - ord(due) <= 2:
            continue
        title, used = _title(match["title"], span.body[index + 1 :])
        # "9-C" or "9.C" under section 9 is plainly an item, whatever its title's length;
        # "9 A motion ..." is a sentence unless its words read as a heading.
        separated = re.match(rf"\*?{re.escape(span.number)}\s?[-.]\s?[A-Z]\b", line.text)
        readable = bool(separated) and len(title) <= 400 and title[:1].isupper()
        if not (readable or heading_like(title, strict=False)):
            continue
        found.append((index, re.sub(r"\s+", " ", match["num"]).strip(), title, used))
        due = chr(ord(letter) + 1)
    return found


_RESTARTED = re.compile(r"^(?P<n>\d{1,2})[.)]\s+(?P<title>[A-Z0-9“\"'‘(].*)$")
_NOT_AN_ITEM = re.compile(r"^(?:that|to|and|the\s+\w+\s+(?:was|were|is|are|noted))\b", re.I)


def _numbered_under(span: MinuteSpan) -> list[tuple[int, str, str, int]]:
    """Items numbered afresh under a numbered section ("4. APPROVAL OF CONSENT CALENDAR",
    then "1. June 10, 2019 ... Minutes", "2. Meeting Calendar 2020"): the section's body
    opens with the first of them, they count up from 1, and every one reads as a heading,
    not as a numbered paragraph of the minute ("1. Mr Gough presented the report."). They
    are numbered "4.1", "4.2", so they stay distinct from the sections "1" and "2"."""
    if not span.number or not re.fullmatch(r"\d{1,3}", span.number) or not span.body:
        return []
    found: list[tuple[int, str, str, int]] = []
    due = 1
    for index, line in enumerate(span.body):
        match = _RESTARTED.match(line.text)
        if not match or int(match["n"]) != due or (due == 1 and index != 0):
            continue
        title, used = _title(match["title"], span.body[index + 1 :])
        if not _reads_as_heading(title, span.body[index : index + 6], match.start("title")):
            return []  # one numbered paragraph: the numbers are the minute's paragraphs
        found.append((index, f"{span.number}.{due}", title, used))
        due += 1
    return found


_BARE_LETTER = re.compile(r"^(?P<letter>[A-Z])\.\s+(?P<title>[A-Z0-9“\"'‘(].*)$")


def _lettered_afresh(span: MinuteSpan) -> list[tuple[int, str, str, int]]:
    """Items lettered afresh under a section ("III. CONSENT AGENDA", then "A. Approval of
    Minutes", "B. Approval of Warrants"): the section's body opens with "A.", the letters
    rise, and each reads as a heading. They are numbered "III.A", "III.B"."""
    if not span.number or not span.body or not _BARE_LETTER.match(span.body[0].text):
        return []
    found: list[tuple[int, str, str, int]] = []
    due = "A"
    for index, line in enumerate(span.body):
        match = _BARE_LETTER.match(line.text)
        if not match or match["letter"] != due:
            continue
        title, used = _title(match["title"], span.body[index + 1 :])
        ends = _after_title(title, span.body[index : index + 6], match.start("title"))
        if _NOT_AN_ITEM.match(title) or len(title.split()) > 15 or ends in (".", ":"):
            return []  # lettered paragraphs of the minute, not items
        found.append((index, f"{span.number}.{due}", title, used))
        due = chr(ord(due) + 1)
    return found


def _after_title(title: str, lines: list[Line], start: int) -> str:
    """The character printed just after a title that starts at ``start`` of the first line
    ("." when the "title" is the first sentence of a paragraph), or ""."""
    source = " ".join(line.text.strip() for line in lines)[start:]
    return source[len(title) : len(title) + 1] if source.startswith(title) else ""


def _reads_as_heading(title: str, lines: list[Line], start: int) -> bool:
    if _NOT_AN_ITEM.match(title) or len(title.split()) > 30 or title.endswith(":"):
        return False
    after = _after_title(title, lines, start)
    return after not in (".", ":") and _title_case_share(title) >= 0.8


def split_sub_items(spans: list[MinuteSpan]) -> list[MinuteSpan]:
    """The spans with each section's lettered items placed after it as spans of their own."""
    out: list[MinuteSpan] = []
    for span in spans:
        lettered = _lettered(span) or _numbered_under(span) or _lettered_afresh(span)
        if not lettered:
            out.append(span)
            continue
        body = span.body
        span.body = body[: lettered[0][0]]
        out.append(span)
        for k, (index, number, title, used) in enumerate(lettered):
            stop = lettered[k + 1][0] if k + 1 < len(lettered) else len(body)
            own = body[index + 1 + used : stop]
            last = own[-1].page if own else body[index].page
            out.append(MinuteSpan(title, number, number, body[index].page, last, own))
    return out


_LETTERED_LINE = re.compile(
    r"^\*?(?P<num>(?P<section>\d{1,3})\s?[-.]?\s?(?P<letter>[A-Z])|(?P<bare>[A-Z]))\.?"
    r"\s+(?P<title>\S.*)$"
)


def lettered_minutes(lines: list[Line]) -> tuple[list[Line], list[MinuteSpan]]:
    """Minutes whose only printed numbers are lettered: "3-A.", "3-B." under unnumbered
    headings, or "A.", "B." restarting under each heading ("CONSENT CALENDAR", "NEW
    BUSINESS"). The letters must rise within a section; two items at least."""
    found: list[tuple[int, str, str, int]] = []
    due, section = "A", None
    for index, line in enumerate(lines):
        match = _LETTERED_LINE.match(line.text)
        if not match:
            continue
        letter = match["letter"] or match["bare"]
        key = match["section"]
        if match["bare"] and line.text.lstrip("*")[1:2] != ".":
            continue  # "A Report ..." is a sentence, "A. Report" an item
        restart = letter == "A" and (key != section or match["bare"])
        if not restart and (key != section or not 0 <= ord(letter) - ord(due) <= 1):
            continue
        title, used = _title(match["title"], lines[index + 1 :])
        if not heading_like(title, strict=False) or len(title.split()) > 25:
            continue
        found.append((index, re.sub(r"\s+", " ", match["num"]), title, used))
        due, section = chr(ord(letter) + 1), key
    if len(found) < 2:
        return lines, []
    spans = []
    for k, (index, number, title, used) in enumerate(found):
        stop = found[k + 1][0] if k + 1 < len(found) else len(lines)
        body = lines[index + 1 + used : stop]
        last = body[-1].page if body else lines[index].page
        spans.append(MinuteSpan(title, number, number, lines[index].page, last, body))
    return lines[: found[0][0]], spans
