"""Which paper of its meeting a file is, so a new version replaces only its own earlier one.

A meeting has one agenda, one agenda pack and one set of minutes; every other paper is told
apart by the decision reference it carries ("24/00109") or else by its file name, less the
words that mark a revision ("Updated", "Revised", "v2", "(1)"). Distinct papers with generic
titles ("Amendment", "EqIA", "Appendix A") keep distinct identities through their file names.
"""

from __future__ import annotations

import re
import unicodedata

ONE_PER_MEETING = {"agenda-pack", "agenda", "minutes"}

# A decision or report reference, as Kent prints it ("24/00109") or names files ("24-00109").
REFERENCE = re.compile(r"(?<!\d)(\d{2})[/-](\d{5})(?!\d)")
_REVISION_WORDS = re.compile(
    r"\b(?:updated?|revised|amended|corrected|final|v(?:ersion)?\s*\d+|rev\s*\d+)\b"
    r"|\(\d+\)|\bcopy\b",
    re.IGNORECASE,
)
_SUPPLEMENTARY = re.compile(r"\bsupplementary\b", re.IGNORECASE)
_VERSION_NUMBER = re.compile(r"\b(?:v|version|rev)\s*(\d+)\b", re.IGNORECASE)


def _words(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def stem(filename: str) -> str:
    """The file's name without its extension, a URL's escapes or the words of a revision."""
    name = re.sub(r"%20", " ", filename or "")
    name = re.sub(r"\.pdf$", "", name, flags=re.IGNORECASE)
    return _words(_REVISION_WORDS.sub(" ", name))


def reference(*texts: str | None) -> str | None:
    """The first decision reference in the texts, as "24/00109"."""
    for text in texts:
        found = REFERENCE.search(text or "")
        if found:
            return f"{found.group(1)}/{found.group(2)}"
    return None


def paper_identity(kind: str, filename: str, title: str = "", *, names_meeting=True) -> str:
    """The identity versions of one paper share within their meeting.

    The meeting's agenda or minutes is one paper whatever its file is called, but only a
    paper whose head names the meeting is taken for it: an appendix read as an agenda must
    not replace the agenda.
    """
    if kind in ONE_PER_MEETING and names_meeting:
        return kind
    name = stem(filename) or _words(title)
    if kind in ("report", "decision"):
        ref = reference(filename, title)
        # A report's own file names its reference and little else; an appendix of it does not.
        if ref and not re.search(r"\bappendix\b|\beq\s?ia\b", name):
            return f"{kind}:{ref}"
    return f"{kind}:{name[:150]}"


def revision_rank(filename: str) -> int:
    """How revised a file says it is: 0 for an original, higher for later versions.

    When two versions of one paper arrive together, the more revised one is the current one,
    whichever was read first.
    """
    name = re.sub(r"\.pdf$", "", filename or "", flags=re.IGNORECASE)
    number = _VERSION_NUMBER.search(name)
    if number:
        return int(number.group(1))
    # A supplementary issue of a report re-publishes it, revised, for the meeting.
    return 1 if _REVISION_WORDS.search(name) or _SUPPLEMENTARY.search(name) else 0
