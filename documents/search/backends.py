"""Rank public matches of one kind (page, item, resolution) on PostgreSQL or SQLite.

Each backend answers the same three questions with its own index: the id span of a kind,
the best ``limit`` public matches within some id ranges with how many there are, snippets
for a few ids. What is public is decided here at query time from the current state of
papers, items and meetings (mirroring the ``public()`` querysets, which the service applies
again when it loads the rows).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import connection, transaction

from documents.search.query import Query, to_fts5, to_tsquery

KINDS = ("item", "page", "resolution")
START, STOP = "\ue000", "\ue001"  # highlight markers: never HTML, escaped later

_PUBLIC_MEETING = "m.is_published"
_PUBLIC_ITEM = (
    "NOT i.exempt AND NOT EXISTS (SELECT 1 FROM meetings_agendaitem pi"
    " WHERE pi.id = i.parent_id AND pi.exempt)"
)
_PUBLIC_PAGE = """d.superseded_by_id IS NULL AND d.is_published AND NOT d.is_exempt
  AND NOT EXISTS (
    SELECT 1 FROM documents_pagerange pr JOIN meetings_agendaitem ei ON ei.id = pr.item_id
    WHERE pr.document_id = p.document_id AND pr.holds_paper
      AND pr.start <= p.number AND pr."end" >= p.number
      AND (ei.exempt OR EXISTS (
        SELECT 1 FROM meetings_agendaitem ep WHERE ep.id = ei.parent_id AND ep.exempt)))"""

# Each kind's rows joined to the matches (``s``) and their meeting (``m``); when public.
_SOURCES = {
    "page": (
        "documents_page p ON p.id = s.id JOIN documents_document d ON d.id = p.document_id"
        " JOIN meetings_meeting m ON m.id = d.meeting_id",
        f"{_PUBLIC_MEETING} AND {_PUBLIC_PAGE}",
    ),
    "item": (
        "meetings_agendaitem i ON i.id = s.id JOIN meetings_meeting m ON m.id = i.meeting_id",
        f"{_PUBLIC_MEETING} AND {_PUBLIC_ITEM}",
    ),
    "resolution": (
        "meetings_resolution res ON res.id = s.id"
        " JOIN meetings_agendaitem i ON i.id = res.item_id"
        " JOIN meetings_meeting m ON m.id = i.meeting_id",
        f"{_PUBLIC_MEETING} AND {_PUBLIC_ITEM}",
    ),
}
_SPAN_TABLES = {
    "page": "documents_page",
    "item": "meetings_agendaitem",
    "resolution": "meetings_resolution",
}


Ranges = list[tuple[int, int]]  # inclusive id ranges, ascending

# Per kind: the table alias, the rows of the filtered meetings, and what holds a run of ids.
_FILTER_GROUPS = {
    "page": (
        "p",
        "documents_document d JOIN meetings_meeting m ON m.id = d.meeting_id"
        " JOIN documents_page p ON p.document_id = d.id AND d.superseded_by_id IS NULL"
        " AND d.is_published AND NOT d.is_exempt",
        "d.id",
    ),
    "item": ("i", "meetings_meeting m JOIN meetings_agendaitem i ON i.meeting_id = m.id", "m.id"),
    "resolution": (
        "res",
        "meetings_meeting m JOIN meetings_agendaitem i ON i.meeting_id = m.id"
        " JOIN meetings_resolution res ON res.item_id = i.id",
        "m.id",
    ),
}


@dataclass(frozen=True)
class Filters:
    committee_ids: tuple[int, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def __bool__(self) -> bool:
        return bool(self.committee_ids or self.date_from or self.date_to)

    def sql(self) -> tuple[list[str], list]:
        where, params = [], []
        if self.committee_ids:
            where.append(f"m.committee_id IN ({', '.join(['%s'] * len(self.committee_ids))})")
            params.extend(self.committee_ids)
        if self.date_from:
            where.append("m.date >= %s")
            params.append(self.date_from)
        if self.date_to:
            where.append("m.date <= %s")
            params.append(self.date_to)
        return where, params


@dataclass
class Ranked:
    """The best matches in the ranges, best first, and how many matched there."""

    rows: list[tuple[int, float]] = field(default_factory=list)
    total: int = 0


class Backend:
    weights = {"item": 1.0, "page": 1.0, "resolution": 1.0}

    def span(self, kind: str) -> tuple[int, int] | None:
        table = _SPAN_TABLES[kind]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT (SELECT min(id) FROM {table}), (SELECT max(id) FROM {table})")
            low, high = cursor.fetchone()
        return None if high is None else (low, high)

    def filter_ranges(self, kind: str, filters: Filters) -> Ranges:
        """The ids of ``kind`` in the filtered meetings, as ranges, adjacent ones merged.

        A paper's pages, a meeting's items and their resolutions are written together, so
        each is one range of ids: the committee and date filters become id ranges that both
        indexes narrow as cheaply as a window.
        """
        where, params = filters.sql()
        sql = (
            f"SELECT min({_FILTER_GROUPS[kind][0]}.id), max({_FILTER_GROUPS[kind][0]}.id)"
            f" FROM {_FILTER_GROUPS[kind][1]} WHERE m.is_published AND {' AND '.join(where)}"
            f" GROUP BY {_FILTER_GROUPS[kind][2]} ORDER BY 1"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            merged: list[list[int]] = []
            for low, high in cursor.fetchall():
                if merged and low <= merged[-1][1] + 1:
                    merged[-1][1] = max(merged[-1][1], high)
                else:
                    merged.append([low, high])
        return [(low, high) for low, high in merged]

    def rank(
        self,
        kind: str,
        query: Query,
        filters: Filters,
        ranges: Ranges | None,
        limit: int,
        *,
        use_index: bool = True,
    ) -> Ranked:
        """Rank public matches of ``kind`` whose ids are in ``ranges`` (None: everywhere)."""
        source, public = _SOURCES[kind]
        matches, params = self.matches(kind, query, ranges, use_index)
        where, filter_params = filters.sql()
        sql = (
            f"SELECT s.id, s.score, count(*) OVER () AS total FROM ({matches}) s"
            f" JOIN {source} WHERE {' AND '.join([public, *where])}"
            " ORDER BY s.score DESC, s.id DESC LIMIT %s"
        )
        rows = self.fetch(sql, [*params, *filter_params, limit])
        weight = self.weights[kind]
        return Ranked([(row[0], float(row[1]) * weight) for row in rows], rows[0][2] if rows else 0)

    def fetch(self, sql: str, params: list) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def matches(
        self, kind: str, query: Query, ranges: Ranges | None, use_index: bool
    ) -> tuple[str, list]:
        """SQL for ``(id, score)`` of every indexed row of ``kind`` in ``ranges`` matching.

        ``use_index`` False: the ranges are few rows, cheaper to test one by one than to read
        the word's whole posting list from the full-text index.
        """
        raise NotImplementedError


class PostgresBackend(Backend):
    weights = {"item": 1.0, "page": 1.0, "resolution": 1.0}
    _index = {
        "page": ("documents_page", "id"),
        "item": ("documents_search_item", "item_id"),
        "resolution": ("meetings_resolution", "id"),
    }

    # Testing a match or ranking costs far more than the planner thinks (the vectors are
    # TOASTed): a scan of a window's rows must go through an index, on one process.
    _PLANNER = [
        "SET LOCAL enable_seqscan = off",
        "SET LOCAL max_parallel_workers_per_gather = 0",
        "SET LOCAL jit = off",
    ]

    def fetch(self, sql, params):
        with transaction.atomic(), connection.cursor() as cursor:
            for setting in self._PLANNER:
                cursor.execute(setting)
            cursor.execute(sql, params)
            return cursor.fetchall()

    def matches(self, kind, query, ranges, use_index):
        table, key = self._index[kind]
        tsquery, params = to_tsquery(query)
        # ts_match_vq() is what @@ runs, but in function form no index is used for it.
        match = "search_vector @@ {}" if use_index else "ts_match_vq(search_vector, {})"
        sql = (
            f"SELECT {key} AS id, ts_rank_cd(search_vector, {tsquery}, 1) AS score FROM {table}"
            f" WHERE {match.format(tsquery)}"
        )
        params = params * 2
        if ranges is not None:
            sql += " AND (" + " OR ".join([f"{key} BETWEEN %s AND %s"] * len(ranges)) + ")"
            params.extend(bound for pair in ranges for bound in pair)
        return sql, params

    # ts_headline parses the whole text: a snippet comes from the first few thousand characters.
    _headline_text = {
        "page": ("documents_page", "left(text, 6000)"),
        "resolution": ("meetings_resolution", "left(text, 6000)"),
        "item": (
            "meetings_agendaitem i LEFT JOIN meetings_report r ON r.item_id = i.id",
            "left(coalesce(r.recommendation, '') || ' ' || i.narrative || ' ' || i.reasons, 6000)",
        ),
    }

    def snippets(self, kind: str, query: Query, ids: list[int]) -> dict[int, str]:
        if not ids:
            return {}
        table, text = self._headline_text[kind]
        key = "i.id" if kind == "item" else "id"
        options = (
            f"StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=15, "
            'MaxFragments=2, FragmentDelimiter=" … "'
        )
        tsquery, params = to_tsquery(query)
        sql = (
            f"SELECT {key}, ts_headline('english'::regconfig, {text}, {tsquery}, %s)"
            f" FROM {table} WHERE {key} IN ({', '.join(['%s'] * len(ids))})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, options, *ids])
            return dict(cursor.fetchall())


class SqliteBackend(Backend):
    weights = {"item": 1.0, "page": 0.5, "resolution": 0.8}
    _fts = {
        "page": ("documents_page_fts", ""),
        "item": ("documents_item_fts", ", 10.0, 4.0, 1.0"),
        "resolution": ("meetings_resolution_fts", ""),
    }

    def matches(self, kind, query, ranges, use_index):
        """One FTS5 query per id range (FTS5 seeks a rowid range, not an OR of them)."""
        table, column_weights = self._fts[kind]
        sql = f"SELECT rowid AS id, -bm25({table}{column_weights}) AS score FROM {table}"
        sql += f" WHERE {table} MATCH %s"
        if ranges is None:
            return sql, [to_fts5(query)]
        parts, params = [], []
        for low, high in ranges:
            parts.append(f"{sql} AND rowid BETWEEN %s AND %s")
            params.extend([to_fts5(query), low, high])
        return " UNION ALL ".join(parts), params

    def snippets(self, kind: str, query: Query, ids: list[int]) -> dict[int, str]:
        if not ids:
            return {}
        table, _ = self._fts[kind]
        column = 2 if kind == "item" else 0
        sql = (
            f"SELECT rowid, snippet({table}, {column}, %s, %s, ' … ', 32) FROM {table}"
            f" WHERE {table} MATCH %s AND rowid IN ({', '.join(['%s'] * len(ids))})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [START, STOP, to_fts5(query), *ids])
            found = dict(cursor.fetchall())
        if kind == "item":  # the matched words may be only in the title or recommendation
            missing = [i for i, text in found.items() if START not in text]
            if missing:
                found.update(self._item_fallback(query, missing))
        return found

    def _item_fallback(self, query: Query, ids: list[int]) -> dict[int, str]:
        sql = (
            "SELECT rowid, snippet(documents_item_fts, -1, %s, %s, ' … ', 32)"
            " FROM documents_item_fts WHERE documents_item_fts MATCH %s"
            f" AND rowid IN ({', '.join(['%s'] * len(ids))})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [START, STOP, to_fts5(query), *ids])
            return dict(cursor.fetchall())


def backend() -> Backend:
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
