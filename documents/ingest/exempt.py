"""Spotting exempt business: "NOT FOR PUBLICATION", Schedule 12A paragraphs, Part 2 headings.

Under the Local Government Act 1972 the public can be excluded for information in
paragraphs 1-7 of Part 1 of Schedule 12A. Papers say so in many ways; these helpers read
the wording, never a particular council's template. Pure functions over text.
"""

from __future__ import annotations

import re

# Form instructions such as "[Do not include information which is exempt ...]" talk about
# exemption without making anything exempt.
_INSTRUCTION = re.compile(
    r"\[[^\]]*\b(?:do not include|delete as appropriate)\b[^\]]*\]", re.I | re.S
)

_EXEMPT_WORDING = re.compile(
    r"""
    \bnot\s+for\s+publication\b
    | \bexempt\s+(?:information|item|report|appendix|appendices|under|by\s+virtue)\b
    | \bis\s+exempt\b
    | \bschedule\s*12\s*a\b
    | \bexclusion\s+of\s+(?:the\s+)?(?:press|public)\b
    | \bexclude\s+the\s+(?:press|public)\b
    | \bsection\s+100\s*a\s*\(\s*4\s*\)
    | ^\s*(?:report\s+status|status|classification)\s*:\s*(?:exempt|restricted|confidential|private)
    | [(\[]\s*(?:confidential|exempt|private|part\s*(?:2|ii))\s*[)\]]
    """,
    re.I | re.X | re.M,
)

_PARAGRAPH_BEFORE = re.compile(
    r"\bparagraphs?\s+(\d)\b(?:\s*(?:,|and|&|or)\s*\d\b)*[^.]{0,80}?\bschedule\s*12\s*a",
    re.I | re.S,
)
_PARAGRAPH_AFTER = re.compile(
    r"\bschedule\s*12\s*a\b[^.]{0,60}?\bparagraphs?\s+(\d)\b", re.I | re.S
)
_PARAGRAPH_LOOSE = re.compile(r"\bexempt\b[^.]{0,60}?\bparagraphs?\s+(\d)\b", re.I | re.S)

_SECTION_EXEMPT = re.compile(
    r"""^\s*(?:
        (?:part\s*(?:2|ii|b)\b.*)
      | (?:exempt\s+(?:items?|business|information|matters|reports?)\b.*)
      | (?:confidential\s+(?:items?|business|matters)\b.*)
      | (?:restricted\s+(?:items?|business)\b.*)
      | (?:private\s+(?:items?|business|session)\b.*)
      | (?:items?\s+(?:likely\s+to\s+be\s+)?(?:considered|taken)\s+in\s+private\b.*)
      | (?:not\s+for\s+publication\b.*)
      | (?:exclusion\s+of\s+(?:the\s+)?(?:press\s+and\s+(?:the\s+)?)?public\b.*)
    )$""",
    re.I | re.X,
)
_SECTION_PUBLIC = re.compile(
    r"^\s*(?:part\s*(?:1|i|a)\b|unrestricted\s+items?|open\s+(?:items?|business)|public\s+items?)",
    re.I,
)
_EXCLUSION_MOTION = re.compile(
    r"^\s*(?:exempt\s+(?:business|items?|information)|exclusion\s+of\s+(?:the\s+)?(?:press|public)"
    r"|(?:motion\s+to\s+)?exclude\s+the\s+(?:press|public)|private\s+business|part\s*(?:2|ii)\b)",
    re.I,
)


def _strip_instructions(text: str) -> str:
    return _INSTRUCTION.sub(" ", text)


def looks_exempt(text: str) -> bool:
    """True when the text marks its matter exempt / not for publication / Schedule 12A."""
    return bool(_EXEMPT_WORDING.search(_strip_instructions(text or "")))


_CLOSED_SESSION = re.compile(
    r"^(?:(?:adjourn(?:ment)?|recess)\s+(?:in)?to\s+)?(?:closed|executive)\s+session\b", re.I
)


def is_closed_session(title: str) -> bool:
    """An agenda item that is a US board's closed (or executive) session: business taken
    without the public, the counterpart of exempt business. "Report from closed session"
    is public."""
    return bool(_CLOSED_SESSION.match((title or "").strip()))


def exempt_paragraph(text: str) -> int | None:
    """The Schedule 12A paragraph (1-7) the text cites, if any."""
    text = _strip_instructions(text or "")
    for pattern in (_PARAGRAPH_BEFORE, _PARAGRAPH_AFTER, _PARAGRAPH_LOOSE):
        match = pattern.search(text)
        if match and 1 <= int(match.group(1)) <= 7:
            return int(match.group(1))
    return None


def is_exempt_section_heading(line: str) -> bool:
    """An unnumbered agenda heading that opens the private part ("EXEMPT ITEMS", "Part 2")."""
    line = line.strip()
    return len(line) <= 80 and bool(_SECTION_EXEMPT.match(line))


def is_public_section_heading(line: str) -> bool:
    """An unnumbered agenda heading that opens (or reopens) the public part."""
    line = line.strip()
    return len(line) <= 80 and bool(_SECTION_PUBLIC.match(line))


def is_exclusion_motion(title: str) -> bool:
    """An item that moves the exclusion of the public: itself public, the items after it not."""
    return bool(_EXCLUSION_MOTION.match(title or ""))
