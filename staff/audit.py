"""Recording staff actions in the audit log."""

from __future__ import annotations

from documents.tasks import schedule_export_rebuild
from staff.models import AuditEntry

Action = AuditEntry.Action


def record(user, action: str, subject, *, meeting=None, detail: str = "", warning: str = ""):
    """Add one entry: ``user`` did ``action`` to ``subject`` (any object; its text is kept).

    Every staff action but an upload may change what is public: the worker rebuilds the
    export after it (an upload changes nothing public until it is read, and the ingest asks
    for a rebuild when it stores a published paper).
    """
    if action != Action.UPLOADED:
        schedule_export_rebuild()
    return AuditEntry.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        username=getattr(user, "username", "") or "system",
        action=action,
        meeting=meeting,
        subject=str(subject)[:500],
        detail=detail,
        warning=warning,
    )
