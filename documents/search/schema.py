"""The database's own search structures, kept in step by the database itself.

PostgreSQL: stored, weighted ``tsvector`` columns with GIN indexes: a generated column on
pages (body, weight C) and resolutions (weight B), and ``documents_search_item``, one row per
agenda item (title A, recommendation B, minute text and reasons C), refreshed by triggers on
items and their reports.

SQLite: FTS5 tables (``porter unicode61``): external-content tables over pages and resolutions
and one table for agenda items, all kept in step by triggers, so they change inside the same
transaction as the rows (an ingest, a staff correction, a delete).

Nothing here holds whether a row is public: that is decided at query time from the current
state of items, papers and meetings.
"""

from __future__ import annotations

from django.db import DatabaseError, transaction

ITEM_TITLE = "i.title || ' ' || coalesce(r.title, '')"
ITEM_RECOMMENDATION = "coalesce(r.recommendation, '')"
ITEM_BODY = (
    "i.narrative || ' ' || i.reasons || ' ' || coalesce(r.reason_for_recommendation, '')"
    " || ' ' || coalesce(r.report_author, '')"
)
ITEM_SOURCE = "meetings_agendaitem i LEFT JOIN meetings_report r ON r.item_id = i.id"

POSTGRES_INSTALL = [
    """ALTER TABLE documents_page ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
       (setweight(to_tsvector('english'::regconfig, coalesce(text, '')), 'C')) STORED""",
    "CREATE INDEX documents_page_search_gin ON documents_page USING gin (search_vector)",
    """ALTER TABLE meetings_resolution ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
       (setweight(to_tsvector('english'::regconfig, coalesce(text, '')), 'B')) STORED""",
    "CREATE INDEX documents_resolution_search_gin ON meetings_resolution USING gin (search_vector)",
    """CREATE TABLE documents_search_item (
         item_id bigint PRIMARY KEY, search_vector tsvector NOT NULL)""",
    "CREATE INDEX documents_search_item_gin ON documents_search_item USING gin (search_vector)",
    f"""CREATE FUNCTION documents_search_refresh_item(p_item bigint) RETURNS void
        LANGUAGE sql AS $$
          DELETE FROM documents_search_item WHERE item_id = p_item;
          INSERT INTO documents_search_item (item_id, search_vector)
          SELECT i.id,
                 setweight(to_tsvector('english'::regconfig, {ITEM_TITLE}), 'A')
              || setweight(to_tsvector('english'::regconfig, {ITEM_RECOMMENDATION}), 'B')
              || setweight(to_tsvector('english'::regconfig, {ITEM_BODY}), 'C')
          FROM {ITEM_SOURCE} WHERE i.id = p_item;
        $$""",
    """CREATE FUNCTION documents_search_item_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_TABLE_NAME = 'meetings_agendaitem' THEN
            IF TG_OP = 'DELETE' THEN
              DELETE FROM documents_search_item WHERE item_id = OLD.id;
            ELSE
              PERFORM documents_search_refresh_item(NEW.id);
            END IF;
          ELSE
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
              PERFORM documents_search_refresh_item(OLD.item_id);
            END IF;
            IF TG_OP IN ('UPDATE', 'INSERT') THEN
              PERFORM documents_search_refresh_item(NEW.item_id);
            END IF;
          END IF;
          RETURN NULL;
        END $$""",
    """CREATE TRIGGER documents_search_item AFTER INSERT OR DELETE
       OR UPDATE OF title, narrative, reasons ON meetings_agendaitem
       FOR EACH ROW EXECUTE FUNCTION documents_search_item_changed()""",
    """CREATE TRIGGER documents_search_item AFTER INSERT OR UPDATE OR DELETE ON meetings_report
       FOR EACH ROW EXECUTE FUNCTION documents_search_item_changed()""",
    """CREATE FUNCTION documents_search_item_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN TRUNCATE documents_search_item; RETURN NULL; END $$""",
    """CREATE TRIGGER documents_search_item_truncated AFTER TRUNCATE ON meetings_agendaitem
       FOR EACH STATEMENT EXECUTE FUNCTION documents_search_item_truncated()""",
    "SELECT documents_search_refresh_item(id) FROM meetings_agendaitem",
]

POSTGRES_UNINSTALL = [
    "DROP TRIGGER IF EXISTS documents_search_item ON meetings_report",
    "DROP TRIGGER IF EXISTS documents_search_item ON meetings_agendaitem",
    "DROP TRIGGER IF EXISTS documents_search_item_truncated ON meetings_agendaitem",
    "DROP FUNCTION IF EXISTS documents_search_item_changed()",
    "DROP FUNCTION IF EXISTS documents_search_item_truncated()",
    "DROP FUNCTION IF EXISTS documents_search_refresh_item(bigint)",
    "DROP TABLE IF EXISTS documents_search_item",
    "ALTER TABLE meetings_resolution DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE documents_page DROP COLUMN IF EXISTS search_vector",
]


def _external_content(table: str, column: str) -> list[str]:
    """An FTS5 index of ``table.column`` and the triggers that keep it in step."""
    fts = f"{table}_fts"
    remove = f"INSERT INTO {fts} ({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column});"
    add = f"INSERT INTO {fts} (rowid, {column}) VALUES (new.id, new.{column});"
    return [
        f"""CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({column}, content='{table}',
            content_rowid='id', tokenize='porter unicode61')""",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {table} BEGIN {add} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {table} BEGIN {remove} END",
        f"""CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF {column} ON {table}
            BEGIN {remove} {add} END""",
        f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')",
    ]


def _refresh_item(ref: str) -> str:
    return f"""DELETE FROM documents_item_fts WHERE rowid = {ref};
        INSERT INTO documents_item_fts (rowid, title, recommendation, body)
        SELECT i.id, {ITEM_TITLE}, {ITEM_RECOMMENDATION}, {ITEM_BODY}
        FROM {ITEM_SOURCE} WHERE i.id = {ref};"""


SQLITE_INSTALL = [
    *_external_content("documents_page", "text"),
    *_external_content("meetings_resolution", "text"),
    """CREATE VIRTUAL TABLE IF NOT EXISTS documents_item_fts
       USING fts5(title, recommendation, body, tokenize='porter unicode61')""",
    f"""CREATE TRIGGER IF NOT EXISTS documents_item_fts_ai AFTER INSERT ON meetings_agendaitem
        BEGIN {_refresh_item("new.id")} END""",
    f"""CREATE TRIGGER IF NOT EXISTS documents_item_fts_au
        AFTER UPDATE OF title, narrative, reasons ON meetings_agendaitem
        BEGIN {_refresh_item("new.id")} END""",
    """CREATE TRIGGER IF NOT EXISTS documents_item_fts_ad AFTER DELETE ON meetings_agendaitem
       BEGIN DELETE FROM documents_item_fts WHERE rowid = old.id; END""",
    f"""CREATE TRIGGER IF NOT EXISTS documents_item_fts_report_ai AFTER INSERT ON meetings_report
        BEGIN {_refresh_item("new.item_id")} END""",
    f"""CREATE TRIGGER IF NOT EXISTS documents_item_fts_report_au AFTER UPDATE ON meetings_report
        BEGIN {_refresh_item("old.item_id")} {_refresh_item("new.item_id")} END""",
    f"""CREATE TRIGGER IF NOT EXISTS documents_item_fts_report_ad AFTER DELETE ON meetings_report
        BEGIN {_refresh_item("old.item_id")} END""",
    "DELETE FROM documents_item_fts",
    f"""INSERT INTO documents_item_fts (rowid, title, recommendation, body)
        SELECT i.id, {ITEM_TITLE}, {ITEM_RECOMMENDATION}, {ITEM_BODY} FROM {ITEM_SOURCE}""",
]

SQLITE_TRIGGERS = [
    f"{table}_fts_{suffix}"
    for table in ("documents_page", "meetings_resolution")
    for suffix in ("ai", "ad", "au")
] + [
    f"documents_item_fts_{suffix}"
    for suffix in ("ai", "au", "ad", "report_ai", "report_au", "report_ad")
]

SQLITE_UNINSTALL = [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS] + [
    f"DROP TABLE IF EXISTS {fts}"
    for fts in ("documents_page_fts", "meetings_resolution_fts", "documents_item_fts")
]


def _run(connection, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install(connection) -> None:
    if connection.vendor == "postgresql":
        _run(connection, POSTGRES_INSTALL)
    elif connection.vendor == "sqlite":
        _run(connection, SQLITE_INSTALL)


def add_trigrams(connection) -> None:
    """pg_trgm, for near matches when nothing is found; optional (it needs the privilege)."""
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError:
        pass  # near matches are then left out; search itself does not need them


def uninstall(connection) -> None:
    if connection.vendor == "postgresql":
        _run(connection, POSTGRES_UNINSTALL)
    elif connection.vendor == "sqlite":
        _run(connection, SQLITE_UNINSTALL)
