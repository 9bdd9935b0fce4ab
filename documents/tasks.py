"""Background tasks of the papers app, run by the task worker (`manage.py db_worker`)."""

from __future__ import annotations

from django.db import transaction
from django.tasks import task


@task()
def rebuild_export() -> str:
    """Write the open-data export of everything public now (unless it is already current)."""
    from documents.export_file import current_export, regenerate_export

    return current_export() or regenerate_export()


def schedule_export_rebuild() -> None:
    """After the current transaction commits, ask the worker for a fresh export."""
    transaction.on_commit(rebuild_export.enqueue)
