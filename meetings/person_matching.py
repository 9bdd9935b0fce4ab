"""Which person a printed name means: the matching rule, as plain functions (no Django).

Minutes print one councillor many ways: "Mr R W Gough" in the attendance list, "Mr Gough" in a
recorded vote, "Roger Gough" on a report's front sheet, "District Councillor Haysey" in the
apologies and "Cllr L Haysey" a page later. The rule (README, "People"):

1. A printed name is read as honorific, given names or initials, and surname ("Mr R W Gough"
   -> gender m, given ("r", "w"), surname "gough"). The surname decides who can be meant.
2. A person already known **can** be meant when the surname is the same and nothing printed
   disagrees: the first initial (when both have one), the first name (when both print one in
   full, one may shorten the other: "Rich"/"Richard"), the gender of the honorific ("Mr" and
   "Ms Meade" are two people), and the council (a person seen only at another council never
   matches).
3. Of the people who can be meant, the one who agrees on most is taken; a tie between people
   who differ is **ambiguous** ("Cole" with Mrs P T Cole and Mr P Cole known). An ambiguous
   name links no one where the link is optional (a name in a vote or declaration stays printed
   text), and otherwise the earliest-known person is taken.
4. Nobody can be meant: a new person. Each later, fuller mention ("Haysey", then "L Haysey",
   then "Linda Haysey") adds what it knows to the same person, so the order papers are read in
   does not split anyone.

Staff merge and split people in the staff area; a merge also records the printed names the
merged record had, so a later reading of the same papers keeps them together.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Words printed before or after a name that are not part of it.
_TITLES = {
    "cllr", "cllrs", "councillor", "councillors", "councilor", "councilmember", "county",
    "district", "borough", "parish", "town", "city", "the", "sir", "dame", "dr", "prof",
    "professor", "rev", "revd", "reverend", "lord", "lady", "hon", "mx", "member", "members",
    "board", "commissioner", "commissioners", "trustee", "vice", "chair", "chairman",
    "chairwoman", "chairperson", "mayor", "alderman", "director", "president", "supervisor",
}  # fmt: skip
_MALE = {"mr", "sir", "lord"}
_FEMALE = {"mrs", "ms", "miss", "dame", "lady"}
_POSTNOMINALS = {"obe", "mbe", "cbe", "kbe", "dbe", "jp", "dl", "mp", "qc", "kc", "bem", "phd"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\u2019", "'").replace("\u2018", "'").lower()


@dataclass(frozen=True)
class NameParts:
    """What a printed name says about its person."""

    surname: str  # folded to lower case: "gough", "barrington-king", "o'leary"
    given: tuple[str, ...] = ()  # lower case, in order: ("r", "w") or ("roger",)
    gender: str = ""  # "m", "f" or "" (from the honorific)

    @property
    def initial(self) -> str:
        return self.given[0][0] if self.given else ""

    @property
    def first_name(self) -> str:
        """The first given name when printed in full ("" for an initial)."""
        return self.given[0] if self.given and len(self.given[0]) > 1 else ""

    def detail(self) -> int:
        """How much the name says: used to keep the fullest spelling of a person's name."""
        return sum(len(g) for g in self.given) * 2 + len(self.given) + (1 if self.gender else 0)


def parse_name(printed: str | None) -> NameParts | None:
    """Read a printed name; None when no surname is left ("Cllr", "The Chairman")."""
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", _fold(printed or ""))
    text = re.sub(r"\s[-\u2013\u2014]\s.*$", " ", text)  # "Olive O'Sullivan - Town Clerk"
    words = [w.strip(".'-") for w in re.split(r"[^a-z'.-]+", text)]
    words = [w for w in words if w and w not in _POSTNOMINALS]
    gender = ""
    while words and (words[0] in _TITLES or words[0] in _MALE or words[0] in _FEMALE):
        if words[0] in _MALE:
            gender = "m"
        elif words[0] in _FEMALE:
            gender = "f"
        words.pop(0)
    # Initials printed together: "R.W. Gough" -> "r", "w".
    given: list[str] = []
    for word in words[:-1]:
        given += [p for p in word.split(".") if p] if "." in word else [word]
    if not words:
        return None
    surname = words[-1].strip(".")
    if not surname or len(surname) < 2:
        return None
    return NameParts(surname=surname, given=tuple(given), gender=gender)


def same_council(a: str | None, b: str | None) -> bool:
    """Two councils' names agree, or one is unknown."""

    def key(name):
        words = re.findall(r"[a-z]+", _fold(name or ""))
        return " ".join(w for w in words if w not in {"council", "the", "of"})

    a, b = key(a), key(b)
    return not a or not b or a == b


def compatible(a: NameParts, b: NameParts) -> bool:
    """Whether two names can be one person: nothing printed disagrees."""
    if a.surname != b.surname:
        return False
    if a.gender and b.gender and a.gender != b.gender:
        return False
    if a.initial and b.initial and a.initial != b.initial:
        return False
    fa, fb = a.first_name, b.first_name
    if fa and fb and not (fa.startswith(fb) or fb.startswith(fa)):
        return False
    # Middle initials: "R W Gough" and "R J Gough" are two people.
    return not (len(a.given) > 1 and len(b.given) > 1 and a.given[1][0] != b.given[1][0])


def agreement(a: NameParts, b: NameParts) -> int:
    """How much two compatible names have in common beyond the surname."""
    score = 0
    if a.gender and a.gender == b.gender:
        score += 1
    if a.initial and a.initial == b.initial:
        score += 2
    if a.first_name and a.first_name == b.first_name:
        score += 1
    if len(a.given) > 1 and len(b.given) > 1 and a.given[1][0] == b.given[1][0]:
        score += 1
    return score


@dataclass(frozen=True)
class Known:
    """A person already on record, as the rule sees them."""

    key: object  # the caller's handle (a primary key, an object)
    parts: NameParts
    council: str = ""


def candidates(printed: NameParts, known: list[Known], council: str = "") -> list[Known]:
    """The known people ``printed`` can mean, best first (earliest known first on a tie)."""
    fits = [k for k in known if compatible(printed, k.parts) and same_council(council, k.council)]
    return sorted(fits, key=lambda k: -agreement(printed, k.parts))


def choose(
    printed: NameParts, known: list[Known], council: str = "", *, strict: bool = False
) -> Known | None:
    """The person ``printed`` means, or None for nobody (or, when ``strict``, ambiguous)."""
    fits = candidates(printed, known, council)
    if not fits:
        return None
    tie = len(fits) > 1 and agreement(printed, fits[0].parts) == agreement(printed, fits[1].parts)
    # Two people fit equally: the same person only if they fit each other too.
    if strict and tie and not all(compatible(fits[0].parts, f.parts) for f in fits[1:]):
        return None
    return fits[0]


def merged(old: NameParts, new: NameParts) -> NameParts:
    """A person's name parts after a compatible mention adds what it knows."""
    given = new.given if new.detail() > old.detail() and new.given else old.given
    return NameParts(surname=old.surname, given=given, gender=old.gender or new.gender)


def sort_key(name: str) -> tuple[str, str]:
    """People in a list are ordered by surname, then given names: ("gough", "r w")."""
    parts = parse_name(name)
    if parts is None:
        return (_fold(name), "")
    return (parts.surname, " ".join(parts.given))
