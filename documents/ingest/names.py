"""People's names as printed in attendance lists: splitting lists, dropping honorifics and roles.

Committee papers print names in many shapes ("Mr R W Gough (Chairman)", "Cllrs Hodivala,
Hewett and Wood", "Olive O'Sullivan – Town Clerk", "Chair Soules, and Commissioners Johnson").
These helpers turn such text into bare names, keeping the name exactly as printed otherwise.
"""

from __future__ import annotations

import re

# Words printed before a name that are not part of it (UK honorifics, US titles, council roles).
_PREFIX_WORDS = (
    r"cllrs?|councill?ors?|councilmembers?|council\s+members?|county|district|borough|parish|"
    r"town|city|mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lord|lady|rev(?:erend)?|the|"
    r"vice[\s-]+chair(?:man|woman|person)?|chair(?:man|woman|person)?|vice[\s-]+mayor|mayor|"
    r"vice[\s-]+president|president|commissioners?|board\s*members?|members?|trustees?|"
    r"committee\s+members?|"
    r"alternates?|directors?|authority\s+members?|supervisors?|aldermen|alderman"
)
_HONORIFIC = re.compile(r"(?i)(?:cllrs?|councill?ors?|mr|mrs|ms|miss|mx|dr|sir|dame)\.?\s")
_PREFIX = re.compile(rf"^(?:(?:{_PREFIX_WORDS})\.?(?:/[A-Za-z]+(?:\s+Members?)?)?\s+)+", re.I)
# Letters printed after a name (honours, qualifications).
_POSTNOMINAL = re.compile(r"^(?:OBE|MBE|CBE|KBE|DBE|JP|DL|MP|QC|KC|FRS|BEM|PhD|MA|BSc)\.?$")
_ROLE_WORDS = re.compile(
    r"\b(?:clerk|officer|director|manager|head|chief|executive|counsel|member for|councill?or for|"
    r"cabinet member|leader|lead|assistant|coordinator|analyst|advisor|adviser|secretary|"
    r"solicitor|engineer|planner|accountant|treasurer|governance|services|democratic|"
    r"monitoring|representative|consultant|attorney|deputy|interim|acting|senior|principal)\b",
    re.I,
)
_ROLE_NOUN = re.compile(
    r"(?:officer|clerk|director|manager|counsel|executive|secretary|treasurer|accountant|"
    r"coordinator|analyst|engineer|planner|solicitor|attorney|consultant|adviser|advisor)s?$",
    re.I,
)
_NOT_A_NAME = re.compile(
    r"\b(?:none|nil|public|press|elector|electors|residents?|members of|no apologies|"
    r"meeting|present|absent|apologies|item|minutes?|virtually|remotely|zoom)\b",
    re.I,
)
_SPLIT = re.compile(r"\s*(?:;|,|\band\b|&|\n|\t|\s{3,})\s*")
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_DASH_ROLE = re.compile(r"\s+[–—-]\s+.*$")
_SPACE_RUN = re.compile(r"\s+")
_LEADING_BULLETS = re.compile(r"^(?:[o*•\u2022\uf0b7]\s+)+")
_LEADING_PREPOSITION = re.compile(r"^(?:from|by|with|also)\s+")
_DASH_NUMBER = re.compile(r"\s+[–—-]\s*\d+\.?$")
_HONOURS_AFTER = re.compile(r"\s+(?:OBE|MBE|CBE|JP)$")
_DIGIT = re.compile(r"\d")
_CAPITAL = re.compile(r"[A-Z]")
_NAME_START = re.compile(r"[A-Za-z'’]")
_CHAIR_MARK = re.compile(r"\(\s*(?:chair(?:man|woman|person)?|in the chair)\s*\)", re.I)


def strip_honorifics(name: str) -> str:
    """Drop honorifics and titles printed before a name: "Cllr Andrew Parry" -> "Andrew Parry"."""
    name = name.strip().strip(".,;:")
    stripped = _PREFIX.sub("", name).strip()
    # Keep a lone surname such as "Chairman" only if nothing else is left.
    return stripped or name


_ONLY_TITLES = re.compile(rf"^(?:(?:{_PREFIX_WORDS})\.?\s*)+$", re.I)
# A member's role printed after the name in a roll call ("Joyce McConeghey Board Member").
_ROLE_AFTER = re.compile(
    r",?\s+(?:vice[\s-]+)?(?:board\s*member|member|chair(?:man|woman|person)?|president|"
    r"commissioner|trustee|boardmember|councilmember|mayor)s?$",
    re.I,
)


def clean_name(chunk: str) -> str | None:
    """One list entry reduced to the bare name, or None when the entry is not a person."""
    chunk = _PARENS.sub(" ", chunk)
    if _ONLY_TITLES.match(chunk.strip(" .,;:")):
        return None  # "Chair", "Vice Chair", "Board Member", "Committee Members"
    chunk = _LEADING_BULLETS.sub("", _SPACE_RUN.sub(" ", chunk)).strip(" .,;:")
    chunk = _LEADING_PREPOSITION.sub("", chunk)
    if not chunk:
        return None
    # "the clerk: Tom Brindley" -> "Tom Brindley"
    if ":" in chunk:
        chunk = chunk.rsplit(":", 1)[1].strip()
    # "Olive O'Sullivan – Town Clerk" -> "Olive O'Sullivan"
    chunk = _DASH_ROLE.sub("", chunk).strip()
    chunk = _DASH_NUMBER.sub("", chunk)  # "Mayor Johnson – 5."
    if _POSTNOMINAL.match(chunk):
        return None
    if len(chunk.split()) > 2:
        chunk = _ROLE_AFTER.sub("", chunk)
    name = strip_honorifics(chunk)
    name = _HONOURS_AFTER.sub("", name).strip(" .")
    if not name or _DIGIT.search(name) or _NOT_A_NAME.search(name):
        return None
    words = name.split()
    if len(words) > 5 or not any(_CAPITAL.search(w) for w in words):
        return None
    if not _NAME_START.match(name):
        return None
    lowercase_words = [w for w in words if w.islower()]
    if len(lowercase_words) > 1 or (words[0].islower() and len(words) > 1 and words[0] != "de"):
        return None
    if _looks_like_role(name) and not _HONORIFIC.match(chunk):
        return None
    return name


def _looks_like_role(text: str) -> bool:
    """True for job titles such as "Chief Executive" or "Director of Education"."""
    words = text.split()
    if _ROLE_NOUN.match(words[-1]) or _ROLE_WORDS.match(words[0]):
        return True
    return bool(_ROLE_WORDS.search(text)) and any(w in ("for", "of", "to", "and") for w in words)


def split_entries(text: str) -> list[tuple[str, str]]:
    """Split a printed list into (entry as printed, bare name) pairs, skipping non-people."""
    text = _join_wrapped(_split_after_brackets(re.sub(r"\s*\n\s*", "\n", text)))
    # A newline inside an entry ("Daryl Turner and \nAndrew Parry") is a separator anyway,
    # but a wrapped role in brackets must be removed first.
    text = _PARENS.sub(" ", re.sub(r"\(([^()]*)\n([^()]*)\)", r"(\1 \2)", text))
    entries: list[tuple[str, str]] = []
    for chunk in _SPLIT.split(text):
        name = clean_name(chunk)
        # Two people may share a bare name ("Mr J Meade", "Ms J Meade"): dedupe as printed.
        if name and all(chunk.strip() != seen.strip() for seen, _ in entries):
            entries.append((chunk, name))
    return _keep_honorifics(_split_run_together(entries))


def _split_run_together(entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Two names printed without their comma ("Magda Atkins Lizzer Bradbury") in a list of
    first-name-and-surname entries are two people."""
    two_words = sum(1 for _, name in entries if len(name.split()) == 2)
    if two_words < 2:
        return entries
    out: list[tuple[str, str]] = []
    for chunk, name in entries:
        words = name.split()
        plain = all(len(w) > 2 and w[0].isupper() and w[1:].islower() for w in words)
        if len(words) == 4 and plain:
            out += [(chunk, " ".join(words[:2])), (chunk, " ".join(words[2:]))]
        else:
            out.append((chunk, name))
    return out


def _key(name: str) -> str:
    return name.lower().split()[-1]


def _keep_honorifics(entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Where two entries share a surname ("Mrs P T Cole", "Mr P Cole"), keep the honorific
    that may tell them apart where they are printed by surname alone ("Mr Cole")."""
    keys = [_key(name) for _, name in entries]
    out = []
    for (chunk, name), key in zip(entries, keys, strict=True):
        title = re.match(r"\s*(Mrs|Mr|Ms|Miss|Mx|Dr|Sir|Dame)\.?\s", chunk)
        if keys.count(key) > 1 and title and not name.startswith(title.group(1)):
            name = f"{title.group(1)} {name}"
        out.append((chunk, name))
    return out


def split_names(text: str) -> list[str]:
    """Split a printed list of people into bare names, in order, without duplicates."""
    return [name for _, name in split_entries(text)]


def _join_wrapped(text: str) -> str:
    """Rejoin an entry wrapped over two lines ("P Rochford and J" / "Raymond").

    In a comma-separated list a line break without a comma or "and" before it falls inside
    an entry; in a list printed one name per line every break separates entries.
    """
    lines = text.split("\n")
    out = lines[:1]
    for line in lines[1:]:
        prev = out[-1].rstrip()
        wrapped = "," in prev and not re.search(r"(?:[,;]|\band)$", prev)
        # A list printed one entry a line ("Tony Daysog, Boardmember, City of Alameda"): each
        # line starts a new entry when it carries its own commas.
        broken = re.search(r"\b(?:[A-Z]\.?|Cllrs?|Councill?ors?|Mr|Mrs|Ms|Dr|of|the)$", prev)
        first = line.split(",")[0].split()
        whole = len(first) >= 2 if "," in line else len(first) > 2 and " and " not in line
        if wrapped and not broken and whole:
            wrapped = False
        if wrapped and line[:1].isupper() and not line.startswith("("):
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def _split_after_brackets(text: str) -> str:
    """Insert the comma some lists leave out: "Blake (Chairman) Gary O'Leary"."""
    return re.sub(r"(\([^()]*\)|\[[^\[\]]*\])[ \t]*(?=\n?[A-Z])", r"\1, ", text)


def chair_in(text: str) -> str | None:
    """The person marked as chair in a list: "Rebecca Knox (Chairman)" or "Chair Soules"."""
    flat = re.sub(r"[ \t]+", " ", _split_after_brackets(text))
    for chunk in _SPLIT.split(flat):
        mark = _CHAIR_MARK.search(chunk)
        if mark:
            return clean_name(chunk[: mark.start()])
    flat = flat.replace("\n", " ")
    match = re.search(r"(?:^|,\s*|:\s*)(?:Chair|Chairman|Chairperson)\s+([A-Z][\w'’-]+)", flat)
    if match:
        return match.group(1)
    return None
