"""Reading the meeting from a paper's opening lines: organisation, committee, date, time, venue.

Front sheets print these as label/value pairs ("Date:", "Time:", "Venue:"); minutes in a
sentence ("Minutes of the meeting of the Cabinet held at County Hall on 4 October 2017");
summonses in prose ("to be held at ... on Wednesday 10th February 2016 at 1900"); others as a
stack of heading lines (council, committee, date, place). Each field is looked for in all of
these shapes and the best-placed candidate wins. Pure functions over text.
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import find_dates, find_times, signed_date, time_from_body
from .decision_record import one_persons_office
from .front_matter import front_lines
from .organisation import (
    COUNCIL_TYPE,
    HEAD,
    PAGE_WORDS,
    parse_organisation,
    tidy,
    title_case,
)
from .parsed import PageContent, ParsedMeeting

_HEAD = HEAD

_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z /&()-]{1,30}?)\s*:\s*(?P<value>.*)$")
_DATE_LABELS = {"date", "meeting date", "date of meeting", "to"}
_TIME_LABELS = {"time", "start time", "time of meeting"}
_VENUE_LABELS = {"venue", "location", "place", "where", "meeting venue", "meeting place"}
_COMMITTEE_LABELS = {"meeting", "committee", "to", "decision maker", "body", "forum"}

_BODY_WORD = (
    r"(?:committee|sub-committee|cabinet|council|board|commission|panel|forum|executive"
    r"|assembly|trustees|partnership|authority|group)"
)
_WRAPS_ON = re.compile(r"\b(?:of|the|to|for|and|&)\s*$", re.I)
_AUTHORITY = re.compile(r"\b(?:authority|agency)$", re.I)
_STATUS_WORDS = re.compile(
    r"\b(?:approved|draft|unconfirmed|confirmed|regular|special|adjourned|extraordinary"
    r"|annual|ordinary|public|printed|signed|revised|final)\b",
    re.I,
)
_MEETING_OF = re.compile(
    rf"\b(?:meeting|minutes|session)\s+of\s+(?:the\s+)?"
    rf"(?P<body>(?:(?!(?:a|the|meeting|minutes)\b)[\w’'&,-]+\s+){{0,8}}?{_BODY_WORD})"
    rf"(?=\s+(?:held|will|to\s+be|on|at|in|meeting|,|$)|[,.:]|\s*$"
    r"|\s+of\s+the\s+(?:city|county|town|village|borough|district)\b)",
    re.I,
)
# The same in a stack of heading lines: the name may follow on the next line and end there
# ("MINUTES OF THE REGULAR MEETING OF THE" / "ALAMEDA REUSE AND REDEVELOPMENT AUTHORITY").
_MEETING_OF_HEAD = re.compile(
    rf"\b(?:meeting|minutes|session)\s+of\s+(?:the\s+)?"
    rf"(?P<body>(?:(?!(?:a|the|meeting|minutes)\b)[\w’'&,-]+[ \t]+){{0,8}}?{_BODY_WORD})"
    r"(?=[ \t]*(?:\n|$|[,.:])|\s+of\s+the\s+(?:city|county|town|village|borough|district)\b"
    r"|[ \t]+(?:held|will|to\s+be|on|at|in|meeting)\b)",
    re.I,
)
# A US resolution's title names the body that passes it, then what it does: "RESOLUTION OF
# THE CITY COUNCIL OF THE CITY OF X, CALIFORNIA, APPROVING ...", "RESOLUTION OF THE OVERSIGHT
# BOARD FOR THE SUCCESSOR AGENCY TO THE ... COMMISSION OF THE CITY OF ALAMEDA ADOPTING ...".
_RESOLUTION_OF = re.compile(
    rf"^(?:a\s+)?resolution\s+of\s+the\s+"
    rf"(?P<body>(?:[\w’'&-]+\s+){{0,16}}?{_BODY_WORD})(?:\s+of\s+the\s+"
    r"(?:city|county|town|village|borough|district)\s+of\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)?"
    r"(?=\s*,|\s+(?:adopting|approving|authori[sz]ing|amending|accepting|declaring|establishing"
    r"|certifying|confirming|directing|ratifying|setting|calling|requesting|supporting"
    r"|designating|ordering|urging|rescinding|extending|granting|denying|making|finding"
    r"|determining|awarding|appointing|upholding|expressing|in\s+support|to\s+approve)\b)",
    re.I,
)
_PLACE_PREFIX = re.compile(
    r"^(?:the\s+)?(?:city|county|town|village|borough|district|municipality)\s+of\s+", re.I
)
_HELD_PLACE = re.compile(
    r"\b(?:held|be\s+held|will\s+be\s+held|to\s+be\s+held|meet)\s+(?:at|in)\s+(?:the\s+)?"
    r"(?P<venue>[^.;]{4,140}?)(?=,?\s+on\s+|\s+at\s+\d|\s+commencing|\s+starting|[.;]|$)",
    re.I,
)
_AFTER_TIME_PLACE = re.compile(
    r"^[ \t]*(?:in|at)\s+(?:the\s+)?(?P<venue>[A-Za-z][^.;\n]{3,120}?)(?=[.;]|\s+on\s+|\n|$)",
    re.I,
)
_VENUE_WORDS = re.compile(
    r"\b(?:hall|chamber|room|centre|center|house|offices?|school|library|building|street|road"
    r"|avenue|plaza|church|pavilion|suite|hub|court|square|lane|floor|online|virtual|remote"
    r"|teams|zoom|guildhall|civic|institute|clubhouse|museum|auditorium|annexe?|boulevard)\b",
    re.I,
)
_NUMBERED = re.compile(r"^\s*(?:\(?\d{1,3}[.)]|[ivx]{1,5}\.)\s")


def _labels(lines: list[str]) -> list[tuple[int, str, str]]:
    found = []
    for index, line in enumerate(lines):
        match = _LABEL.match(line)
        if match:
            found.append((index, match["label"].strip().lower(), match["value"].strip()))
    return found


# ---------------------------------------------------------------- date and time


def _line_at(offsets: list[int], position: int) -> int:
    index = 0
    while index + 1 < len(offsets) and offsets[index + 1] <= position:
        index += 1
    return index


def _joined(lines: list[str]) -> tuple[str, list[int]]:
    offsets, position = [], 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    return " ".join(lines), offsets


_LETTER = re.compile(
    r"^\s*(?:dear\b|ask\s+for\b|direct\s+dial|(?:our|your|my)\s+ref|yours\s+(?:sincerely|faithfully))",
    re.I,
)


def _labelled_date(lines: list[str]) -> tuple[dt.date | None, int]:
    """A date printed under a date label of the head ("Date: 13 March 2025"): the first wins
    (a report for Cabinet then Council names Cabinet's date first)."""
    for index, label, value in _labels(lines[:_HEAD]):
        if label not in _DATE_LABELS | {"meeting"}:
            continue
        near = lines[max(0, index - 3) : index + 4]
        if any(_LETTER.match(line) for line in near):
            continue  # the date of a covering letter, not of the meeting
        found = find_dates(value)
        if not found and not value and index + 1 < len(lines):
            found = find_dates(lines[index + 1])
            index += 1
        if found:
            return found[0].date, index
    return None, -1


def _in_sentence(line: str) -> bool:
    """A line of running text: many words, mostly lower case, no label."""
    if _LABEL.match(line):
        return False
    words = re.findall(r"[A-Za-z]+", line)
    lower = sum(1 for w in words if w.islower())
    return len(words) >= 10 and lower >= len(words) * 0.5


def parse_date(lines: list[str], joined: str = "") -> tuple[dt.date | None, int]:
    """The meeting date and the index of the line it starts on (-1 when none)."""
    labelled = _labelled_date(lines)
    if labelled[0] is not None:
        return labelled
    text, offsets = _joined(lines[:_HEAD])
    numeric_month_first = bool(re.search(r"\b[A-Z][a-z]+ \d{1,2}, (?:19|20)\d\d\b", text))
    best: tuple[int, dt.date, int] | None = None
    for match in find_dates(text, numeric_month_first=numeric_month_first):
        index = _line_at(offsets, match.start)
        line = lines[index]
        if _NUMBERED.match(line):
            continue
        before = text[max(offsets[index], match.start - 60) : match.start].lower()
        # The sentence the date is in: its own line, and the line before when it runs on.
        first = index - 1 if index and line[:1].islower() else index
        context = text[max(offsets[first], match.start - 150) : match.start].lower()
        score = 100 - index
        if _in_sentence(line) and not re.search(r"\b(?:held|meeting)\b", before):
            score -= 50  # a date in running text: the body, not the head
        label = _LABEL.match(line)
        if label and label["label"].strip().lower() in _DATE_LABELS | {"meeting"}:
            score += 40
        if re.search(r"\b(?:held|meeting|on|commencing)\b", before) or match.weekday:
            score += 25
        if any(t.explicit or t.start < 12 for t in find_times(text[match.end : match.end + 40])):
            score += 20
        if re.search(r"\bminutes\b", before):
            score -= 40
        if re.search(r"\b(?:dated?|published|issued|despatch\w*|signed|revised)\b", before):
            score -= 60
        if re.search(
            r"\b(?:last|previous)\s+meeting|\b(?:confirm|approv|sign)\w*\s+(?:the\s+)?minutes"
            r"|(?:^|\s)\d{1,2}\.\s+minutes\s+of",
            context,
        ):
            score -= 80
        if best is None or score > best[0]:
            best = (score, match.date, index)
    if best is None:
        return None, -1
    return best[1], best[2]


def parse_time(lines: list[str], date_line: int) -> dt.time | None:
    """The start time: a "Time:" label, a time beside the date, or "called to order at"."""
    for _, label, value in _labels(lines[:_HEAD]):
        if label in _TIME_LABELS:
            times = find_times(value)
            if times:
                return times[0].time
    if date_line >= 0:
        for offset in (0, 1, 2):
            if date_line + offset < len(lines):
                line = lines[date_line + offset]
                times = [t for t in find_times(line) if t.explicit or offset == 0]
                if offset == 0:
                    dates = find_dates(line)
                    if dates:
                        after = [t for t in times if t.start >= dates[0].start]
                        times = after or times
                if times:
                    return times[0].time
    pattern = r"\b(?:called\s+to\s+order|convened|commenced|opened|began|started)\b"
    for line in lines[:_HEAD]:
        if re.search(pattern, line, re.I):
            times = [t for t in find_times(line) if t.explicit]
            if times:
                return times[0].time
    return None


# ---------------------------------------------------------------- venue


_SECTION_START = re.compile(
    r"^\s*(?:agenda|membership|members|summons|notice|contact|enquiries|webcast|"
    r"apologies|present|minutes|part\s+[1i])\b",
    re.I,
)


def _continuation(lines: list[str], start: int, limit: int = 3) -> list[str]:
    parts: list[str] = []
    for line in lines[start : start + limit]:
        if _LABEL.match(line) or _NUMBERED.match(line) or len(line.split()) > 10:
            break
        if _SECTION_START.match(line):  # the next part of the front sheet, not the address
            break
        if find_dates(line) or line.endswith("."):
            break
        parts.append(line)
    return parts


def parse_venue(lines: list[str], joined: str, date_line: int) -> str | None:
    """Where the meeting is held: a "Venue:" label, "held at/in ...", or lines after the date."""
    for index, label, value in _labels(lines[:_HEAD]):
        if label in _VENUE_LABELS and value:
            parts = [value]
            if value.endswith(",") or not _VENUE_WORDS.search(value) or len(value) < 60:
                parts += _continuation(lines, index + 1, 2)
            return tidy(", ".join(p.strip(" ,") for p in parts))
    for match in _HELD_PLACE.finditer(joined):
        if not find_dates(match["venue"]) and _VENUE_WORDS.search(match["venue"]):
            return tidy(re.sub(r"\s+on$", "", match["venue"]))
    by_line = "\n".join(lines[:_HEAD])
    # "HELD ON 11TH NOVEMBER 2015 AT 19.30 IN HERTINGFORDBURY COWPER SCHOOL"
    for date in find_dates(by_line)[:3]:
        tail = by_line[date.end : date.end + 200]
        times = find_times(tail[:40])
        if times:
            place = _AFTER_TIME_PLACE.match(tail[times[0].end :])
            if place and _VENUE_WORDS.search(place["venue"]):
                return tidy(place["venue"])
    # A stack of heading lines: committee, date (and time), then the place.
    starts = [date_line] if date_line >= 0 else []
    starts += [i for i, line in enumerate(lines[:20]) if find_dates(line) and i not in starts]
    for start in starts[:3]:
        # The place follows within a few lines (a time, a note or "Ask for:" may come between).
        for following in range(start + 1, min(start + 6, len(lines))):
            line = lines[following]
            if _NUMBERED.match(line) or find_dates(line):
                break
            if _LABEL.match(line) or not _VENUE_WORDS.search(line) or line.startswith("("):
                continue
            parts = _continuation(lines, following, 3)
            if parts:
                return tidy(", ".join(p.strip(" ,") for p in parts))
            break
    return None


# ---------------------------------------------------------------- organisation and committee


def _strip_org(committee: str, organisation: str | None) -> str:
    if organisation:
        pattern = re.compile(re.escape(organisation), re.I)
        stripped = pattern.sub("", committee).strip(" -–—,:")
        # "Planning Committee of Example Town Council": the committee, then its council.
        stripped = re.sub(r"\s+of(?:\s+the)?$", "", stripped, flags=re.I)
        if stripped:
            committee = stripped
        else:
            # The meeting is the council itself: "Hertingfordbury Parish Council" -> "Parish
            # Council"; "Kent County Council" -> "County Council".
            type_match = re.search(COUNCIL_TYPE + r"$", organisation, re.I)
            # "City of Alameda" meeting as itself: its City Council.
            place = re.match(r"^(?:the\s+)?(city|town|borough)\s+of\b", organisation, re.I)
            if type_match:
                committee = type_match.group(0)
            else:
                committee = f"{place[1].title()} Council" if place else "Council"
        generic = {"city", "county", "borough", "town", "london", "royal", "district", "village"}
        place = [w for w in re.findall(r"[A-Z][\w’'-]+", organisation) if w.lower() not in generic]
        if _PLACE_PREFIX.match(organisation):
            place = []  # "City of Alameda": its boards are named "Alameda Free Library Board"
        for word in place[:1]:
            if re.match(rf"^{re.escape(word)}\s+\w", committee, re.I) and not re.match(
                rf"^{re.escape(word)}\s+{COUNCIL_TYPE}$", committee, re.I
            ):
                committee = committee[len(word) :].strip()
    return committee


# A piece of a sentence, not a name: it begins in lower case or stops on a joining word
# ("above Council", "City Council for", "Policy Committee on").
_FRAGMENT = re.compile(r"(?-i:^[a-z])|\b(?:for|on|of|and|the|to|in|at|by|with|from|or|a|an)$", re.I)


def _committee_from_line(line: str, *, announced: bool = False) -> str | None:
    """A committee name left once dates, page marks and "Minutes"/"Agenda" words are removed."""
    text = PAGE_WORDS.sub("", line)
    announced = announced or bool(re.search(r"\b(?:minutes|agenda|decisions)\b", text, re.I))
    # "Decisions of the Cabinet", "Record of decisions of the Planning Committee".
    text = re.sub(
        r"^\s*(?:(?:record|schedule|list)\s+of\s+)?decisions\s+of\b", " ", text, flags=re.I
    )
    text = re.sub(r"\bminutes\b|\bagenda\b|\bnotice\b|\bmeeting\b|\|", " ", text, flags=re.I)
    text = _STATUS_WORDS.sub(" ", text)
    for date in reversed(find_dates(text)):
        text = text[: date.start] + text[date.end :]
    for time in reversed(find_times(text)):
        text = text[: time.start] + text[time.end :]
    text = re.sub(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", " ", text, flags=re.I)
    text = tidy(re.sub(r"\s+[-–—|]\s*$", "", text.strip()))
    text = tidy(re.sub(r"^(?:of\s+)?(?:the\s+)?", "", text, flags=re.I))
    if not text or len(text.split()) > 9 or re.search(r"\d|[:@]|\w{21}", text):
        return None
    if re.search(r"\b(?:of\s+a|held|will|members?|dear|page)\b", text, re.I):
        return None
    if not re.search(r"\b[A-Z][a-z’']{2,}|\b[A-Z]{3,}", text) or _FRAGMENT.search(text):
        return None
    if not (announced or text.isupper() or re.search(rf"\b{_BODY_WORD}\b", text, re.I)):
        return None
    return text


def _finish(committee: str, organisation: str | None) -> str | None:
    committee = tidy(_STATUS_WORDS.sub(" ", committee)) or committee
    prefix = _PLACE_PREFIX.match(committee)
    if prefix and organisation and _PLACE_PREFIX.match(organisation):
        # "CITY OF ALAMEDA PLANNING BOARD": the council's name, then the board's.
        place = _PLACE_PREFIX.sub("", organisation).split()[:1]
        rest = committee[prefix.end() :].split()
        if place and rest[:1] and rest[0].lower() == place[0].lower() and len(rest) > 1:
            committee = " ".join(rest[1:])
    committee = title_case(_strip_org(tidy(committee), organisation))
    if _FRAGMENT.search(committee):
        return None  # better unread (the clerk gives it) than a piece of a sentence
    return committee or None


def _short(match) -> bool:
    """A "meeting of X" whose X is short enough to be a body's name."""
    return bool(match) and len(match["body"].split()) <= 9


def parse_committee(lines: list[str], joined: str, organisation: str | None) -> str | None:
    """The committee (or the council itself), without the council's name."""
    for _, label, value in _labels(lines[:_HEAD]):
        if label in _COMMITTEE_LABELS and value:
            value = re.split(r"\s+[-–—]\s+|\s+date\s*:", value, flags=re.I)[0]
            committee = _committee_from_line(value, announced=True)
            if committee and (name := _finish(committee, organisation)):
                return name
    council_only: str | None = None
    capitals_only: str | None = None
    seen_heading = False
    opening = lines[0] if lines else ""
    if len(opening.split()) > 12 or opening.endswith("."):
        match = _MEETING_OF.search(joined)  # a summons: "... a Meeting of X Council to be held"
        after = joined[match.end() :] if match else ""
        summons = re.match(r"\s+(?:to\s+be\s+|will\s+be\s+)?held\b", after)
        if summons and _short(match) and (name := _finish(match["body"], organisation)):
            return name
    for start, line in enumerate(lines[:4]):
        if re.match(r"^(?:a\s+)?resolution\s+of\b", line, re.I):
            match = _RESOLUTION_OF.match(" ".join(lines[start : start + 4]))
            if match and (name := _finish(match["body"], organisation)):
                return name
    previous = ""
    for line in lines[:25]:
        before, previous = previous, line
        if len(line.split()) > 12 or line.endswith("."):
            if seen_heading:
                break  # prose has begun: heading lines are over
            continue  # a notice printed above the heading block
        seen_heading = True
        if _WRAPS_ON.search(before):
            continue  # the rest of a name begun above ("... SUCCESSOR AGENCY TO THE")
        if _LABEL.match(line) or _NUMBERED.match(line):
            continue
        if re.search(r"\b(?:meeting|minutes|session)\s+of\b", line, re.I):
            match = _MEETING_OF_HEAD.search("\n".join(lines[lines.index(line) : _HEAD]))
            if _short(match) and (name := _finish(match["body"], organisation)):
                return name
            break
        committee = _committee_from_line(line)
        if not committee:
            continue
        if organisation and tidy(committee).lower() == organisation.lower():
            council_only = council_only or committee
            continue
        if _AUTHORITY.search(committee):
            # "Los Angeles County Metropolitan Transportation Authority" above "Executive
            # Management Committee": the authority is the body, unless none is named.
            council_only = council_only or committee
            continue
        announced = re.search(r"\b(?:minutes|agenda)\b", line, re.I)
        if not announced and not re.search(rf"\b{_BODY_WORD}\b", committee, re.I):
            capitals_only = capitals_only or committee
            continue
        if name := _finish(committee, organisation):
            return name
    match = _MEETING_OF.search(joined)
    if _short(match) and (name := _finish(match["body"], organisation)):
        return name
    for fallback in (council_only, capitals_only):
        if fallback and (name := _finish(fallback, organisation)):
            return name
    return None


def parse_meeting(pages: list[PageContent], kind: str | None = None) -> ParsedMeeting:
    """The meeting a paper belongs to, read from its first pages."""
    lines = front_lines(pages, limit_pages=2, limit_lines=80)
    if not lines:
        return ParsedMeeting()
    joined = " ".join(lines[:_HEAD])
    organisation = parse_organisation(lines, joined)
    committee = parse_committee(lines, joined, organisation)
    council_type = re.fullmatch(COUNCIL_TYPE, committee or "", re.I)
    if (
        organisation
        and committee
        and not council_type
        and organisation.lower().endswith(" " + committee.lower())
    ):
        # "City of Alameda Planning Board": the committee was read with the council's name.
        organisation = organisation[: -len(committee)].strip()
    date, date_line = parse_date(lines, joined)
    office = ""
    if kind == "decision":
        office = one_persons_office([(p.number, p.raw_text) for p in pages])
    if kind == "decision" and _labelled_date(lines)[0] is None:
        # A record's date is the day it was signed, never a date from its running text.
        date = signed_date(pages) or (None if office else date)
    return ParsedMeeting(
        organisation=organisation,
        committee=office or committee,
        decision_record=bool(office and date),
        date=date,
        start_time=parse_time(lines, date_line) or time_from_body(pages),
        venue=parse_venue(lines, joined, date_line),
    )
