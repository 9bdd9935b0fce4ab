"""Search structures: PostgreSQL tsvector columns and GIN indexes, SQLite FTS5 tables.

Both are kept in step by the database (generated columns and triggers); see
documents/search/schema.py.
"""

from django.db import migrations


def install(apps, schema_editor):
    from documents.search import schema

    schema.install(schema_editor.connection)
    schema.add_trigrams(schema_editor.connection)


def uninstall(apps, schema_editor):
    from documents.search import schema

    schema.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_page_range_holds_paper"),
        ("meetings", "0001_initial"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
