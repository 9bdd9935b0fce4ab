"""Recorded (named) votes and motions printed in minutes. Pure functions over a minute's lines.

UK recorded votes list the members on each side under a count (Kent):

    (8) Following the debate, the Chairman put to the vote the amendment set out in
        paragraph 7 above and the voting was as follows:
    For (12)
    Mr Baldock, Mr Brady, Mr Campkin, ...
    Against (42)
    ...
    Abstain (7)
    ...
                                                   Amendment lost.

US roll calls print "Ayes: Commissioners Bonta, Dieter and Chair Aguilar – 3. Noes: Vice Chair
Foreman – 1." (a bare count, "Ayes – 5; Noes – 0", names no one and is left out).

Motions: "Mr Oakford proposed, and Mr Gough seconded the motion that", "Mr Hood proposed, and
Mr Lewis seconded the following amendment", "Chair Aguilar moved approval ... Commissioner
Dieter seconded the motion, which carried"; the common US wordings ("Motion by X, seconded by Y,
to ...", "M/S Commissioner Burney / Commissioner Radez") are read by ``us_motions``.
"""

from __future__ import annotations

import re

from .names import clean_name
from .parsed import ParsedMotion, ParsedVote
from .us_motions import us_motions

SIDES = ("for", "against", "abstain")


_UK_SIDE = re.compile(
    r"^(?P<side>For|Against|Abstain(?:ed|ing)?|Abstentions?)\s*\(\s*(?P<n>\d+)\s*\)\s*:?\s*"
    r"(?P<rest>.*)$",
    re.I,
)
_RESULT = re.compile(
    r"^(?P<what>(?:the\s+)?(?:substantive\s+|original\s+|amended\s+)?(?:motion|amendment|"
    r"recommendations?|proposal)(?:\s+as\s+amended)?)\s+(?:was\s+)?(?P<result>carried|lost|"
    r"agreed|defeated|fell|approved|rejected|not\s+carried)\b.*$"
    r"|^(?P<bare>agreed|carried|lost)\.?$",
    re.I,
)
_PARAGRAPH = re.compile(r"^\(?\d+\)\s|^\d+\.\s|^RESOLVED\b", re.I)
_QUESTION = re.compile(
    r"put\s+(?:to\s+the\s+vote\s+)?(?P<q>(?:the|part)\s+.+?)(?:\s+-?\s*to\s+the\s+vote)?\s+and\s+"
    r"the\s+voting",
    re.I,
)
_POSTNOMINAL = re.compile(r"^(?:OBE|MBE|CBE|KBE|DBE|JP|DL|BEM)\.?$")
_HONOUR_SUFFIX = re.compile(r",?\s+(?:OBE|MBE|CBE|KBE|DBE|JP|DL|BEM)\b\.?")


def _side_name(word: str) -> str:
    word = word.lower()
    return "for" if word == "for" else "against" if word == "against" else "abstain"


def split_voters(text: str) -> list[str]:
    """Names in a vote list, as printed with their honorific ("Mr Baldock", "Sir Paul Carter")."""
    text = _HONOUR_SUFFIX.sub("", re.sub(r"\s+", " ", text))
    names = []
    for chunk in re.split(r"\s*(?:,|;|\band\b)\s*", text):
        chunk = chunk.strip(" .:")
        if not chunk or _POSTNOMINAL.match(chunk) or re.fullmatch(r"\d+|none|nil", chunk, re.I):
            continue
        if re.search(r"[A-Z]", chunk) and len(chunk.split()) <= 5:
            names.append(chunk)
    return names


def uk_votes(lines: list[str]) -> list[ParsedVote]:
    """Recorded votes printed as For (n) / Against (n) / Abstain (n) lists of names."""
    votes: list[ParsedVote] = []
    k = 0
    while k < len(lines):
        head = _UK_SIDE.match(lines[k].strip())
        if not head or _side_name(head["side"]) != "for":
            k += 1
            continue
        vote = ParsedVote(question=_question(lines[max(0, k - 8) : k]), result="")
        side, text = "for", [head["rest"]]
        k += 1
        while k < len(lines):
            line = lines[k].strip()
            nxt = _UK_SIDE.match(line)
            result = _RESULT.match(line)
            if nxt:
                vote.side(side).extend(split_voters(" ".join(text)))
                side, text = _side_name(nxt["side"]), [nxt["rest"]]
            elif result or _PARAGRAPH.match(line):
                break
            else:
                text.append(line)
            k += 1
        vote.side(side).extend(split_voters(" ".join(text)))
        if k < len(lines) and (result := _RESULT.match(lines[k].strip())):
            vote.result = (result["result"] or result["bare"]).lower()
            if not vote.question and result["what"]:
                vote.question = result["what"].lower().removeprefix("the ")
        else:
            vote.result = "carried" if len(vote.for_) > len(vote.against) else "lost"
        votes.append(vote)
    return votes


def _question(before: list[str]) -> str:
    text = re.sub(r"\s+", " ", " ".join(line.strip() for line in before))
    found = list(_QUESTION.finditer(text))
    if not found:
        return ""
    return found[-1]["q"].removeprefix("the ").strip()[:300]


_US_SIDE = r"(?P<side>Ayes|Yeas|Yes|Noes|Nays|No|Abstentions?|Abstain(?:ed)?|Absent)"
_US_LIST = re.compile(rf"\b{_US_SIDE}\s*[:\u2013\u2014-]\s*", re.I)
_US_COUNT = re.compile(r"\s*[\u2013\u2014-]\s*\d+\s*\.?\s*$")


def us_votes(text: str) -> list[ParsedVote]:
    """Roll-call votes: "Ayes: Commissioners Bonta, Dieter and Chair Aguilar – 3. Noes: ..."."""
    flat = re.sub(r"\s+", " ", text)
    votes: list[ParsedVote] = []
    marks = list(_US_LIST.finditer(flat))
    k = 0
    while k < len(marks):
        if marks[k]["side"].lower() not in ("ayes", "yeas", "yes"):
            k += 1
            continue
        vote = ParsedVote(question="motion", result="")
        group = [marks[k]]
        while k + 1 < len(marks) and marks[k + 1].start() - marks[k].end() < 400:
            if marks[k + 1]["side"].lower() in ("ayes", "yeas", "yes"):
                break
            k += 1
            group.append(marks[k])
        k += 1
        for n, mark in enumerate(group):
            end = group[n + 1].start() if n + 1 < len(group) else len(flat)
            body = flat[mark.end() : end]
            body = re.split(r"(?<=\d)\s*[.;]\s|(?<=[a-z])\.\s+(?=[A-Z])", body, maxsplit=1)[0]
            body = _US_COUNT.sub("", body.strip(" ;."))
            side = mark["side"].lower()
            if side.startswith("absent"):
                continue
            target = "for" if side in ("ayes", "yeas", "yes") else None
            target = target or ("against" if side in ("noes", "nays", "no") else "abstain")
            names = [clean_name(c) for c in split_voters(body)]
            vote.side(target).extend(n for n in names if n)
        if vote.for_ or vote.against or vote.abstain:
            before = flat[max(0, group[0].start() - 200) : group[0].start()]
            lost = re.search(r"\b(?:failed|lost|defeated)\b", before)
            carried = len(vote.for_) > len(vote.against) and not lost
            vote.result = "carried" if carried else "lost"
            votes.append(vote)
    return votes


_PROPOSED = re.compile(
    r"(?P<mover>(?:Mr|Mrs|Ms|Miss|Dr|Sir|Cllr|Councillor)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"\s+(?:proposed|moved),?\s+(?:and\s+)?(?P<seconder>(?:Mr|Mrs|Ms|Miss|Dr|Sir|Cllr|Councillor)"
    r"\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+seconded\s+(?:the\s+)?(?:following\s+)?"
    r"(?P<kind>motion|amendment|substantive\s+motion|recommendations?)",
)
_US_MOVED = re.compile(
    r"(?P<mover>(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]+)\s+(?:moved|motioned|made\s+a\s+motion)\b"
    r"[^.]*?\.\s*(?:The\s+motion\s+was\s+seconded\s+by\s+(?P<s1>(?:[A-Z][\w'’-]*\s*){1,3})|"
    r"(?P<s2>(?:[A-Z][\w'’-]*\s+){1,3})seconded\s+the\s+motion)"
    r"(?P<tail>[^.]{0,160})",
)
_TALLY = re.compile(r"\b(\d{1,2}\s*[-\u2013]\s*\d{1,2}(?:\s*[-\u2013]\s*\d{1,2})?)\b")


def motions_with_movers(lines: list[str], votes: list[ParsedVote]) -> list[ParsedMotion]:
    """Motions and amendments with their mover, seconder and result, in printed order."""
    text = re.sub(r"\s+", " ", " ".join(line.strip() for line in lines))
    found: list[tuple[int, ParsedMotion]] = []
    # Both wordings name a seconder: where nobody seconded, neither is tried.
    seconded = "seconded" in text
    proposed = list(_PROPOSED.finditer(text)) if seconded else []
    moved = list(_US_MOVED.finditer(text)) if seconded else []
    for m in proposed:
        kind = "amendment" if "amendment" in m["kind"].lower() else "motion"
        after = text[m.end() : m.end() + 6000]
        result = re.search(
            rf"\b(?:{kind}|motion)\s+(?:was\s+)?(carried|lost|agreed|defeated|fell)\b", after, re.I
        )
        found.append(
            (m.start(), ParsedMotion(m["mover"], m["seconder"], result and result[1].lower(), kind))
        )
    for m in moved:
        seconder = (m["s1"] or m["s2"] or "").strip()
        tail = m["tail"] or ""
        result = re.search(r"\b(carried|passed|failed|approved)\b", tail, re.I)
        tally = _TALLY.search(tail)
        found.append(
            (
                m.start(),
                ParsedMotion(
                    _bare(m["mover"]),
                    _bare(seconder),
                    _us_result(result[1]) if result else None,
                    tally=tally[1] if tally else None,
                ),
            )
        )
    spans = [m.span() for m in proposed + moved]
    for start, end, motion in us_motions(text):  # "Motion by X, seconded by Y, to ...", "M/S"
        if motion.mover and not any(a < end and start < b for a, b in spans):
            found.append((start, motion))
    return [motion for _, motion in sorted(found, key=lambda pair: pair[0])]


def _bare(name: str | None) -> str | None:
    if not name:
        return None
    return clean_name(name.strip()) or name.strip()


def _us_result(word: str) -> str:
    return "failed" if word.lower() == "failed" else "carried"


def votes_in(lines: list[str]) -> list[ParsedVote]:
    """Every named vote a minute prints, UK lists first."""
    return uk_votes(lines) or us_votes("\n".join(lines))
