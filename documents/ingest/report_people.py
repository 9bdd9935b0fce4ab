"""The people a report names: who it is from, who wrote it, who the relevant director is.

A front sheet's "From:" / "By:" / "Report of:" value lists one entry per person or office
("Sue Chandler, Cabinet Member for ...", "Sarah Hammond, Corporate Director ..."), each
wrapped over lines; members become the portfolio holder, directors the executive director
and any other officer the report's author. The contact block a report prints near its end
("Contact details", "Report Author(s):", "Lead Officer:") or the signature it closes with
("Olive O'Sullivan" / "Acting Town Clerk") names the author and their job title.
"""

from __future__ import annotations

import re
from functools import cmp_to_key

from .parsed import ParsedReport

_MEMBER = re.compile(
    r"cabinet\s+member|portfolio|\bleader\b|executive\s+member|champion|councill?or|\bcllr\b|"
    r"\bmayor\b|\bchair(?:man)?\b",
    re.I,
)
_DIRECTOR = re.compile(
    r"director|chief\s+executive|head\s+of|chief\s+(?:\w+\s+)?officer|monitoring\s+officer|"
    r"section\s+151",
    re.I,
)
_OFFICER = re.compile(
    r"\b(?:officer|manager|adviser|advisor|clerk|counsel|accountant|analyst|solicitor|"
    r"lead|coordinator)\b",
    re.I,
)
# A line that begins another entry of a "From" value rather than wrapping the last one.
_ENTRY_ROLE = re.compile(
    r"director|chief\s+executive|cabinet\s+member|\bleader\b|officer|manager|head\s+of|"
    r"champion|portfolio\s+holder|councill?or|executive\s+member",
    re.I,
)
_WRAPS_ON = re.compile(r"(?:\b(?:and|for|of|the|to)|[,&–-])\s*$", re.I)


def from_entries(values: list[tuple[str, bool]]) -> list[str]:
    """The entries of a "From" value: (line, set after a gap) pairs -> one text per entry."""
    entries: list[str] = []
    for text, gap in values:
        text = text.strip(" ,")
        if not text:
            continue
        new = (
            not entries
            or gap
            or (
                bool(_ENTRY_ROLE.search(text))
                and not _WRAPS_ON.search(entries[-1])
                and not text[0].islower()
            )
        )
        if new:
            entries.append(text)
        else:
            entries[-1] = f"{entries[-1]} {text}"
    return [re.sub(r"\s+", " ", e) for e in entries]


def assign_from(report: ParsedReport, values: list[tuple[str, bool]]) -> None:
    """Sort a "From" value's entries into portfolio holder(s), director(s) and author."""
    members: list[str] = []
    directors: list[str] = []
    for entry in from_entries(values):
        for part in re.split(r"\s{2,}", entry):
            part = part.strip(" ,")
            if _MEMBER.search(part) and not _DIRECTOR.search(part):
                members.append(part)
            elif _DIRECTOR.search(part):
                directors.append(part)
            elif _OFFICER.search(part):
                person = person_line(part)
                if person is None:  # an office, not a person: "Report of: Lead Officer"
                    directors.append(part)
                elif report.report_author is None:
                    report.report_author, report.author_title = person
    if members and report.portfolio_holder is None:
        report.portfolio_holder = "; ".join(members)
    if directors and report.executive_director is None:
        report.executive_director = "; ".join(directors)


_PERSON = re.compile(
    r"^(?:(?:Dr|Mr|Mrs|Ms|Miss|Cllr|Canon|Rev)\.?\s+)?[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}$"
)
_ROLE = re.compile(
    r"\b(?:director|officer|manager|head|chief|accountant|clerk|lead|adviser|advisor|analyst|"
    r"counsel|executive|assistant|deputy|interim|acting|senior|principal|coordinator|"
    r"services?|council|committee|team|group|member)\b",
    re.I,
)
_SEPARATOR = re.compile(r"\s*(?:,|\s[–—-]\s|\()\s*")


def person_line(line: str) -> tuple[str, str | None] | None:
    """ "Anna Taylor - Scrutiny Research Officer" -> (name, title); None unless it starts
    with a person's name."""
    line = line.strip()
    parts = _SEPARATOR.split(line, maxsplit=1)
    name = parts[0].strip()
    title = parts[1].strip(" )") if len(parts) > 1 else ""
    if not _PERSON.match(name) or _ROLE.search(name):
        return None
    return name, title or None


_CONTACT_HEAD = re.compile(
    r"^\s*(?:\d{1,2}\.?\s*)?(?P<head>contact\s+details|contact\s+officers?(?:\s*\(s\))?|"
    r"(?:report\s+)?authors?(?:\s*\(s\))?|lead\s+officers?|report\s+contacts?|"
    r"officer\s+contacts?|contact\s+for\s+enquiries)"
    r"(?P<and>\s+(?:and\s+)?(?:relevant|lead)\s+(?:corporate\s+)?directors?)?"
    r"\s*(?::\s*(?P<rest>.*))?$",
    re.I,
)
_DIRECTOR_HEAD = re.compile(
    r"^\s*(?:\d{1,2}\.?\s*)?(?:relevant\s+|lead\s+|responsible\s+)?(?:corporate\s+)?"
    r"director(?P<plural>s|\s*\(s\))?\s*:?\s*$",
    re.I,
)
_NOISE = re.compile(
    r"@|\d{4}|^\s*(?:[te]\s*:|tel\b|telephone|phone|e-?mail|mobile|ext\b|www\.)", re.I
)
# A telephone number or e-mail address under a signature (a year is not one).
_CONTACT_LINE = re.compile(
    r"@|\b0\d{2,4}\s?\d{3}\s?\d{3,4}\b|\+44|^\s*(?:t|e|tel|telephone|phone|e-?mail|mobile)\s*[:.]",
    re.I,
)
_END = re.compile(
    r"^\s*(?:\d{1,2}\.?\s+[A-Z]|appendi|annex|background|list\s+of\s+appendices)", re.I
)


def _plural(head: re.Match) -> bool:
    """ "Report Authors", "Contact Officer(s)", "Report Author and Relevant Director": every
    person listed; "Report Author", "Contact details": the first."""
    named = re.search(r"(?:authors|officers|contacts)\b|\(s\)", head["head"], re.I)
    return bool(named or re.search(r"\band\b", head["and"] or "", re.I))


def contact_block(
    text: str, places: list | None = None
) -> tuple[list[tuple[str, str | None]], str | None]:
    """The authors (name, job title) a report's last contact block names, and the relevant
    director ("Name, Title") when it names one; ([], None) without such a block.

    ``places`` gives each line of ``text`` its (page, top, left) when known: contact cards
    set side by side are then read row by row, as a reader takes them.
    """
    raw = text.splitlines()
    places = places if places is not None and len(places) >= len(raw) else [None] * len(raw)
    kept = [
        (line.strip(), place)
        for line, place in zip(raw, places[: len(raw)], strict=True)
        if line.strip()
    ]
    lines = [line for line, _ in kept]
    heads = [i for i, line in enumerate(lines) if _CONTACT_HEAD.match(line)]
    director = _director(lines)
    if not heads:
        return _signature(lines), director
    start = heads[-1]
    # "Contact details" then "Report Authors:" on the next line: the second says how many.
    while start > 0 and start - 1 in heads and not _CONTACT_HEAD.match(lines[start])["rest"]:
        start -= 1
    head = _CONTACT_HEAD.match(lines[start])
    following = _CONTACT_HEAD.match(lines[start + 1]) if start + 1 < len(lines) else None
    plural = _plural(head) or bool(following and _plural(following))
    body = ([(head["rest"], None)] if head["rest"] else []) + kept[start + 1 : start + 40]
    authors = _entries(body)
    return (authors if plural else authors[:1]), director


def _reading_order(first, second) -> int:
    """Cards of one row (tops within a few points) left to right, rows top to bottom."""
    if first[0] == second[0] and abs(first[1] - second[1]) <= 6:
        return -1 if first[2] < second[2] else int(first[2] > second[2])
    return -1 if first[:2] < second[:2] else 1


def _entries(lines: list) -> list[tuple[str, str | None]]:
    """People listed one after another: a name (", title" or a title on the lines below),
    then telephone and e-mail lines; a director's heading skips the director(s) it names.
    ``lines`` are (text, place or None)."""
    found: list = []
    skip = 0
    closed = True  # the last entry's title is complete (a contact line followed it)
    last = ""
    for line, place in lines:
        wrapped, last = bool(_WRAPS_ON.search(last)), line
        if _END.match(line):
            break
        director = _DIRECTOR_HEAD.match(line)
        if director:
            if director["plural"]:
                break
            skip, closed = 1, True
            continue
        if _CONTACT_HEAD.match(line) or re.search(r":\s*$", line) or _NOISE.search(line):
            closed = True
            continue
        person = person_line(line)
        if person and (closed or not found or (found[-1][1] and not wrapped)):
            # a director's entry is kept as None: its title lines are skipped too
            found.append(None if skip else [person[0], person[1], place])
            skip, closed = max(skip - 1, 0), False
            continue
        if found and found[-1] is not None and not closed:
            found[-1][1] = f"{found[-1][1] or ''} {line}".strip()
    people = [entry for entry in found if entry is not None]
    if people and all(entry[2] is not None for entry in people):
        people.sort(key=cmp_to_key(lambda a, b: _reading_order(a[2], b[2])))
    return [(name, title) for name, title, _ in people]


def _director(lines: list[str]) -> str | None:
    for index, line in enumerate(lines):
        if _DIRECTOR_HEAD.match(line) and not _DIRECTOR_HEAD.match(line)["plural"]:
            nearby = [(text, None) for text in lines[index + 1 : index + 6]]
            person = next(iter(_entries(nearby)), None)
            if person:
                return ", ".join(p for p in person if p)
    return None


def _signature(lines: list[str]) -> list[tuple[str, str | None]]:
    """The name and job title a report closes with, when it prints no contact heading:
    a name, a title (on its line or the next), then contact lines or the end."""
    for index in range(len(lines) - 1, -1, -1):
        person = person_line(lines[index])
        if not person:
            continue
        name, title = person
        after = index + 1
        below = lines[after] if after < len(lines) else ""
        role_below = _ROLE.search(below) and not _NOISE.search(below)
        if title is None and role_below and not person_line(below):
            title, after = below, after + 1
        if title is None or not _ROLE.search(title):
            continue
        if after >= len(lines) or _CONTACT_LINE.search(lines[after]):
            return [(name, title)]
    return []


def contact_author(text: str) -> tuple[str, str | None] | None:
    """The first author a report's contact block names, with their job title."""
    authors, _ = contact_block(text)
    return authors[0] if authors else None
