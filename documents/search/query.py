"""The search query language: words, "exact phrases", -excluded words and ``or``.

Parsed into a small tree so that PostgreSQL and SQLite match the same things. Adjacent parts
must all match; ``or`` binds tighter than that (``fostering or adoption carers`` means
carers, with fostering or adoption). Punctuation splits words as the indexes do, and common
English words (stop words) are dropped as PostgreSQL's ``english`` configuration drops them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from documents.search.stopwords import STOP_WORDS

MAX_QUERY_LENGTH = 300
MAX_TERMS = 16  # groups searched; words past them are left out
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"[^\W_]+")


class QueryError(ValueError):
    """The query cannot be searched; the message says why, for the user."""


class NothingToSearch(QueryError):
    """No word is left to search for: nothing matches (the message says why)."""


@dataclass(frozen=True)
class Phrase:
    """One word, or several that must appear together in this order, as the user typed it."""

    words: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class AnyOf:
    """At least one of the phrases."""

    options: tuple[Phrase, ...]


@dataclass(frozen=True)
class Query:
    """Every ``required`` group matches and no ``excluded`` phrase does."""

    required: tuple[AnyOf, ...]
    excluded: tuple[Phrase, ...] = ()

    @property
    def phrases(self) -> list[Phrase]:
        return [phrase for group in self.required for phrase in group.options]

    @property
    def words(self) -> list[str]:
        return [word for phrase in self.phrases for word in phrase.words]


def words_of(text: str) -> tuple[str, ...]:
    return tuple(word.lower() for word in _WORD.findall(text))


def _phrase(text: str, *, quoted: bool) -> Phrase | None:
    words = words_of(text)
    if not quoted or len(words) == 1:
        words = tuple(word for word in words if word not in STOP_WORDS)
    elif all(word in STOP_WORDS for word in words):
        words = ()
    return Phrase(words, text) if words else None


def parse(text: str) -> Query:
    """Parse the user's words; raise QueryError when nothing searchable is left."""
    text = (text or "").replace("\x00", " ").strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(f"the search is too long (at most {MAX_QUERY_LENGTH} characters)")
    groups: list[list[Phrase]] = []
    excluded: list[Phrase] = []
    join_next = False
    for match in _TOKEN.finditer(text):
        minus, quoted, bare = match.groups()
        if bare is not None and bare.lower() == "or":
            join_next = bool(groups)
            continue
        if bare is not None:
            negate = bare.startswith("-") and len(bare) > 1
            # A bare token like ``2024/25`` is one phrase of its parts.
            phrase = _phrase(bare[1:] if negate else bare, quoted=False)
        else:
            negate = minus == "-"
            phrase = _phrase(quoted, quoted=True)
        if phrase is None:
            continue
        if negate:
            excluded.append(phrase)
        elif join_next:
            groups[-1].append(phrase)
        else:
            groups.append([phrase])
        join_next = False
    if not groups:
        if excluded:
            raise NothingToSearch("add a word to search for: excluded words alone match nothing")
        raise NothingToSearch("type some words to search for")
    return Query(tuple(AnyOf(tuple(g)) for g in groups[:MAX_TERMS]), tuple(excluded[:MAX_TERMS]))


def to_tsquery(query: Query) -> tuple[str, list[str]]:
    """SQL for the PostgreSQL tsquery and its parameters.

    Each phrase goes through ``phraseto_tsquery('english', ...)``, so it is split, stemmed and
    stopped by the very parser that built the stored vectors (``24/00096`` stays one token).
    """
    phrase_sql = "phraseto_tsquery('english'::regconfig, %s)"
    parts, params = [], []
    for group in query.required:
        parts.append("(" + " || ".join([phrase_sql] * len(group.options)) + ")")
        params.extend(p.text for p in group.options)
    for phrase in query.excluded:
        parts.append(f"!!{phrase_sql}")
        params.append(phrase.text)
    return "(" + " && ".join(parts) + ")", params


def _fts5_phrase(phrase: Phrase) -> str:
    return '"' + " ".join(phrase.words) + '"'


def to_fts5(query: Query) -> str:
    """An SQLite FTS5 MATCH expression (the ``porter`` tokenizer stems the words)."""
    parts = []
    for group in query.required:
        options = [_fts5_phrase(p) for p in group.options]
        parts.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    expression = " AND ".join(parts)
    for phrase in query.excluded:
        expression = f"({expression}) NOT {_fts5_phrase(phrase)}"
    return expression
