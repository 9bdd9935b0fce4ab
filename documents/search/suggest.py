"""Help for a search that found nothing: a respelled query and near-matching item titles."""

from __future__ import annotations

import difflib

from django.db import connection

from documents.search.query import words_of
from documents.search.stopwords import STOP_WORDS
from meetings.models import AgendaItem

VOCABULARY_ITEMS = 5_000


def _vocabulary() -> set[str]:
    titles = AgendaItem.objects.public().order_by("-id").values_list("title", flat=True)
    return {
        word
        for title in titles[:VOCABULARY_ITEMS]
        for word in words_of(title)
        if len(word) > 2 and not word.isdigit()
    }


def respelled(q: str) -> str | None:
    """The query with unknown words replaced by the closest words of public item titles."""
    vocabulary = _vocabulary()
    words, changed = [], False
    for word in words_of(q):
        if word in vocabulary or word in STOP_WORDS or word.isdigit():
            words.append(word)
            continue
        close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
        words.append(close[0] if close else word)
        changed = changed or bool(close)
    return " ".join(words) if changed else None


def near_matches(q: str, limit: int = 5) -> list[AgendaItem]:
    """Public items whose titles are like the query (trigram similarity on PostgreSQL)."""
    if connection.vendor != "postgresql" or not _has_trigrams():
        return []
    from django.contrib.postgres.search import TrigramWordSimilarity

    return list(
        AgendaItem.objects.public()
        .annotate(similarity=TrigramWordSimilarity(q, "title"))
        .filter(similarity__gte=0.4)
        .select_related("meeting__committee")
        .order_by("-similarity", "-meeting__date")[:limit]
    )


def _has_trigrams() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None
