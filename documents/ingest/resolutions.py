"""Resolutions and reasons for decision inside one minute's text.

A resolution starts at the word RESOLVED ("RESOLVED that", "Resolved:", "3. RESOLVED that
Cabinet agree to:", "It was RESOLVED", "Committee resolved to"). It runs on while lines wrap
or its own list continues ("1. That", "(a)", "A)", "i)") and stops at a sentence end followed
by ordinary text, at the minute's next paragraph number, or at "Reason(s) for Decision(s)".

US minutes record motions ("X moved approval of ..., Y seconded, carried 5-0"). Where a
minute prints no RESOLVED, each motion's words (``motions.motions_in``) are its resolutions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .minute_items import Line
from .motions import motions_in
from .parsed import ParsedResolution

_LEAD = r"(?P<lead>\(?\d{1,3}(?:\.\d+)*[.)]|\(?[a-z][.)])?\s*"
_SUBJECT = (
    r"(?:it\s+was\s+(?:\w+\s+and\s+)?|(?:the\s+)?(?:committee|council|cabinet|panel|board|"
    r"sub-committee|commission|members|meeting|authority|group|forum)\s+(?:\w+\s+)?)"
)
# How it was carried, printed between RESOLVED and its words: "(unanimously)", "by 5 votes to
# 2", "nem con". Not part of the resolution's own words.
_MANNER = (
    r"(?:\(?(?i:unanimously|nem\.?\s*con\.?|by\s+a\s+majority(?:\s+vote)?|by\s+\d{1,3}\s+votes?"
    r"\s+to\s+\d{1,3}(?:\s*(?:,|and|with)\s*(?:with\s+)?\d{1,3}\s+abstentions?)?)\)?[\s:,–-]*)?"
)
_AT_START = re.compile(
    rf"^{_LEAD}(?P<subject>(?i:{_SUBJECT}))?(?P<kw>RESOLVED|Resolved|resolved|resolves)\b[\s:,–-]*"
    + _MANNER
)
_IN_LINE = re.compile(
    rf"(?P<subject>(?i:{_SUBJECT}))(?P<kw>RESOLVED|Resolved|resolved|resolves)\b[\s:,–-]*" + _MANNER
)
_CAPS_IN_LINE = re.compile(r"\b(?P<kw>RESOLVED)\b[\s:,–-]*" + _MANNER)
_REASONS = re.compile(
    r"^(?:reasons?\s+for\s+(?:the\s+)?(?:decisions?|recommendations?|resolutions?)|"
    r"reasons?\s*\(s\)\s+for\s+(?:the\s+)?decisions?(?:\s*\(s\))?)\b[\s:–-]*(?P<rest>.*)$",
    re.I,
)
_MARKER = re.compile(
    r"^(?P<m>\((?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})\)|(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})[.)]|"
    r"[•\uf0b7\uf0a7▪●◦])\s+"
)
_BULLET = "•\uf0b7\uf0a7▪●◦"
_PARA_NUMBER = re.compile(r"^\d{1,3}(?:\.\d+)+\.?\s")
_ADOPTED = re.compile(
    r"Resolution\s+No\.?\s*(?P<num>[\w-]+),?\s*[“\"](?P<text>[^”\"]+)[”\"]\s*\.?\s*Adopted",
    re.I | re.S,
)


@dataclass
class MinuteDecisions:
    resolutions: list[ParsedResolution] = field(default_factory=list)
    reasons: str | None = None
    narrative: list[Line] = field(default_factory=list)  # the lines left for the narrative


def _marker_style(marker: str) -> str:
    core = marker.strip("().")
    shape = "n" if core.isdigit() else "a"
    return f"{'(' if marker.startswith('(') else ''}{shape}{marker[-1]}"


def _find_anchor(text: str) -> tuple[int, re.Match] | None:
    """Where a resolution starts on a line: (position of the resolution text, the match)."""
    match = _AT_START.match(text)
    if match and (match.group("subject") or match.group("kw")[0] == "R"):
        return match.end(), match
    for pattern in (_CAPS_IN_LINE, _IN_LINE):
        match = pattern.search(text)
        if match and (pattern is _IN_LINE or match.start() > 0):
            return match.end(), match
    return None


def split_resolution(text_lines: list[str]) -> list[ParsedResolution]:
    """One RESOLVED block as numbered parts, or a single unnumbered resolution."""
    parts: list[tuple[str, list[str]]] = []
    preamble: list[str] = []
    split_lines = []
    for line in text_lines:  # "(1) to note; (2) to approve" printed on one line
        split_lines += re.split(r"(?<=[;.:])\s+(?=\((?:\d{1,2}|[a-z])\)\s)", line)
    for line in split_lines:
        marker = _MARKER.match(line)
        if marker:
            number = marker.group("m").rstrip(".").strip(_BULLET)
            parts.append((number, [line[marker.end() :]]))
        elif parts:
            parts[-1][1].append(line)
        else:
            preamble.append(line)
    if not parts:
        text = _flat(preamble)
        inline = re.split(r"(?:^|\s)\((\d{1,2}|[a-z])\)\s+", text)
        if len(inline) >= 5 and not inline[0].strip(" :"):
            pairs = zip(inline[1::2], inline[2::2], strict=False)
            return [ParsedResolution(f"({n})", t.strip(" ;")) for n, t in pairs]
        return [ParsedResolution("", text)] if text else []
    colons = sum(1 for line in preamble if line.rstrip().endswith(":"))
    if colons > 1 or (len(parts) == 1 and preamble and not preamble[-1].rstrip().endswith(":")):
        # a list nested in a longer statement ("that: This Council believes that: a) ...")
        return [ParsedResolution("", _flat(text_lines))]
    return [ParsedResolution(number, _flat(body)) for number, body in parts if _flat(body)]


def _flat(lines: list[str]) -> str:
    text = " ".join(s.strip() for s in lines if s.strip())
    return re.sub(r"\s+", " ", text).strip(" ;")


def extract_decisions(body: list[Line], title: str = "") -> MinuteDecisions:
    """Split a minute's lines into resolutions, reasons for decision and narrative lines."""
    out = MinuteDecisions()
    i = 0
    reasons: list[str] = []
    while i < len(body):
        line = body[i]
        reason = _REASONS.match(line.text)
        if reason:
            i, reasons = _collect_reasons(body, i, reason.group("rest"), reasons)
            continue
        anchor = _find_anchor(line.text)
        if anchor is None:
            out.narrative.append(line)
            i += 1
            continue
        start, match = anchor
        before = line.text[: match.start()].strip()
        if before and not _AT_START.match(line.text):
            out.narrative.append(Line(line.page, before))
        i, block, after = _collect_block(body, i, line.text[start:], match)
        out.resolutions.extend(split_resolution(block))
        if after:
            out.narrative.append(Line(line.page, after))
    for adopted in _ADOPTED.finditer(" ".join([title] + [ln.text for ln in body])):
        out.resolutions.append(ParsedResolution(adopted.group("num"), _flat([adopted["text"]])))
    if not out.resolutions:  # US minutes: each motion put to a vote is the item's resolution
        flat = " ".join(line.text for line in body)
        out.resolutions = [ParsedResolution("", words) for _, words in motions_in(flat)]
    out.reasons = _flat(reasons) or None
    return out


def _collect_reasons(body: list[Line], i: int, rest: str, reasons: list[str]):
    if rest.strip():
        reasons.append(rest)
    i += 1
    while i < len(body) and _find_anchor(body[i].text) is None:
        if _REASONS.match(body[i].text):
            break
        reasons.append(body[i].text)
        i += 1
    return i, reasons


def _collect_block(body: list[Line], i: int, first: str, match: re.Match):
    """The lines of one resolution from its anchor; returns (next index, lines, text after)."""
    lead = match.groupdict().get("lead")
    lead_style = _marker_style(lead) if lead else None
    block: list[str] = []
    mid_line = match.start() > 0 and not lead
    after = ""
    if first.strip():
        if mid_line:
            sentence = re.match(r"^(.*?[.!?])(?:\s+(?=[A-Z])|$)(.*)$", first)
            if sentence and sentence.group(2).strip():
                return i + 1, [sentence.group(1)], sentence.group(2).strip()
        block.append(first)
    list_mode = not block or block[-1].rstrip().endswith(":")
    i += 1
    while i < len(body):
        text = body[i].text
        marker = _MARKER.match(text)
        if _REASONS.match(text) or _find_anchor(text) or _PARA_NUMBER.match(text):
            break
        if marker and lead_style and _marker_style(marker.group("m")) == lead_style:
            break
        ended = not block or block[-1].rstrip().endswith((".", "!", "?"))
        if block and ended and not marker and not text[:1].islower():
            break
        opened_list = block and (block[0].rstrip().endswith(":") or _MARKER.match(block[0]))
        if block and ended and marker and not list_mode and not opened_list:
            break
        if marker:
            list_mode = True
        block.append(text)
        i += 1
    return i, block, after
