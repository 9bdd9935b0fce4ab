"""The staff workflow's records in the Django admin, read-only."""

from django.contrib import admin

from staff.admin_base import AuditedAdmin
from staff.models import AuditEntry, IngestJob


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log, read-only: nobody edits history."""

    list_display = ["at", "username", "action", "subject", "warning"]
    list_filter = ["action"]
    search_fields = ["username", "subject", "detail"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(IngestJob)
class IngestJobAdmin(AuditedAdmin):
    list_display = ["original_filename", "status", "created", "created_by", "meeting"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in IngestJob._meta.fields]

    def has_add_permission(self, request):
        return False
