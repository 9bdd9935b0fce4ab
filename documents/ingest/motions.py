"""Motions in US-style minutes: the words of each motion put to a vote.

"Councilmember Matarrese moved approval of the staff recommendation.", "Member Peeler moved to
accept, Member McHugh seconded", "Board Member Vella made a motion to approve the minutes",
"Commissioner Burney motioned to carry the vote", "The motion was made by Board member
Henneberry and seconded by Board member Burton to approve the Public Art project",
"Approval of 2-A was motioned by Member Gilmore". Each gives the motion's own words (after
"moved (to)" / "made a motion (to)"), which minutes record as the resolution of their item.
Pure functions over text.
"""

from __future__ import annotations

import re

from .us_motions import us_motions

_MOVER = r"(?<![.!?]\s)(?<=[A-Za-z’'])"  # a surname or title just before: "Gilmore moved"
_END = r"(?=[.;!?](?:\s|$)|$)"
_PATTERNS = [
    # "X moved approval of ...", "X moved to accept, Y seconded", "X motioned for approval of"
    re.compile(
        rf"\b[A-Z][\w’'-]*{_MOVER}\s+(?:moved|motioned)\s+(?!by\b|on\b|forward\b|from\b|into\b"
        rf"|(?:to\s+)?(?:alameda|the\s+(?:city|area|state))\b)(?:to\s+|for\s+)?"
        rf"(?P<text>[a-z][^.;!?]{{2,}}?){_END}"
    ),
    # "X made a motion to approve ...", "X made the motion to ..."
    re.compile(
        rf"\b[A-Z][\w’'-]*\s+made\s+(?:a|the)\s+motion\s+(?:to\s+|for\s+)?"
        rf"(?P<text>[a-z][^.;!?]{{2,}}?){_END}"
    ),
    # "The motion was made by X and seconded by Y to approve ...", "made and seconded to ..."
    re.compile(
        rf"\b(?:the\s+)?motion\s+was\s+made\b[^.;]*?\s+to\s+(?P<text>[a-z][^.;!?]{{2,}}?){_END}",
        re.I,
    ),
    # "It was moved by X, seconded by Y, that / to ..."
    re.compile(
        rf"\bmoved\s+by\s+[^.;]*?\s+(?:that|to)\s+(?P<text>[a-z][^.;!?]{{2,}}?){_END}", re.I
    ),
    # "Approval of 2-A was motioned by Member Gilmore"
    re.compile(r"(?P<text>\b[A-Z][a-z]+\s+of\s+[^.;!?]{1,60}?)\s+was\s+(?:motioned|moved)\s+by\b"),
]


_SECONDED = re.compile(r",?\s+(?:and\s+)?(?:[A-Z][\w’'-]*\s+){1,4}seconded\b.*$")


def motions_in(text: str) -> list[tuple[int, str]]:
    """(position, words) of each motion in the text, in printed order."""
    flat = re.sub(r"\s+", " ", text)
    read = us_motions(flat)  # the common US wordings, read with their mover and seconder
    found = [(start, motion.text) for start, _, motion in read if motion.text]
    lowered = flat.lower()
    if "mov" not in lowered and "motion" not in lowered:
        return sorted(found)  # every pattern below needs one of these words
    for pattern in _PATTERNS:
        for match in pattern.finditer(flat):
            start = match.start("text")
            if any(abs(start - other) < 3 for other, _ in found):
                continue
            if any(begin <= start < end for begin, end, _ in read):
                continue
            words = _SECONDED.sub("", match["text"]).strip(" ,:")
            found.append((start, words))
    return sorted(found)
