"""Rank matches of one kind (page, item, resolution) on PostgreSQL or SQLite: ids and scores.

Each backend answers the same three questions with its own index: the id span of a kind,
the best ``limit`` matches within some id ranges, kept to the ids the caller gives (the public
rows, as documents.search.public compiles them from the disclosure querysets), with how many
there are, and snippets for a few ids. Nothing here decides what is public.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection, transaction

from documents.search.query import Query, to_fts5, to_tsquery

KINDS = ("item", "page", "resolution")
START, STOP = "\ue000", "\ue001"  # highlight markers: never HTML, escaped later

_SPAN_TABLES = {
    "page": "documents_page",
    "item": "meetings_agendaitem",
    "resolution": "meetings_resolution",
}

Ranges = list[tuple[int, int]]  # inclusive id ranges, ascending


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

    def rank(
        self,
        kind: str,
        query: Query,
        public: tuple[str, tuple],
        ranges: Ranges | None,
        limit: int,
        *,
        use_index: bool = True,
    ) -> Ranked:
        """Rank matches of ``kind`` whose ids are in ``ranges`` (None: everywhere) and among
        the ``public`` ids (SQL and parameters of a query selecting them)."""
        matches, params = self.matches(kind, query, ranges, use_index)
        public_sql, public_params = public
        sql = (
            f"SELECT s.id, s.score, count(*) OVER () AS total FROM ({matches}) s"
            f" WHERE s.id IN ({public_sql})"
            " ORDER BY s.score DESC, s.id DESC LIMIT %s"
        )
        rows = self.fetch(sql, [*params, *public_params, limit])
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
