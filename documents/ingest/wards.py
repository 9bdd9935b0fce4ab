"""The wards (or electoral divisions) a report's front sheet says it affects.

Front sheets print them as "Wards affected: Riverside; Old Town", "Electoral Division(s):
Countywide", "Local Councillor(s): All" or "Local Councillor(s): Cllr P Wharf (Riverside)".
"All", "All wards", "Countywide", "Borough-wide" and their kind mean every ward: kept as one
distinct ward, ALL_WARDS, never spread over the named wards. Pure functions.
"""

from __future__ import annotations

import re

ALL_WARDS = "All wards"
_ALL = re.compile(
    r"^(?:all(?:\s+(?:wards?|divisions?|electoral\s+divisions?|areas?|members?|councillors?))?|"
    r"(?:county|borough|district|city|council|town)[\s-]*wide|whole\s+(?:county|borough|district|"
    r"city)|every\s+ward)\.?$",
    re.I,
)
_NONE = re.compile(r"^(?:none|n/?a|not\s+applicable|nil|-+|no\s+specific\s+wards?)\.?$", re.I)
_PERSON = re.compile(r"\b(?:cllrs?|councill?ors?|mrs?|ms|miss|dr)\b\.?", re.I)


def wards_in(text: str | None) -> list[str]:
    """Ward names in a front sheet's value, in printed order, ALL_WARDS for "All" and kin."""
    text = re.sub(r"\s+", " ", text or "").strip(" .;:")
    if not text or _NONE.match(text):
        return []
    if _ALL.match(text):
        return [ALL_WARDS]
    found: list[str] = []
    for part in re.split(r"\s*(?:;|,|\band\b|&|/)\s*", text):
        part = part.strip(" .:")
        if not part:
            continue
        if _PERSON.search(part):
            bracket = re.search(r"\(([^()]+)\)", part)
            if not bracket:
                continue  # a councillor's name, not a ward
            part = bracket.group(1)
        part = re.sub(r"\s+(?:wards?|divisions?|electoral\s+divisions?)$", "", part, flags=re.I)
        if _ALL.match(part):
            part = ALL_WARDS
        elif _NONE.match(part) or len(part) > 80 or not re.match(r"[A-Z]", part):
            continue
        if part not in found:
            found.append(part)
    return found
