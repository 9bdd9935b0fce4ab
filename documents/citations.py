"""Links from a paper's citations of other minutes to the pages the portal holds for them.

Minutes cite earlier minutes by number ("Min 107 – Quarterly Asset Management Report",
"(Minute 52)", "minutes 95-97") and work programmes cite a whole meeting by its date
("Minutes 040321 refers" is the meeting of 4 March 2021). Minute numbers run through the
municipal year, so a number means the committee's latest minute with that number held on or
before the citing meeting. Only published meetings are linked; text is escaped here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from django.db.models import Q
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from meetings.models import AgendaItem, Meeting

CITATION = re.compile(
    r"\b(?:Min(?:ute)?s?\.?)\s+(?:(?P<date>\d{6})|(?P<number>\d{1,4}))(?![\d/.,]\d)\b",
    re.IGNORECASE,
)


def _as_date(digits: str) -> dt.date | None:
    """DDMMYY, as democratic services write a meeting's date in a reference."""
    try:
        return dt.date(2000 + int(digits[4:]), int(digits[2:4]), int(digits[:2]))
    except ValueError:
        return None


class CitationLinker:
    """Resolve every citation in some texts with one query, then link them."""

    def __init__(self, meeting: Meeting):
        self.meeting = meeting
        self.items: dict[str, str] = {}
        self.meetings: dict[dt.date, str] = {}

    def prepare(self, texts: Iterable[str]) -> CitationLinker:
        numbers, dates = set(), set()
        for text in texts:
            for match in CITATION.finditer(text or ""):
                if match["number"]:
                    numbers.add(match["number"])
                elif day := _as_date(match["date"]):
                    dates.add(day)
        # One query whatever is cited (pk=None matches nothing): a fixed cost for every page.
        wanted = Q(pk=None)
        if numbers:
            wanted |= Q(minute_number__in=numbers)
        if dates:
            wanted |= Q(meeting__date__in=dates)
        cited = (
            AgendaItem.objects.published()
            .filter(
                wanted,
                meeting__committee_id=self.meeting.committee_id,
                meeting__date__lte=self.meeting.date,
            )
            .select_related("meeting__committee")
            .order_by("meeting__date", "order")
        )
        for item in cited:  # the latest meeting's minute wins
            if item.minute_number in numbers:
                self.items[item.minute_number] = item.get_absolute_url()
            if item.meeting.date in dates:
                self.meetings[item.meeting.date] = item.meeting.get_absolute_url()
        return self

    def _target(self, match: re.Match) -> str | None:
        if match["number"]:
            return self.items.get(match["number"])
        day = _as_date(match["date"])
        return self.meetings.get(day) if day else None

    def link(self, text: str) -> SafeString:
        """``text`` escaped, with each citation the portal holds made a link."""
        parts, position = [], 0
        for match in CITATION.finditer(text or ""):
            target = self._target(match)
            if target is None:
                continue
            parts.append(escape(text[position : match.start()]))
            parts.append(format_html('<a href="{}">{}</a>', target, match.group(0)))
            position = match.end()
        parts.append(escape((text or "")[position:]))
        return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above

    def paragraphs(self, text: str) -> list[SafeString]:
        """A minute's text as linked paragraphs (split at blank lines)."""
        chunks = re.split(r"\n\s*\n", (text or "").strip())
        return [self.link(chunk) for chunk in chunks if chunk.strip()]
