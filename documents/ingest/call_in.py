"""Read a call-in from a minute (pure): which decision it names and what became of it.

A minute considers a call-in when its title or text speaks of one ("call-in", "called in",
"Review of Decision 24/00093 ... considered by the Scrutiny Committee via the call-in
procedure"). The decision is named by its reference (24/00093) or, failing that, by the
title of the item it was taken at. The outcome is read from the resolutions: referred back
for reconsideration, confirmed (no further action, may be implemented, does not require
reconsideration), or still called in (referred on to full council, or no outcome printed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CALL_IN = re.compile(r"\bcall(?:ed)?[\s-]*in\b", re.I)
_REFERENCE = re.compile(r"\b\d{2}/\d{4,5}\b")
_NOT_RECONSIDERED = re.compile(
    r"\b(?:does|do|did)\s+not\s+(?:require|need)\s+(?:\w+\s+){0,3}?reconsideration"
    r"|\bno\s+further\s+action\b|\btakes?\s+no\s+(?:further\s+)?action\b"
    r"|\b(?:be|is|may\s+be)\s+implemented\b|\bconfirm(?:s|ed)?\s+the\s+decision\b"
    r"|\bnot\s+(?:to\s+)?refer\b",
    re.I,
)
_REFERRED_BACK = re.compile(
    r"\brefer(?:s|red)?\s+(?:the\s+decision|it|the\s+matter)?\s*back\b"
    r"|\b(?:require|requests?|asks?)\s+(?:\w+\s+){0,4}?reconsider"
    r"|\bpostponed\s+pending\s+reconsideration\b",
    re.I,
)


@dataclass
class CallIn:
    status: str  # "called-in" | "referred-back" | "confirmed"
    references: list[str] = field(default_factory=list)


def mentions_call_in(text: str) -> bool:
    """Whether ``text`` speaks of a call-in at all (a quick test before reading minutes)."""
    return bool(_CALL_IN.search(text))


def read_call_in(title: str, narrative: str, resolutions: list[str]) -> CallIn | None:
    """The call-in a minute considers, or None if it considers none."""
    text = " ".join([title or "", narrative or "", *resolutions])
    if not _CALL_IN.search(text):
        return None
    references = list(dict.fromkeys(_REFERENCE.findall(f"{title} {narrative}")))
    outcome = " ".join(resolutions) or narrative or ""
    if _NOT_RECONSIDERED.search(outcome):
        status = "confirmed"
    elif _REFERRED_BACK.search(outcome):
        status = "referred-back"
    else:
        status = "called-in"
    return CallIn(status, references)
