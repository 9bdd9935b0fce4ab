"""Every change made in the Django admin goes into the staff audit log, as staff pages' do.

``AuditedAdmin`` is the base of the portal's admin pages: whatever the admin records in its
own history (an addition, a change with the fields and inline rows it touched, a deletion)
is also written as an ``AuditEntry`` under the meeting it belongs to, marked "In the admin",
so the audit page a clerk reads shows every correction whichever way it was made.
"""

from __future__ import annotations

from django.contrib import admin

from portal.staff import audit


def meeting_of(obj):
    """The meeting an object belongs to (itself, its item's, its paper's), or None."""
    from meetings.models import Meeting

    if isinstance(obj, Meeting):
        return obj
    for path in ("meeting", "item.meeting", "document.meeting"):
        value = obj
        for name in path.split("."):
            value = getattr(value, name, None)
        if isinstance(value, Meeting):
            return value
    return None


def _label(obj) -> str:
    return f"{obj._meta.verbose_name} “{obj}”"


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose additions, changes and deletions are written to the audit log."""

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        audit.record(
            request.user,
            audit.Action.CORRECTED,
            obj,
            meeting=meeting_of(obj),
            detail=f"In the admin: added {_label(obj)}.",
        )
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if message:  # the admin logs a save that changed nothing, too
            audit.record(
                request.user,
                audit.Action.CORRECTED,
                obj,
                meeting=meeting_of(obj),
                detail=f"In the admin: {entry.get_change_message()}",
            )
        return entry

    def log_deletions(self, request, queryset):
        entries = super().log_deletions(request, queryset)
        for obj in queryset:
            audit.record(
                request.user,
                audit.Action.CORRECTED,
                obj,
                meeting=meeting_of(obj),
                detail=f"In the admin: deleted {_label(obj)}.",
            )
        return entries
