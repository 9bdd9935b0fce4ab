"""The content version, read by every anonymous page and moved by every write.

Every table of the portal's own apps carries a trigger (installed after every ``migrate``, so
the tables of apps added later are covered without a line here) that moves the version in the
same statement, and so the same transaction, as the write. Being in the database, it sees
``QuerySet.update()``, ``bulk_create()``, ``bulk_update()``, fast deletes, raw SQL and writes
from any other process exactly as it sees ``save()``.

- SQLite: a row trigger after each INSERT, UPDATE and DELETE sets the version to the time in
  microseconds (or one more than it was, whichever is greater; SQLite lets one writer in at a
  time anyway).
- PostgreSQL: a statement trigger (also on TRUNCATE) records a pending change; a constraint
  trigger deferred to the commit turns it into the new version, so concurrent writers do not
  queue on the version's row while they work (see the migration).

Quiet tables, whose writes never change a public page, have no trigger: the tables of
Django's and other libraries' apps (sessions, users, sign-in attempts, the task queue, the
admin's log), the models named in ``settings.PUBLIC_CACHE_QUIET_MODELS`` and this app's own.
"""

from __future__ import annotations

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connections, transaction

VERSION_TABLE = "pagecache_contentversion"
PENDING_TABLE = "pagecache_pendingchange"
TRIGGER = "pagecache_changed"
NOW_MICROSECONDS = "CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER)"
SQLITE_BUMP = (
    f"INSERT OR IGNORE INTO {VERSION_TABLE} (id, version) VALUES (1, 0); "
    f"UPDATE {VERSION_TABLE} SET version = MAX(version + 1, {NOW_MICROSECONDS}) WHERE id = 1;"
)


def _is_project_app(app_config) -> bool:
    path = Path(app_config.path).resolve()
    base = Path(settings.BASE_DIR).resolve()
    return path.is_relative_to(base) and not {".venv", "site-packages"} & set(path.parts)


def public_tables() -> list[str]:
    """The tables whose writes move the version: every model's of the portal's own apps."""
    quiet = {label.lower() for label in getattr(settings, "PUBLIC_CACHE_QUIET_MODELS", ())}
    tables = set()
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.app_label == "pagecache" or not meta.managed or meta.proxy:
            continue
        if _is_project_app(meta.app_config) and meta.label_lower not in quiet:
            tables.add(meta.db_table)
    return sorted(tables)


def install_triggers(using: str = "default") -> list[str]:
    """Put the version's trigger on every public table there is; returns their names."""
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    tables = [table for table in public_tables() if table in existing]
    quote = connection.ops.quote_name
    with transaction.atomic(using=using), connection.cursor() as cursor:
        for table in tables:
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"CREATE OR REPLACE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE "
                    f"OR TRUNCATE ON {quote(table)} FOR EACH STATEMENT "
                    "EXECUTE FUNCTION pagecache_mark()"
                )
            else:
                for event in ("INSERT", "UPDATE", "DELETE"):
                    name = quote(f"{TRIGGER}_{table}_{event.lower()}")
                    cursor.execute(
                        f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON {quote(table)} "
                        f"BEGIN {SQLITE_BUMP} END"
                    )
    return tables


def bump(using: str = "default") -> None:
    """A new content version, in the current transaction (it becomes visible with it)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"INSERT INTO {PENDING_TABLE} DEFAULT VALUES")
        else:
            for statement in SQLITE_BUMP.split(";")[:2]:
                cursor.execute(statement)


def current(using: str = "default") -> int | None:
    """The content version this connection sees now; None if it cannot be read.

    Read through the driver's own cursor: one small query on every anonymous request, kept
    out of Django's query log and counts."""
    connection = connections[using]
    query = f"SELECT version FROM {VERSION_TABLE} WHERE id = 1"
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        # Inside a transaction its own pending changes count (they become a version at commit).
        query = f"SELECT COALESCE(({query}), 0) + (SELECT count(*) FROM {PENDING_TABLE})"
    try:
        connection.ensure_connection()
        cursor = connection.connection.cursor()
        try:
            cursor.execute(query)
            row = cursor.fetchone()
        finally:
            cursor.close()
    except connection.Database.Error:
        return None
    return row[0] if row else 0


def after_migrate(sender, using="default", **kwargs) -> None:
    """Triggers on tables made by this migrate; and a new version, so pages rendered by the
    code before a deploy are not served after it."""
    install_triggers(using)
    with transaction.atomic(using=using):
        bump(using)
