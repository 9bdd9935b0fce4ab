"""Search structures: PostgreSQL tsvector columns and GIN indexes, SQLite FTS5 tables.

Both are kept in step by the database (generated columns and triggers). The statements are
frozen here as this migration first installed them: a migration never imports live code, so
editing the project cannot change what a fresh migrate builds. Nothing here holds whether a
row is public: that is decided at query time by meetings.disclosure.

PostgreSQL: stored, weighted ``tsvector`` columns with GIN indexes: a generated column on
pages (body, weight C) and resolutions (weight B), and ``documents_search_item``, one row per
agenda item (title A, recommendation B, minute text and reasons C), refreshed by triggers on
items and their reports; pg_trgm when the database allows it, for near matches.

SQLite: FTS5 tables (``porter unicode61``): external-content tables over pages and resolutions
and one table for agenda items, all kept in step by triggers.
"""

from django.db import DatabaseError, migrations, transaction

# ruff: noqa: E501

POSTGRES_INSTALL = [
    "ALTER TABLE documents_page ADD COLUMN search_vector tsvector GENERATED ALWAYS AS\n       (setweight(to_tsvector('english'::regconfig, coalesce(text, '')), 'C')) STORED",
    "CREATE INDEX documents_page_search_gin ON documents_page USING gin (search_vector)",
    "ALTER TABLE meetings_resolution ADD COLUMN search_vector tsvector GENERATED ALWAYS AS\n       (setweight(to_tsvector('english'::regconfig, coalesce(text, '')), 'B')) STORED",
    "CREATE INDEX documents_resolution_search_gin ON meetings_resolution USING gin (search_vector)",
    "CREATE TABLE documents_search_item (\n         item_id bigint PRIMARY KEY, search_vector tsvector NOT NULL)",
    "CREATE INDEX documents_search_item_gin ON documents_search_item USING gin (search_vector)",
    "CREATE FUNCTION documents_search_refresh_item(p_item bigint) RETURNS void\n        LANGUAGE sql AS $$\n          DELETE FROM documents_search_item WHERE item_id = p_item;\n          INSERT INTO documents_search_item (item_id, search_vector)\n          SELECT i.id,\n                 setweight(to_tsvector('english'::regconfig, i.title || ' ' || coalesce(r.title, '')), 'A')\n              || setweight(to_tsvector('english'::regconfig, coalesce(r.recommendation, '')), 'B')\n              || setweight(to_tsvector('english'::regconfig, i.narrative || ' ' || i.reasons || ' ' || coalesce(r.reason_for_recommendation, '') || ' ' || coalesce(r.report_author, '')), 'C')\n          FROM meetings_agendaitem i LEFT JOIN meetings_report r ON r.item_id = i.id WHERE i.id = p_item;\n        $$",
    "CREATE FUNCTION documents_search_item_changed() RETURNS trigger LANGUAGE plpgsql AS $$\n        BEGIN\n          IF TG_TABLE_NAME = 'meetings_agendaitem' THEN\n            IF TG_OP = 'DELETE' THEN\n              DELETE FROM documents_search_item WHERE item_id = OLD.id;\n            ELSE\n              PERFORM documents_search_refresh_item(NEW.id);\n            END IF;\n          ELSE\n            IF TG_OP IN ('UPDATE', 'DELETE') THEN\n              PERFORM documents_search_refresh_item(OLD.item_id);\n            END IF;\n            IF TG_OP IN ('UPDATE', 'INSERT') THEN\n              PERFORM documents_search_refresh_item(NEW.item_id);\n            END IF;\n          END IF;\n          RETURN NULL;\n        END $$",
    "CREATE TRIGGER documents_search_item AFTER INSERT OR DELETE\n       OR UPDATE OF title, narrative, reasons ON meetings_agendaitem\n       FOR EACH ROW EXECUTE FUNCTION documents_search_item_changed()",
    "CREATE TRIGGER documents_search_item AFTER INSERT OR UPDATE OR DELETE ON meetings_report\n       FOR EACH ROW EXECUTE FUNCTION documents_search_item_changed()",
    "CREATE FUNCTION documents_search_item_truncated() RETURNS trigger LANGUAGE plpgsql AS $$\n        BEGIN TRUNCATE documents_search_item; RETURN NULL; END $$",
    "CREATE TRIGGER documents_search_item_truncated AFTER TRUNCATE ON meetings_agendaitem\n       FOR EACH STATEMENT EXECUTE FUNCTION documents_search_item_truncated()",
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

SQLITE_INSTALL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_page_fts USING fts5(text, content='documents_page',\n            content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER IF NOT EXISTS documents_page_fts_ai AFTER INSERT ON documents_page BEGIN INSERT INTO documents_page_fts (rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS documents_page_fts_ad AFTER DELETE ON documents_page BEGIN INSERT INTO documents_page_fts (documents_page_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS documents_page_fts_au AFTER UPDATE OF text ON documents_page\n            BEGIN INSERT INTO documents_page_fts (documents_page_fts, rowid, text) VALUES ('delete', old.id, old.text); INSERT INTO documents_page_fts (rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO documents_page_fts (documents_page_fts) VALUES ('rebuild')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS meetings_resolution_fts USING fts5(text, content='meetings_resolution',\n            content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER IF NOT EXISTS meetings_resolution_fts_ai AFTER INSERT ON meetings_resolution BEGIN INSERT INTO meetings_resolution_fts (rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS meetings_resolution_fts_ad AFTER DELETE ON meetings_resolution BEGIN INSERT INTO meetings_resolution_fts (meetings_resolution_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS meetings_resolution_fts_au AFTER UPDATE OF text ON meetings_resolution\n            BEGIN INSERT INTO meetings_resolution_fts (meetings_resolution_fts, rowid, text) VALUES ('delete', old.id, old.text); INSERT INTO meetings_resolution_fts (rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO meetings_resolution_fts (meetings_resolution_fts) VALUES ('rebuild')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_item_fts\n       USING fts5(title, recommendation, body, tokenize='porter unicode61')",
    "CREATE TRIGGER IF NOT EXISTS documents_item_fts_ai AFTER INSERT ON meetings_agendaitem\n        BEGIN DELETE FROM documents_item_fts WHERE rowid = new.id;\n        INSERT INTO documents_item_fts (rowid, title, recommendation, body)\n        SELECT i.id, i.title || ' ' || coalesce(r.title, ''), coalesce(r.recommendation, ''), i.narrative || ' ' || i.reasons || ' ' || coalesce(r.reason_for_recommendation, '') || ' ' || coalesce(r.report_author, '')\n        FROM meetings_agendaitem i LEFT JOIN meetings_report r ON r.item_id = i.id WHERE i.id = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS documents_item_fts_au\n        AFTER UPDATE OF title, narrative, reasons ON meetings_agendaitem\n        BEGIN DELETE FROM documents_item_fts WHERE rowid = new.id;\n        INSERT INTO documents_item_fts (rowid, title, recommendation, body)\n        SELECT i.id, i.title || ' ' || coalesce(r.title, ''), coalesce(r.recommendation, ''), i.narrative || ' ' || i.reasons || ' ' || coalesce(r.reason_for_recommendation, '') || ' ' || coalesce(r.report_author, '')\n        FROM meetings_agendaitem i LEFT JOIN meetings_report r ON r.item_id = i.id WHERE i.id = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS documents_item_fts_ad AFTER DELETE ON meetings_agendaitem\n       BEGIN DELETE FROM documents_item_fts WHERE rowid = old.id; END",
    "CREATE TRIGGER IF NOT EXISTS documents_item_fts_report_ai AFTER INSERT ON meetings_report\n        BEGIN DELETE FROM documents_item_fts WHERE rowid = new.item_id;\n        INSERT INTO documents_item_fts (rowid, title, recommendation, body)\n        SELECT i.id, i.title || ' ' || coalesce(r.title, ''), coalesce(r.recommendation, ''), i.narrative || ' ' || i.reasons || ' ' || coalesce(r.reason_for_recommendation, '') || ' ' || coalesce(r.report_author, '')\n        FROM meetings_agendaitem i LEFT JOIN meetings_report r ON r.item_id = i.id WHERE i.id = new.item_id; END",
    "CREATE TRIGGER IF NOT EXISTS documents_item_fts_report_au AFTER UPDATE ON meetings_report\n        BEGIN DELETE FROM documents_item_fts WHERE rowid = old.item_id;\n        INSERT INTO documents_item_fts (rowid, title, recommendation, body)\n        SELECT i.id, i.title || ' ' || coalesce(r.title, ''), coalesce(r.recommendation, ''), i.narrative || ' ' || i.reasons || ' ' || coalesce(r.reason_for_recommendation, '') || ' ' || coalesce(r.report_author, '')\n        FROM meetings_agendaitem i LEFT JOIN meetings_report r ON r.item_id = i.id WHERE i.id = old.item_id; DELETE FROM documents_item_fts WHERE rowid = new.item_id;\n        INSERT INTO documents_item_fts (rowid, title, recommendation, body)\n        SELECT i.id, i.title || ' ' || coalesce(r.title, ''), coalesce(r.recommendation, ''), i.narrative || ' ' || i.reasons || ' ' || coalesce(r.reason_for_recommendation, '') || ' ' || coalesce(r.report_author, '')\n        FROM meetings_agendaitem i LEFT JOIN meetings_report r ON r.item_id = i.id WHERE i.id = new.item_id; END",
    "CREATE TRIGGER IF NOT EXISTS documents_item_fts_report_ad AFTER DELETE ON meetings_report\n        BEGIN DELETE FROM documents_item_fts WHERE rowid = old.item_id;\n        INSERT INTO documents_item_fts (rowid, title, recommendation, body)\n        SELECT i.id, i.title || ' ' || coalesce(r.title, ''), coalesce(r.recommendation, ''), i.narrative || ' ' || i.reasons || ' ' || coalesce(r.reason_for_recommendation, '') || ' ' || coalesce(r.report_author, '')\n        FROM meetings_agendaitem i LEFT JOIN meetings_report r ON r.item_id = i.id WHERE i.id = old.item_id; END",
    "DELETE FROM documents_item_fts",
    "INSERT INTO documents_item_fts (rowid, title, recommendation, body)\n        SELECT i.id, i.title || ' ' || coalesce(r.title, ''), coalesce(r.recommendation, ''), i.narrative || ' ' || i.reasons || ' ' || coalesce(r.reason_for_recommendation, '') || ' ' || coalesce(r.report_author, '') FROM meetings_agendaitem i LEFT JOIN meetings_report r ON r.item_id = i.id",
]

SQLITE_UNINSTALL = [
    "DROP TRIGGER IF EXISTS documents_page_fts_ai",
    "DROP TRIGGER IF EXISTS documents_page_fts_ad",
    "DROP TRIGGER IF EXISTS documents_page_fts_au",
    "DROP TRIGGER IF EXISTS meetings_resolution_fts_ai",
    "DROP TRIGGER IF EXISTS meetings_resolution_fts_ad",
    "DROP TRIGGER IF EXISTS meetings_resolution_fts_au",
    "DROP TRIGGER IF EXISTS documents_item_fts_ai",
    "DROP TRIGGER IF EXISTS documents_item_fts_au",
    "DROP TRIGGER IF EXISTS documents_item_fts_ad",
    "DROP TRIGGER IF EXISTS documents_item_fts_report_ai",
    "DROP TRIGGER IF EXISTS documents_item_fts_report_au",
    "DROP TRIGGER IF EXISTS documents_item_fts_report_ad",
    "DROP TABLE IF EXISTS documents_page_fts",
    "DROP TABLE IF EXISTS meetings_resolution_fts",
    "DROP TABLE IF EXISTS documents_item_fts",
]


def _run(schema_editor, statements) -> None:
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        _run(schema_editor, POSTGRES_INSTALL)
        try:  # optional: it needs the privilege; near matches are then left out
            with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DatabaseError:
            pass
    elif connection.vendor == "sqlite":
        _run(schema_editor, SQLITE_INSTALL)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        _run(schema_editor, POSTGRES_UNINSTALL)
    elif schema_editor.connection.vendor == "sqlite":
        _run(schema_editor, SQLITE_UNINSTALL)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_page_range_holds_paper"),
        ("meetings", "0001_initial"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
