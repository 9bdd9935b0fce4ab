"""Declarations of interest read as records: member, kind, left the room, dispensation.

"Miss Carey declared a pecuniary interest that she was a Trustee of the Turner Contemporary
and would leave the Chamber during any relevant discussions." -> member "Miss Carey", kind
"disclosable pecuniary", left the room. The kinds are those of the Localism Act 2011 and
councils' codes of conduct: disclosable pecuniary, other registrable, non-registrable, and
predetermination (or bias); an interest of no stated kind is "other". Pure functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Cllr|Councillor|Commissioner|Member|Chair)\.?"
_NAME = r"[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.?\s+)*[A-Z][\w'’-]+)?"
_DECLARER = re.compile(
    rf"(?P<member>(?:{_TITLE}\s+)+(?:[A-Z]\.?\s+)*{_NAME}|[A-Z][a-z]+\s+[A-Z][\w'’-]+)\s+"
    r"(?:declared|disclosed|registered|recused|made\s+a\s+declaration\s+of|advised\s+(?:that\s+)?"
    r"(?:she|he|they)\s+(?:had|has))\b"
)
_MEMBER = rf"(?P<member>(?:{_TITLE}\s+)+(?:[A-Z]\.?\s+)*{_NAME})"
# "A personal interest was declared by Councillor Jones in item 4."
_PASSIVE = re.compile(
    r"\b(?:an?\s+)?(?:[\w-]+\s+){0,3}interests?\s+(?:was|were)\s+(?:declared|disclosed)\s+by\s+"
    + _MEMBER
)
# A list of declarations, one a line: "Cllr B Jones - item 4 - personal interest (...)",
# "Councillor Jones: personal interest in item 4".
_LISTED = re.compile(rf"(?:^|(?<=\s)){_MEMBER}\s*[-–—:]\s")
_KIND = [
    ("non-registrable", re.compile(r"non[\s-]*registrable|non[\s-]*pecuniary|personal", re.I)),
    ("disclosable pecuniary", re.compile(r"pecuniary|\bdpi\b", re.I)),
    ("other registrable", re.compile(r"registrable|significant|prejudicial", re.I)),
    ("predetermination", re.compile(r"predetermin|pre-determin|\bbias\b|closed\s+mind", re.I)),
]
_LEFT = re.compile(
    r"\b(?:le(?:ft|ave|aving)|withdr[ea]w\w*|absent(?:ed)?\s+(?:him|her|them)sel\w+)\b"
    r"[^.]{0,40}\b(?:chamber|room|meeting|table|discussion|debate|item)",
    re.I,
)
_STAYED = re.compile(r"\b(?:remained|stayed)\b[^.]{0,40}\b(?:chamber|room|meeting)", re.I)
_DISPENSATION = re.compile(r"\bdispensation\b", re.I)
_NO_DISPENSATION = re.compile(r"\bno\s+dispensation|without\s+(?:a\s+)?dispensation", re.I)


@dataclass
class ParsedInterest:
    member: str
    kind: str
    left_room: bool | None = None
    dispensation: bool | None = None


def interests_in(text: str) -> list[ParsedInterest]:
    """Each member's declaration in a declaration's text (one sentence may hold several)."""
    flat = re.sub(r"\s+", " ", text or "")
    found = _declarers(flat)
    out: list[ParsedInterest] = []
    for n, match in enumerate(found):
        end = found[n + 1].start() if n + 1 < len(found) else len(flat)
        said = flat[match.end() : end]
        if match.re is _PASSIVE:
            said = match.group(0)[: match.start("member") - match.start()] + said
        if not re.search(r"interest|declar|recused", said + match.group(0), re.I):
            continue
        kind = next((k for k, pattern in _KIND if pattern.search(said[:160])), "other")
        left = True if _LEFT.search(said) else False if _STAYED.search(said) else None
        if "recused" in match.group(0):
            left = True  # took no part in the item
        dispensation = None
        if _DISPENSATION.search(said):
            dispensation = not _NO_DISPENSATION.search(said)
        member = match["member"].strip()
        out.append(ParsedInterest(member, kind, left, dispensation))
    return out


def _declarers(flat: str) -> list[re.Match]:
    """Each place a member is named as declaring, in order: "X declared", "declared by X",
    or "X - ..." / "X: ..." in a list; one member's name is read once."""
    matches = sorted(
        (m for pattern in (_DECLARER, _PASSIVE, _LISTED) for m in pattern.finditer(flat)),
        key=lambda m: m.start("member"),
    )
    kept: list[re.Match] = []
    for match in matches:
        if kept and match.start("member") < kept[-1].end("member"):
            continue  # the same name found by two wordings
        kept.append(match)
    return kept
