"""Finding meeting dates and times in English text: "Thursday, 2 September 2021",
"30th January, 2025", "JANUARY 4, 2005", "4/24/19", "10.00 am", "2:00 p.m.", "at 1900".

Pure functions; every match carries its position so callers can rank candidates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)\s*(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day)"

# The date itself; a weekday written just before it is looked for afterwards (a pattern that
# may start with a weekday is tried at every letter of the text, which is slow on a page).
# They are matched against the text in lower case (three times quicker than ignoring case).
_DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s*(?:of\s+)?{_MONTH}[\s,]*{_YEAR}\b")
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY}\s*,?\s*{_YEAR}\b")
_WEEKDAY_BEFORE = re.compile(rf"{_WEEKDAY}[\s,.\-–]*\Z")
_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>(?:19|20)?\d\d)\b")


@dataclass
class DateMatch:
    date: dt.date
    start: int
    end: int
    weekday: bool


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Every date form above holds a year, or two numbers and a separator before one: text with
# neither (most lines of a paper) is passed over with one quick scan.
_MAY_HOLD_DATE = re.compile(r"(?:19|20)\d\d|\d[/.]\d{1,2}[/.]\d")


def find_dates(text: str, *, numeric_month_first: bool = False) -> list[DateMatch]:
    """Every written date in the text, in order of position."""
    if not _MAY_HOLD_DATE.search(text):
        return []
    found: list[DateMatch] = []
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer ("İ"): keep positions
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        last_end = 0
        for match in pattern.finditer(lower):
            start = match.start()
            # A weekday ends where the date begins ("Thursday, 2 September 2021").
            weekday = _WEEKDAY_BEFORE.search(lower, max(last_end, start - 40), start)
            last_end = match.end()
            month = MONTHS[match.group("month")]
            date = _safe_date(int(match.group("year")), month, int(match.group("day")))
            if date:
                if weekday:
                    start = weekday.start()
                found.append(DateMatch(date, start, match.end(), bool(weekday)))
    for match in _NUMERIC.finditer(text):
        if any(m.start <= match.start() < m.end for m in found):
            continue
        a, b = int(match.group("a")), int(match.group("b"))
        year = int(match.group("year"))
        year += 2000 if year < 100 else 0
        month, day = (a, b) if numeric_month_first or b > 12 else (b, a)
        date = _safe_date(year, month, day)
        if date:
            found.append(DateMatch(date, match.start(), match.end(), False))
    found.sort(key=lambda m: m.start)
    return found


_TIME = re.compile(
    r"""(?<![\d/.:£$])
    (?:
        (?P<h1>[01]?\d|2[0-3])\s*[.:]\s*(?P<m1>[0-5]\d)\s*(?P<ap1>a\.?\s?m\.?|p\.?\s?m\.?)?
      | (?P<h2>1[0-2]|0?[1-9])\s*(?P<ap2>a\.?\s?m\.?|p\.?\s?m\.?)
      | \b(?:at|from)\s+(?P<h3>[01]\d|2[0-3])(?P<m3>[0-5]\d)(?:\s*(?:hours|hrs|h))?\b
      | (?P<noon>\bnoon\b|\bmidday\b)
    )(?![\d/])""",
    re.I | re.X,
)


@dataclass
class TimeMatch:
    time: dt.time
    start: int
    end: int
    explicit: bool  # had am/pm, a 24-hour hour, or "hours"


def find_times(text: str) -> list[TimeMatch]:
    """Every clock time in the text ("10.00 am", "7:30 P.M.", "19:15", "at 1900", "noon")."""
    found: list[TimeMatch] = []
    for match in _TIME.finditer(text):
        if match["noon"]:
            found.append(TimeMatch(dt.time(12, 0), match.start(), match.end(), True))
            continue
        hour_text = match["h1"] or match["h2"] or match["h3"]
        hour = int(hour_text)
        minute = int(match["m1"] or match["m3"] or 0)
        suffix = (match["ap1"] or match["ap2"] or "").lower().replace(".", "").replace(" ", "")
        if suffix == "pm" and hour < 12:
            hour += 12
        elif suffix == "am" and hour == 12:
            hour = 0
        explicit = bool(suffix) or hour >= 13 or bool(match["h3"])
        found.append(TimeMatch(dt.time(hour, minute), match.start(), match.end(), explicit))
    return found


_SIGNED = re.compile(r"^\s*(?:signed|date(?:\s+of\s+decision)?|signed\s+date)\b", re.I)


def signed_date(pages: list) -> dt.date | None:
    """The date a record of decision was signed: beside "Signed"/"Date" on its last pages."""
    for page in reversed(pages[-2:]):
        lines = [line.strip() for line in page.raw_text.splitlines() if line.strip()]
        for index in range(len(lines) - 1, -1, -1):
            if not _SIGNED.match(lines[index]):
                continue
            for near in lines[max(0, index - 2) : index + 3]:
                found = find_dates(near)
                if found:
                    return found[-1].date
    return None


_DURATION = re.compile(
    r"\b(?:duration(?:\s+of\s+(?:the\s+)?meeting)?|meeting\s+(?:commenced|started|began|opened)"
    r"|(?:commenced|started|began|opened)\s+at)\b\s*:?\s*",
    re.I,
)


def time_from_body(pages: list) -> dt.time | None:
    """A start time stated in the body: "Duration of meeting: 10.00 am - 12.35 pm"."""
    for page in pages:
        for match in _DURATION.finditer(page.raw_text):
            times = find_times(page.raw_text[match.end() : match.end() + 25])
            if times and times[0].start < 6:
                return times[0].time
    return None
