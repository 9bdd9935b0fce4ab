"""The base of the portal's admin pages: every change audited, nothing public changed by it.

``AuditedAdmin``: a correction made in the admin follows the rules of a correction made on
the staff pages (``staff.corrections``: what a re-read keeps, how exempt is logged), and
whatever the admin records in its own history (an addition, a change with the fields and
inline rows it touched, a deletion) is also written as an ``AuditEntry`` under the meeting it
belongs to, marked "In the admin", so the audit page a clerk reads shows every correction
whichever way it was made.

Both it and ``GuardedInline`` show a record's provenance (the paper it was read from, which
decides whether the public may see it) read-only: pointing a draft's record at another
paper, or at none, would publish it without the staff pages' publishing step.
"""

from __future__ import annotations

from django.contrib import admin

from staff import corrections

PROVENANCE_FIELDS = ("source", "minutes_source")


def provenance_of(model) -> list[str]:
    """The fields of ``model`` that name the paper a record was read from."""
    names = {field.name for field in model._meta.get_fields()}
    return [name for name in PROVENANCE_FIELDS if name in names]


class GuardedInline:
    """For inlines: the records' provenance is shown, never edited."""

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *provenance_of(self.model)]


class AuditedAdmin(GuardedInline, admin.ModelAdmin):
    """A ModelAdmin whose corrections follow the staff rules and are written to the audit log."""

    def save_model(self, request, obj, form, change):
        exempt_before = corrections.admin_saving(obj, form.changed_data)
        super().save_model(request, obj, form, change)
        corrections.admin_saved(obj, exempt_before, request.user)

    def save_formset(self, request, form, formset, change):
        for row in formset.deleted_forms:
            if row.instance.pk is not None:
                corrections.admin_deleting(row.instance)
        saving = [
            (row, corrections.admin_saving(row.instance, row.changed_data))
            for row in formset.forms
            if row.has_changed() and row not in formset.deleted_forms
        ]
        super().save_formset(request, form, formset, change)
        for row, exempt_before in saving:
            corrections.admin_saved(row.instance, exempt_before, request.user)

    def delete_model(self, request, obj):
        corrections.admin_deleting(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            corrections.admin_deleting(obj)
        super().delete_queryset(request, queryset)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        corrections.admin_added(request.user, obj)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if message:  # the admin logs a save that changed nothing, too
            corrections.admin_changed(request.user, obj, entry.get_change_message())
        return entry

    def log_deletions(self, request, queryset):
        entries = super().log_deletions(request, queryset)
        for obj in queryset:
            corrections.admin_deleted(request.user, obj)
        return entries
