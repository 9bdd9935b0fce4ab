"""Recording staff actions in the audit log."""

from __future__ import annotations

from staff.models import AuditEntry

Action = AuditEntry.Action


def record(user, action: str, subject, *, meeting=None, detail: str = "", warning: str = ""):
    """Add one entry: ``user`` did ``action`` to ``subject`` (any object; its text is kept)."""
    return AuditEntry.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        username=getattr(user, "username", "") or "system",
        action=action,
        meeting=meeting,
        subject=str(subject)[:500],
        detail=detail,
        warning=warning,
    )
