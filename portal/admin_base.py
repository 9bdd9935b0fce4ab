"""The base of the portal's admin pages: every change audited, nothing public changed by it.

``AuditedAdmin``: whatever the admin records in its own history (an addition, a change with
the fields and inline rows it touched, a deletion) is also written as an ``AuditEntry`` under
the meeting it belongs to, marked "In the admin", so the audit page a clerk reads shows every
correction whichever way it was made.

Both it and ``GuardedInline`` show a record's provenance (the paper it was read from, which
decides whether the public may see it) read-only: pointing a draft's record at another
paper, or at none, would publish it without the staff pages' publishing step.
"""

from __future__ import annotations

from django.contrib import admin

from portal.staff import audit

PROVENANCE_FIELDS = ("source", "minutes_source")


def provenance_of(model) -> list[str]:
    """The fields of ``model`` that name the paper a record was read from."""
    names = {field.name for field in model._meta.get_fields()}
    return [name for name in PROVENANCE_FIELDS if name in names]


class GuardedInline:
    """For inlines: the records' provenance is shown, never edited."""

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *provenance_of(self.model)]


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


class AuditedAdmin(GuardedInline, admin.ModelAdmin):
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
