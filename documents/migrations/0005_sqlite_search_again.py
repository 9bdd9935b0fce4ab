"""SQLite: the search tables and triggers of 0003 again, after 0004 and meetings 0002 rebuilt
the tables they watch. The statements are frozen here, as 0003 installed them.
"""

from django.db import migrations

SQLITE_SEARCH_INSTALL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_page_fts USING fts5(text, content='documents_page', content_rowid='id', tokenize='porter unicode61')",
    'CREATE TRIGGER IF NOT EXISTS documents_page_fts_ai AFTER INSERT ON documents_page BEGIN INSERT INTO documents_page_fts (rowid, text) VALUES (new.id, new.text); END',
    "CREATE TRIGGER IF NOT EXISTS documents_page_fts_ad AFTER DELETE ON documents_page BEGIN INSERT INTO documents_page_fts (documents_page_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS documents_page_fts_au AFTER UPDATE OF text ON documents_page BEGIN INSERT INTO documents_page_fts (documents_page_fts, rowid, text) VALUES ('delete', old.id, old.text); INSERT INTO documents_page_fts (rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO documents_page_fts (documents_page_fts) VALUES ('rebuild')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS meetings_resolution_fts USING fts5(text, content='meetings_resolution', content_rowid='id', tokenize='porter unicode61')",
    'CREATE TRIGGER IF NOT EXISTS meetings_resolution_fts_ai AFTER INSERT ON meetings_resolution BEGIN INSERT INTO meetings_resolution_fts (rowid, text) VALUES (new.id, new.text); END',
    "CREATE TRIGGER IF NOT EXISTS meetings_resolution_fts_ad AFTER DELETE ON meetings_resolution BEGIN INSERT INTO meetings_resolution_fts (meetings_resolution_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS meetings_resolution_fts_au AFTER UPDATE OF text ON meetings_resolution BEGIN INSERT INTO meetings_resolution_fts (meetings_resolution_fts, rowid, text) VALUES ('delete', old.id, old.text); INSERT INTO meetings_resolution_fts (rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO meetings_resolution_fts (meetings_resolution_fts) VALUES ('rebuild')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_item_fts USING fts5(title, recommendation, body, tokenize='porter unicode61')",
    "CREATE TRIGGER IF NOT EXISTS documents_item_fts_ai AFTER INSERT ON meetings_agendaitem BEGIN DELETE FROM documents_item_fts WHERE rowid = new.id; INSERT INTO documents_item_fts (rowid, title, recommendation, body) SELECT i.id, i.title || ' ' || coalesce(r.title, ''), coalesce(r.recommendation, ''), i.narrative || ' ' || i.reasons || ' ' || coalesce(r.reason_for_recommendation, '') || ' ' || coalesce(r.report_author, '') FROM meetings_agendaitem i LEFT JOIN meetings_report r ON r.item_id = i.id WHERE i.id = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS documents_item_fts_au AFTER UPDATE OF title, narrative, reasons ON meetings_agendaitem BEGIN DELETE FROM documents_item_fts WHERE rowid = new.id; INSERT INTO documents_item_fts (rowid, title, recommendation, body) SELECT i.id, i.title || ' ' || coalesce(r.title, ''), coalesce(r.recommendation, ''), i.narrative || ' ' || i.reasons || ' ' || coalesce(r.reason_for_recommendation, '') || ' ' || coalesce(r.report_author, '') FROM meetings_agendaitem i LEFT JOIN meetings_report r ON r.item_id = i.id WHERE i.id = new.id; END",
    'CREATE TRIGGER IF NOT EXISTS documents_item_fts_ad AFTER DELETE ON meetings_agendaitem BEGIN DELETE FROM documents_item_fts WHERE rowid = old.id; END',
    "CREATE TRIGGER IF NOT EXISTS documents_item_fts_report_ai AFTER INSERT ON meetings_report BEGIN DELETE FROM documents_item_fts WHERE rowid = new.item_id; INSERT INTO documents_item_fts (rowid, title, recommendation, body) SELECT i.id, i.title || ' ' || coalesce(r.title, ''), coalesce(r.recommendation, ''), i.narrative || ' ' || i.reasons || ' ' || coalesce(r.reason_for_recommendation, '') || ' ' || coalesce(r.report_author, '') FROM meetings_agendaitem i LEFT JOIN meetings_report r ON r.item_id = i.id WHERE i.id = new.item_id; END",
    "CREATE TRIGGER IF NOT EXISTS documents_item_fts_report_au AFTER UPDATE ON meetings_report BEGIN DELETE FROM documents_item_fts WHERE rowid = old.item_id; INSERT INTO documents_item_fts (rowid, title, recommendation, body) SELECT i.id, i.title || ' ' || coalesce(r.title, ''), coalesce(r.recommendation, ''), i.narrative || ' ' || i.reasons || ' ' || coalesce(r.reason_for_recommendation, '') || ' ' || coalesce(r.report_author, '') FROM meetings_agendaitem i LEFT JOIN meetings_report r ON r.item_id = i.id WHERE i.id = old.item_id; DELETE FROM documents_item_fts WHERE rowid = new.item_id; INSERT INTO documents_item_fts (rowid, title, recommendation, body) SELECT i.id, i.title || ' ' || coalesce(r.title, ''), coalesce(r.recommendation, ''), i.narrative || ' ' || i.reasons || ' ' || coalesce(r.reason_for_recommendation, '') || ' ' || coalesce(r.report_author, '') FROM meetings_agendaitem i LEFT JOIN meetings_report r ON r.item_id = i.id WHERE i.id = new.item_id; END",
    "CREATE TRIGGER IF NOT EXISTS documents_item_fts_report_ad AFTER DELETE ON meetings_report BEGIN DELETE FROM documents_item_fts WHERE rowid = old.item_id; INSERT INTO documents_item_fts (rowid, title, recommendation, body) SELECT i.id, i.title || ' ' || coalesce(r.title, ''), coalesce(r.recommendation, ''), i.narrative || ' ' || i.reasons || ' ' || coalesce(r.reason_for_recommendation, '') || ' ' || coalesce(r.report_author, '') FROM meetings_agendaitem i LEFT JOIN meetings_report r ON r.item_id = i.id WHERE i.id = old.item_id; END",
    'DELETE FROM documents_item_fts',
    "INSERT INTO documents_item_fts (rowid, title, recommendation, body) SELECT i.id, i.title || ' ' || coalesce(r.title, ''), coalesce(r.recommendation, ''), i.narrative || ' ' || i.reasons || ' ' || coalesce(r.reason_for_recommendation, '') || ' ' || coalesce(r.report_author, '') FROM meetings_agendaitem i LEFT JOIN meetings_report r ON r.item_id = i.id",
]


def install_sqlite_search(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_SEARCH_INSTALL:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0004_provenance"),
        ("meetings", "0002_provenance"),
    ]

    operations = [migrations.RunPython(install_sqlite_search, migrations.RunPython.noop)]
