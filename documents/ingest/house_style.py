"""Which tradition a paper is written in, from the words of its head.

US boards and councils letter or number the business under a section ("4 CONSENT CALENDAR",
"4-A", "A.", "1.") and each lettered line is an item of its own; UK councils letter the parts
of one item ("7 PLANNING", "a) To receive an update ..."), which are not items. The sign is the
date written month first ("March 14, 2023", "MARCH 14, 2023") or the words only US agendas use.
"""

from __future__ import annotations

import re

_MONTH_FIRST = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)\s+\d{1,2}(?:st|nd|rd|th)?,\s*(?:19|20)\d\d\b",
    re.I,
)
_US_WORDS = re.compile(
    r"\b(?:pledge\s+of\s+allegiance|roll\s+call|consent\s+calendar|call\s+to\s+order"
    r"|oral\s+communications|city\s+manager|city\s+clerk|brown\s+act)",
    re.I,
)


def writes_us_style(head: str) -> bool:
    """Whether a paper whose first page(s) read ``head`` is written in the US tradition."""
    if _MONTH_FIRST.search(head):
        return True
    return len({m.group(0).lower() for m in _US_WORDS.finditer(head)}) >= 2
