"""The council a paper belongs to, read from its opening lines ("KENT COUNTY COUNCIL",
"City of Alameda"), and the small text helpers names are read with. Pure functions."""

from __future__ import annotations

import re

HEAD = 40  # lines at the top of a paper that hold its head

COUNCIL_TYPE = (
    r"(?:(?:county|district|borough|city|town|parish|community|metropolitan\s+borough"
    r"|unitary|village|combined)\s+)?council"
)
_PROPER = r"(?:[A-Z][\w’'&.-]*)"
_ORG_NAMED = re.compile(
    rf"((?:{_PROPER}\s+(?:of\s+|and\s+)?){{1,5}}(?i:{COUNCIL_TYPE}))\b"
    r"(?!\s+(?i:chamber|offices?|house|hall|tax|meeting|room))"
)
_ORG_OF = re.compile(
    r"\b((?:London\s+|Royal\s+)?(?:City|County|Borough|Town|Village|District|Municipality)"
    r"\s+of\s+(?:[A-Z][\w’'-]*(?:\s+|$)){1,4})"
)
_SKIP_ORG_LABELS = re.compile(
    r"^\s*(?:subject|title|report\s+of|from|ask\s+for|email|e-mail)\b", re.I
)
_ORG_VERB = re.compile(
    r"(?:adopting|approving|authori[sz]ing|amending|establishing|accepting|declaring)", re.I
)
_BODY_THEN_OF = re.compile(
    r"^.*\b(?:committee|sub-committee|cabinet|board|commission|panel|forum|group)\s+of\s+"
    r"(?:the\s+)?",
    re.I,
)
_LOWER_WORDS = {"of", "and", "the", "for", "on", "in", "to", "&", "at"}
PAGE_WORDS = re.compile(r"\bpage\s+\d+(?:\s+of\s+\d+)?\b", re.I)


def tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,.;:-–—")
    return re.sub(r"\s+,", ",", text)


def title_case(text: str) -> str:
    """ALL-CAPS names to title case ("KENT COUNTY COUNCIL" -> "Kent County Council")."""
    if not text.isupper():
        return text
    words = []
    for position, word in enumerate(text.lower().split()):
        keep_lower = position and word in _LOWER_WORDS
        words.append(word if keep_lower else word[:1].upper() + word[1:])
    return " ".join(words)


def _clean_org(name: str) -> str:
    # "Planning Committee of Example Town Council": the council is what follows the body.
    name = _BODY_THEN_OF.sub("", name)
    words = name.split()
    # Drop a leading sentence word ("Minutes of Hertingfordbury ..." never reaches here, but
    # "Select Dorset Council" can): keep from the first word that is not a common verb/article.
    while words and words[0].lower() in {"the", "select", "of", "and", "a", "meeting", "minutes"}:
        words = words[1:]
    # "RESOLUTION OF THE ... CITY OF ALAMEDA ADOPTING MINUTES": the name ends before the verb.
    while words and _ORG_VERB.fullmatch(words[-1]):
        words = words[:-1]
    return title_case(" ".join(words))


def parse_organisation(lines: list[str], joined: str) -> str | None:
    """The council (or city, district...) as printed, in title case when printed in capitals."""
    candidates: list[tuple[int, str]] = []
    for index, line in enumerate(lines[:HEAD]):
        if _SKIP_ORG_LABELS.match(line):
            continue
        text = title_case(PAGE_WORDS.sub("", line).strip())
        for pattern in _patterns_for(text):
            for match in pattern.finditer(text):
                name = _clean_org(tidy(match.group(1)))
                if pattern is _ORG_NAMED and not _has_proper_noun(name):
                    continue
                score = 100 - index * 2 + (30 if tidy(text) == name else 0)
                candidates.append((score, name))
    if not candidates:
        flat = re.sub(r"\s+", " ", joined)
        for match in _ORG_NAMED.finditer(flat) if "council" in flat.lower() else ():
            name = _clean_org(tidy(match.group(1)))
            if _has_proper_noun(name):
                candidates.append((0, name))
                break
    if not candidates:
        return None
    candidates.sort(key=lambda c: -c[0])
    return candidates[0][1] or None


def _patterns_for(text: str) -> tuple[re.Pattern, ...]:
    """The name patterns worth trying on a line: each needs its key word in it."""
    lowered = text.lower()
    named = (_ORG_NAMED,) if "council" in lowered else ()
    return named + (_ORG_OF,) if "of" in lowered else named


def _has_proper_noun(name: str) -> bool:
    words = name.split()
    generic = re.compile(rf"^(?:{COUNCIL_TYPE}|the|members?|parish|town|city|county)$", re.I)
    head = [w for w in words[:-1] if not generic.match(w)]
    type_words = {"county", "district", "borough", "city", "town", "parish", "community"}
    head = [w for w in head if w.lower() not in type_words | {"metropolitan", "unitary", "village"}]
    return bool(head) and all(w[:1].isupper() for w in head)
