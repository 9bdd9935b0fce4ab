"""Matching what a new paper says to what the portal already holds for a meeting.

Agenda packs and minutes of one meeting arrive separately; a minute belongs to the agenda
item it minutes. Names of people are printed inconsistently ("Cllr R W Gough", "Roger
Gough"), so people are matched on a normalised key.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

HONORIFICS = {
    "cllr", "councillor", "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof",
    "professor", "rev", "revd", "the", "lord", "lady", "hon", "obe", "mbe", "cbe", "jp",
}  # fmt: skip


def normalise(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = re.sub(r"[\u2018\u2019]", "'", text)
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def title_similarity(a: str | None, b: str | None) -> float:
    a, b = normalise(a), normalise(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def number_key(value: str | None) -> str:
    """An item number as compared: "3.", "(3)" and "3" are one; "3.1" is not "31"."""
    return re.sub(r"[\s:()]|(?<!\d)\.|\.(?!\d)", "", (value or "").lower())


def person_key(name: str) -> str:
    """'Cllr Roger W. Gough (Leader)' and 'Mr R Gough' both give 'r gough'."""
    name = re.sub(r"\(.*?\)", " ", normalise(name))
    words = [w for w in re.split(r"[^a-z'-]+", name) if w and w not in HONORIFICS]
    if not words:
        return ""
    return f"{words[0][0]} {words[-1]}" if len(words) > 1 else words[-1]


def clean_person_name(name: str) -> str:
    """The name as printed, without honorifics or a bracketed role."""
    name = re.sub(r"\(.*?\)", " ", name or "")
    words = name.replace(",", " ").split()
    while words and words[0].lower().rstrip(".") in HONORIFICS:
        words.pop(0)
    return " ".join(words).strip(" .;:")
