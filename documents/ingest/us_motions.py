"""Motions in the common wordings of US minutes, with mover, seconder, tally and result.

    "Motion by Adams, seconded by Baker, to approve the consent calendar. Motion carried 4-0."
    "It was moved by Councilmember Adams and seconded by Councilmember Baker to approve ..."
    "It was moved by Adams, seconded by Baker, and carried unanimously to adopt ..."
    "Upon motion by Adams, seconded by Baker, the Board voted 5-0 to approve ..."
    "A motion was made by Adams and seconded by Baker to ... The motion carried by the
     following vote: AYES: Adams, Baker, Clark NOES: None ABSENT: Davis"
    "Commissioner Adams made a motion to approve ..., seconded by Commissioner Baker."
    "M/S Adams/Baker to approve ... (5-0)"     "MOTION: Adams  SECOND: Baker"
    "Motion to approve the minutes. Moved by Adams, seconded by Baker. Vote: 5-0"

Each motion's words are those after "moved (to)" / "motion ... to"; its result and tally are
read from the rest of its sentence and the vote sentences printed after it ("Motion carried
4-0.", "The motion failed 2-3.", "Ayes: 5, Nays: 0", a roll call of names). Pure functions.
"""

from __future__ import annotations

import copy
import functools
import re

from .names import clean_name
from .parsed import ParsedMotion

_STOP = (
    r"(?!(?i:to|the|and|that|seconded|second|motion|moved|carried|passed|failed|vote|ayes|noes|"
    r"nays|yeas|absent|abstain\w*|recused|result|roll|then|after|following|upon|on|finally|also|"
    r"thereafter|when|it|action|all|an?(?=\s))\b)"
)
_SP = r"[\s\x00]+"  # "Mr.\x00Adams": the space after an abbreviation is shielded
_WORD = rf"{_STOP}(?:[A-Z][a-z]{{0,2}}\.|[A-Z][\w’'-]*)"
_OFFICE = (
    r"(?:Vice|Deputy|Pro\s+Tem(?:pore)?|Mayor|Council\s*(?:member|woman|man|or|person)|"
    r"Commissioner|Chair(?:man|woman|person)?|Board\s*(?:Member|Chair)?|Member|Trustee|"
    r"Supervisor|Director|Alder(?:man|men|woman|person)|Selectm[ae]n|Selectwoman|Legislator|"
    r"President|Secretary|Treasurer|Mr|Mrs|Ms|Dr)\.?"
)
_NAME = (
    rf"(?<![\w’'])(?:(?i:{_OFFICE}){_SP})*(?:{_WORD}{_SP}|(?:de|del|la|van|von|der|di|da|le){_SP})"
    rf"{{0,3}}{_STOP}[A-Z][\w’'-]+"
)
_TEXT = r"(?P<text>[A-Za-z](?:[^.;!?(]|\.(?!\s|$)|\((?!\d{1,2}\s*[-–]))*)"
_TALLY = r"\d{1,2}\s*[-–]\s*\d{1,2}(?:\s*[-–]\s*\d{1,2}){0,2}"
_VOTED = (
    rf"(?i:(?:and\s+)?(?:(?:was\s+)?(?:unanimously\s+)?(?:carried|passed|approved)"
    rf"(?:\s+unanimously|\s+{_TALLY})?\s*,?\s*)?(?:the\s+\w+(?:\s+\w+)?\s+(?:unanimously\s+)?"
    rf"voted\s+(?:{_TALLY}\s+)?(?:unanimously\s+)?)?)"
)
_SECONDED_BY = rf"(?i:(?:and\s+)?(?:was\s+)?(?:duly\s+)?seconded\s+by)\s+(?P<seconder>{_NAME})"
# Each pattern with a word it cannot match without, looked for first.
_PATTERNS = [
    # "Motion by X, seconded by Y, to ...", "It was moved by X and seconded by Y to ...",
    # "Upon motion by X, seconded by Y, the Board voted 5-0 to ..."
    (
        re.compile(
            rf"\b(?i:(?:it\s+was\s+)?moved|(?:up)?on\s+(?:a\s+)?motion(?:\s+(?:made|duly\s+made))?"
            rf"|(?:an?\s+|the\s+)?motion(?:\s+was)?(?:\s+(?:made|duly\s+made))?)\s+by\s+"
            rf"(?P<mover>{_NAME})\s*,?\s*(?:{_SECONDED_BY}\s*,?\s*)?(?P<status>{_VOTED})"
            rf"(?:(?i:to|that)\s+{_TEXT})?"
        ),
        re.compile(r"(?i:moved|motion)"),
    ),
    # "M/S Adams/Baker to approve ...", "M/S/C: Adams / Baker"
    (
        re.compile(
            rf"\bM\s*/\s*S(?P<status>\s*/\s*C)?\s*:?\s*(?P<mover>{_NAME})\s*/\s*"
            rf"(?P<seconder>{_NAME})\s*[,:]?\s*(?:(?i:to)\s+{_TEXT})?"
        ),
        re.compile(r"M\s*/\s*S"),
    ),
    # "MOTION: Adams SECOND: Baker", "Moved: Adams Seconded: Baker"
    (
        re.compile(
            rf"\b(?i:motion|moved(?:\s+by)?|mover)\s*:\s*(?P<mover>{_NAME})\s*[.,;]?\s*"
            rf"(?i:second(?:ed)?(?:\s+by)?)\s*:\s*(?P<seconder>{_NAME})\s*[.,;]?\s*"
            rf"(?:(?i:to)\s+{_TEXT})?"
        ),
        re.compile(r"(?i:second)"),
    ),
    # "X moved and Y seconded to ...", "X moved, seconded by Y, to ..."
    (
        re.compile(
            rf"(?P<mover>{_NAME})\s+moved\s*,?\s*(?:and\s+(?P<seconder2>{_NAME})\s+seconded|"
            rf"{_SECONDED_BY})\s*,?\s*(?:(?:a|the)\s+motion\s+)?(?:to|that)\s+{_TEXT}"
        ),
        re.compile(r"(?i:moved)"),
    ),
    # "X made a motion to approve ..., seconded by Y", "X moved approval of ..., Y seconded"
    (
        re.compile(
            rf"(?P<mover>{_NAME})\s+(?:made\s+(?:a|the)\s+motion|moved)\s+(?:to\s+|for\s+)?"
            rf"(?=(?:[^.;]|\.(?!\s))*?\bseconded\b){_TEXT}"
        ),
        re.compile(r"(?i:seconded)"),
    ),
    # "Motion to approve the minutes." "MOTION: To approve ...", "ACTION: Motion to ..."
    (
        re.compile(
            r"(?:^|(?<=[.;:!?]\s))(?:(?:MOTION|Motion|ACTION|Action)\s*:\s*(?:(?:MOTION|Motion)\s+)?"
            rf"|(?:MOTION|Motion|A\s+motion\s+was\s+made)\s+)(?i:to)\s+{_TEXT}"
        ),
        re.compile(r"(?i:motion|action)"),
    ),
]
_ABBREVIATION = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Mt|Ft|No|Nos|U\.S)\. "
    r"|\. (?=[a-z0-9])"
)
_SECONDER_IN_TEXT = re.compile(
    rf",?\s+(?:{_SECONDED_BY}|(?:and\s+)?(?P<seconder2>{_NAME})\s+seconded\b(?:\s+the\s+motion)?)"
)
_OUTCOME_IN_TEXT = re.compile(
    rf",?\s+(?:and\s+)?(?:was\s+)?(?:carried|passed|failed|approved)(?:\s+(?:unanimously|"
    rf"{_TALLY}|by|on|with)\b|\s*$)",
    re.I,
)
_VOTE_SENTENCE = re.compile(
    r"^(?:the\s+)?(?:motion|vote|ayes|yeas|roll\s+call|carried|passed|failed|approved|"
    r"unanimously|it\s+carried|all\s+(?:in\s+favou?r|ayes)|a\s+vote\s+was\s+taken)\b|^\("
    r"|^[^.]{0,120}\bin\s+favou?r\b",
    re.I,
)
_RESULT = re.compile(
    r"\b(?P<word>carried|carries|passed|passes|approved|adopted|unanimous(?:ly)?|failed|fails|"
    r"defeated|denied|lost|in\s+favou?r)\b",
    re.I,
)
_COUNTS = re.compile(
    r"\b(?:ayes?|yeas?)\s*[:=-]?\s*(?P<ayes>\d{1,2})\b[\s,;]*(?:(?:noes|nays?|no)\s*[:=-]?\s*"
    r"(?P<noes>\d{1,2})\b)?(?:[\s,;]*(?:abstain\w*|abstentions?)\s*[:=-]?\s*(?P<abs>\d{1,2})\b)?",
    re.I,
)
_ROLL = re.compile(
    r"\b(?:AYES|Ayes|YEAS|Yeas)\s*:\s*(?P<ayes>.*?)\s*(?:(?:NOES|Noes|NAYS|Nays)\s*:\s*"
    r"(?P<noes>.*?))?\s*(?=(?:ABSTAIN\w*|Abstain\w*|ABSENT|Absent|RECUSED|Recused)\s*:|$)"
)
_TITLES = re.compile(rf"^(?:{_OFFICE}\s+)+", re.I)


def us_motions(text: str) -> list[tuple[int, int, ParsedMotion]]:
    """(start, end, motion) of each motion printed in the text, in printed order; a motion's
    ``text`` is its words ("" when only its mover and seconder are printed)."""
    # A minute's text is read twice (for its resolutions and its motions): read it once.
    return [(start, end, copy.copy(motion)) for start, end, motion in _read_motions(text)]


@functools.lru_cache(maxsize=64)
def _read_motions(text: str) -> tuple[tuple[int, int, ParsedMotion], ...]:
    return tuple(_motions(text))


def _motions(text: str) -> list[tuple[int, int, ParsedMotion]]:
    flat = re.sub(r"\s+", " ", text)
    shielded = _ABBREVIATION.sub(lambda m: m[0].replace(" ", "\x00"), flat)
    found: list[tuple[int, int, ParsedMotion, str]] = []
    spans: list[tuple[int, int]] = []
    for pattern, needed in _PATTERNS:
        if not needed.search(shielded):
            continue  # its key word is not there: a name is not tried at every capital
        for match in pattern.finditer(shielded):
            if any(a < match.end() and match.start() < b for a, b in spans):
                continue
            spans.append(match.span())
            found.append(_read(match))
    found.sort(key=lambda entry: entry[0])
    merged = _merge_words_with_movers(found)
    out: list[tuple[int, int, ParsedMotion]] = []
    for k, (start, end, motion, status) in enumerate(merged):
        nxt = merged[k + 1][0] if k + 1 < len(merged) else len(shielded)
        _settle(motion, status + " " + _vote_sentences(shielded[end:nxt]))
        motion.text = motion.text.replace("\x00", " ")
        if motion.mover or motion.text:
            out.append((start, end, motion))
    return out


def _read(match: re.Match) -> tuple[int, int, ParsedMotion, str]:
    groups = match.groupdict()
    words = (groups.get("text") or "").strip(" ,")
    seconder = groups.get("seconder") or groups.get("seconder2")
    status = groups.get("status") or ""
    if status.strip(" /") == "C":
        status = "carried"
    if words:
        cut = _SECONDER_IN_TEXT.search(words)
        if cut:
            seconder = seconder or cut["seconder"] or cut["seconder2"]
            status += " " + words[cut.end() :]
            words = words[: cut.start()]
        outcome = _OUTCOME_IN_TEXT.search(words)
        if outcome:
            status += " " + words[outcome.start() :]
            words = words[: outcome.start()]
    motion = ParsedMotion(_person(groups.get("mover")), _person(seconder), text=words.strip(" ,"))
    return match.start(), match.end(), motion, status


def _merge_words_with_movers(found: list) -> list:
    """ "Motion to approve X. Moved by A, seconded by B." is one motion."""
    merged: list = []
    for entry in found:
        if merged:
            start, end, motion, status = merged[-1]
            close = entry[0] - end < 120
            if close and motion.text and not motion.mover and entry[2].mover and not entry[2].text:
                motion.mover, motion.seconder = entry[2].mover, entry[2].seconder
                merged[-1] = (start, entry[1], motion, status + " " + entry[3])
                continue
        merged.append(entry)
    return merged


def _vote_sentences(after: str) -> str:
    """The tail of the motion's sentence and the vote sentences printed right after it."""
    parts = re.split(r"(?<=[.;!?])\s+", after.strip())
    kept: list[str] = []
    for part in parts:
        if kept and kept[-1].endswith(".") and not _VOTE_SENTENCE.match(part):
            break
        if not kept and re.match(r"[A-Z]", part) and not _VOTE_SENTENCE.match(part):
            break
        kept.append(part)
    return " ".join(kept)


def _settle(motion: ParsedMotion, status: str) -> None:
    """Tally and result from the words that report the vote."""
    roll = _ROLL.search(status)
    counts = _COUNTS.search(status)
    tally = re.search(rf"(?<![\d/-]){_TALLY}(?![\d/-])", status)
    ayes = noes = None
    if tally:
        motion.tally = re.sub(r"\s+", "", tally[0])
        numbers = [int(n) for n in re.findall(r"\d+", tally[0])]
        ayes, noes = numbers[0], numbers[1]
    elif counts:
        ayes, noes = int(counts["ayes"]), int(counts["noes"] or 0)
        motion.tally = f"{ayes}-{noes}" + (f"-{counts['abs']}" if counts["abs"] else "")
    elif roll:
        ayes, noes = len(_voters(roll["ayes"])), len(_voters(roll["noes"] or ""))
        motion.tally = f"{ayes}-{noes}" if ayes else None
    word = _RESULT.search(status)
    if word:
        failed = re.match(r"fail|defeat|denied|lost", word["word"], re.I)
        motion.result = "failed" if failed else "carried"
    elif ayes is not None and (ayes or noes):
        motion.result = "carried" if ayes > noes else "failed"


def _voters(text: str) -> list[str]:
    if re.fullmatch(r"\s*(?:none|nil|-|0)?\s*[.;]?\s*", text, re.I):
        return []
    chunks = re.split(r"\s*(?:,|;|\band\b)\s*", text.strip(" .;"))
    return [c for c in chunks if re.search(r"[A-Z]", c)]


def _person(name: str | None) -> str | None:
    """The surname as printed, without the office before it ("Councilmember Adams")."""
    if not name:
        return None
    name = re.sub(r"\s+", " ", name.replace("\x00", " ")).strip(" ,.")
    bare = _TITLES.sub("", name).strip() or name
    return clean_name(bare) or bare
