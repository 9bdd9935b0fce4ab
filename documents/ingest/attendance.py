"""Who attended: present, apologies, substitutes, officers and other members.

Read from labelled lists ("Present:", "Apologies:", "Officers Attending:", "In attendance:",
"Also present:", "Absent:", "Staff present:", "ROLL CALL – Present:"), from US roll-call
tables ("Robert Sherrard Commissioner Present"), and from the sentences of the apologies
minute ("Apologies were received from Cllrs X and Y. Cllr Z attended the meeting for Cllr X").
"""

from __future__ import annotations

import re

from .names import chair_in, clean_name, split_entries, split_names
from .parsed import ParsedAttendance, ParsedSubstitute

_GROUPS = r"(?:members|councill?ors|commissioners|trustees|directors|board\s+members|governors)"
_LABELS: list[tuple[str, str]] = [
    ("other_members", rf"(?:other\s+)?{_GROUPS}\s+(?:attending|also\s+present|in\s+attendance)"),
    ("other_members", r"also\s+present|other\s+members(?:\s+present)?|visiting\s+members"),
    (
        "officers",
        r"officers?(?:\s+(?:attending|present|in\s+attendance))?|(?:also\s+)?in\s+attendance"
        r"(?:\s+(?:virtually|remotely))?|staff(?:\s+present)?|others\s+present|"
        r"officials(?:\s+present)?",
    ),
    ("substitutes", r"substitutes?(?:\s+members?)?|substitutions?"),
    (
        "apologies",
        rf"apologies(?:\s+for\s+absence)?(?:\s+received)?|(?:{_GROUPS}\s+)?absent"
        r"(?:\s+with\s+apologies)?|not\s+present|excused(?:\s+absences?)?|absent\s+excused",
    ),
    (
        "present",
        rf"(?:roll\s+call\s*[–—:-]?\s*)?(?:the\s+following\s+)?(?:{_GROUPS}\s+)?(?:were\s+)?present"
        r"|attendees",
    ),
]
_LABEL_LINE = [
    (
        key,
        re.compile(
            rf"^(?:[o•\uf0b7\uf0a7*-]\s*)?(?:{label})(?:\s+were)?\s*(?::|[–—-]\s|$)\s*(.*)$", re.I
        ),
    )
    for key, label in _LABELS
]
_ROLL_ROW = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:Vice\s+)?(?:Commissioner|Alternate|"
    r"Chair(?:person)?|Member|Board\s+Member|Councilmember|Council\s+Member|Trustee|Mayor|"
    r"Director|President)\s+(?P<status>Present|Absent|Late|Excused|Remote)\b"
)
# The same with the title first, one member a line: "Commissioner Clark - Absent".
_ROLL_ROW_TITLED = re.compile(
    r"^(?:Vice\s+)?(?:Commissioner|Alternate|Chair(?:person|man|woman)?|Board\s+Member|Member"
    r"|Councilmember|Council\s+Member|Councill?or|Trustee|Mayor|Vice\s+Mayor|Director|President"
    r"|Alderman|Alderperson|Supervisor)\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}?)"
    r"\s*(?:[-–—:]\s*|\.{2,}\s*|\s+)(?P<status>(?i:present|absent|late|excused|remote|here))\s*$"
)
_NAME = r"(?:(?:Cllrs?\.?|Councill?ors?|Mr|Mrs|Ms|Miss|Dr)\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
_ATTENDED = re.compile(r"attended|was present|was in attendance")
_SUBSTITUTED = re.compile(r"substitut")
# Each pattern with a word it cannot match without (looked for first: trying a name at every
# capital letter of a long minute is slow).
_SUBSTITUTE_PATTERNS = [
    (re.compile(pattern), word)
    for pattern, word in (
        (
            rf"(?P<a>{_NAME})\s+(?:attended|was\s+present|was\s+in\s+attendance)"
            rf"(?:\s+the\s+meeting)?(?:\s+as\s+(?:a\s+)?substitute)?\s+for\s+(?P<b>{_NAME})",
            _ATTENDED,
        ),
        (
            rf"(?P<a>{_NAME})\s*\((?:as\s+)?(?:a\s+)?substitut(?:e|ing)\s+(?:for\s+)?"
            rf"(?P<b>{_NAME})\)",
            _SUBSTITUTED,
        ),
        (
            rf"(?P<a>{_NAME}),?\s+(?:attended\s+)?as\s+(?:a\s+)?substitute\s+for\s+(?P<b>{_NAME})",
            _SUBSTITUTED,
        ),
        (
            rf"(?P<a>{_NAME})\s+(?:was\s+|would\s+be\s+|is\s+)?substitut(?:ed|ing)"
            rf"(?:\s*,[^,]{{0,40}},)?\s+for\s+(?P<b>{_NAME})",
            _SUBSTITUTED,
        ),
        (
            rf"(?P<b>{_NAME}),?\s+(?:who\s+)?(?:was|were|had\s+been)\s+substituted\s+by\s+"
            rf"(?P<a>{_NAME})",
            _SUBSTITUTED,
        ),
    )
]
_APOLOGIES_FROM = re.compile(
    r"apolog(?:y|ies)(?:\s+for\s+(?:absence|lateness))?\s+(?:\w+\s+){0,3}?(?:from|by)\s+"
    r"(?P<names>.+?)(?:\.(?=\s+[A-Z][a-z]|\s*$)|$)",
    re.I | re.S,
)
_APOLOGY_SENTENCE = re.compile(r"^apolog(?:y|ies)\b.*\b(?:from|by)\b", re.I)
_NONE = re.compile(r"^\s*(?:none|nil|no apologies|there were no)\b", re.I)


def _label_of(line: str) -> tuple[str, str] | None:
    for key, pattern in _LABEL_LINE:
        match = pattern.match(line)
        if match:
            return key, match.group(1)
    return None


def _ends_list(line: str, collected: list[str]) -> bool:
    """Whether a line after a labelled list is no longer part of it."""
    if not collected:
        return False
    last = collected[-1].rstrip()
    if last.endswith(".") or re.match(r"^(?:[o•\uf0b7\uf0a7*-]|\d+[.)])\s", line):
        return True
    words = [w for w in line.split() if re.search(r"[A-Za-z]", w)]
    lower = sum(1 for w in words if w.islower())
    if len(words) > 6 and lower >= len(words) * 0.4:
        return True
    return line.isupper() and "," not in line and not last.endswith((",", "and"))


_INLINE_LABEL = re.compile(
    r"(?<=[.;,])\s+(?=(?:absent|excused(?:\s+absences?)?|staff(?:\s+present)?|also\s+present"
    r"|present)\s*:)",
    re.I,
)


def labelled_lists(lines: list[str]) -> dict[str, list[str]]:
    """The text after each attendance label, keyed by kind; continuation lines included."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    # "Present: Chair Owens, Board Members Piziali and Vella. Absent: Vice-Chair Rauk"
    lines = [part for line in lines for part in _INLINE_LABEL.split(line)]
    for line in lines:
        label = _label_of(line)
        if label:
            current = found.setdefault(label[0], [])
            if label[1].strip():
                current.append(label[1])
            continue
        if current is None:
            continue
        if _ends_list(line, current) or len(current) > 30:
            current = None
            continue
        current.append(line)
    return found


def substitutes_in(text: str) -> list[ParsedSubstitute]:
    """Substitutions stated in sentences ("Cllr A attended the meeting for Cllr B")."""
    flat = re.sub(r"\s+", " ", text)
    subs: list[ParsedSubstitute] = []
    for pattern, word in _SUBSTITUTE_PATTERNS:
        if not word.search(flat):
            continue  # the pattern's verb is not there: passed over without trying every name
        for match in pattern.finditer(flat):
            name, replaced = clean_name(match.group("a")), clean_name(match.group("b"))
            if name and replaced and all(s.name != name for s in subs):
                subs.append(ParsedSubstitute(name=name, substitute_for=replaced))
    return subs


def apologies_in(text: str) -> list[str]:
    """Names given apologies in a minute's sentences, or in a bare list under the heading."""
    flat = re.sub(r"\s+", " ", text).strip()
    if not flat or _NONE.match(flat):
        return []
    names: list[str] = []
    for match in _APOLOGIES_FROM.finditer(flat):
        chunk = re.split(r"\bwho\b|\bwhom\b|;|\bwith\s+(?:Cllr|Councillor|Mr|Mrs|Ms)\b", match[1])[
            0
        ]
        names += [n for n in split_names(chunk) if n not in names]
    if names:
        return names
    first = re.split(r"(?<=[a-z]{2})\.(?:\s|$)", flat)[0]
    if re.match(r"^(?:Cllrs?|Councill?ors?|Mr|Mrs|Ms|Miss|Dr)\b", first) or (
        len(first.split()) <= 12 and all(w[:1].isupper() or w == "and" for w in first.split())
    ):
        return split_names(first)
    return []


def parse_attendance(header: list[str], extra: list[str], apologies_text: str) -> ParsedAttendance:
    """Attendance from the header lines, roll-call minutes (extra) and the apologies minute."""
    rows = {line for line in header + extra if _ROLL_ROW_TITLED.match(line)}
    lists = labelled_lists([line for line in header if line not in rows])
    for key, values in labelled_lists([line for line in extra if line not in rows]).items():
        lists.setdefault(key, []).extend(values)
    att = ParsedAttendance()
    present_text = "\n".join(lists.get("present", []))
    att.present = split_names(present_text)
    att.chair = chair_in(present_text)
    att.apologies = split_names("\n".join(lists.get("apologies", [])))
    for line in header + extra:
        row = _ROLL_ROW.match(line) or _ROLL_ROW_TITLED.match(line)
        if row:
            absent = row["status"].lower() in ("absent", "excused")
            target = att.apologies if absent else att.present
            if row["name"] not in target:
                target.append(row["name"])
    for kind in ("officers", "other_members"):
        for chunk, name in split_entries("\n".join(lists.get(kind, []))):
            members = kind == "other_members" or re.match(r"(?i)\s*(?:cllr|councill?or)", chunk)
            target = att.other_members if members else att.officers
            if name not in target:
                target.append(name)
    for chunk in lists.get("substitutes", []):
        att.substitutes += substitutes_in(re.sub(r"\(\s*for\s+", " attended for ", chunk))
    everything = "\n".join(header + extra) + "\n" + apologies_text
    for sub in substitutes_in(everything):
        if all(s.name != sub.name for s in att.substitutes):
            att.substitutes.append(sub)
    # "Apologies for absence were received from Cllr White." printed in the head.
    stated = [line for line in header if _APOLOGY_SENTENCE.match(line) and not _label_of(line)]
    for name in apologies_in("\n".join(stated)) + apologies_in(apologies_text):
        if name not in att.apologies:
            att.apologies.append(name)
    return att


def is_roll_row(line: str) -> bool:
    """A roll-call line naming one member and whether they were there."""
    return bool(_ROLL_ROW.match(line) or _ROLL_ROW_TITLED.match(line))
