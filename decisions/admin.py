"""Staff add and correct forward plan entries and decisions here (the call-in status
included). A corrected record is kept when its paper is read again; every change is audited
(``staff.admin_base``)."""

from django.contrib import admin

from decisions.models import Decision, DecisionPart, ForwardPlanEntry
from staff.admin_base import AuditedAdmin, GuardedInline


class DecisionPartInline(GuardedInline, admin.TabularInline):
    model = DecisionPart
    fields = ["order", "number", "text"]
    extra = 0


@admin.register(Decision)
class DecisionAdmin(AuditedAdmin):
    list_display = ["reference", "title", "kind", "decision_maker", "date", "status"]
    list_filter = ["kind", "status", "key_decision", "proposed"]
    search_fields = ["reference", "title", "decision_maker"]
    date_hierarchy = "date"
    raw_id_fields = ["meeting", "item", "status_minute"]
    readonly_fields = ["status_set_by_staff", "corrected"]
    inlines = [DecisionPartInline]

    def save_model(self, request, obj, form, change):
        if change:
            obj.corrected = True  # a re-read of its paper keeps the correction
        if "status" in form.changed_data or "call_in_deadline" in form.changed_data:
            obj.status_set_by_staff = True  # a scrutiny minute read later does not undo it
        super().save_model(request, obj, form, change)


@admin.register(ForwardPlanEntry)
class ForwardPlanEntryAdmin(AuditedAdmin):
    list_display = ["subject", "decision_maker", "decision_due", "key_decision", "exempt"]
    list_filter = ["key_decision", "exempt", "published"]
    search_fields = ["subject", "reference", "decision_maker"]
    raw_id_fields = ["item"]
    readonly_fields = ["page", "corrected"]

    def save_model(self, request, obj, form, change):
        if change:
            obj.corrected = True
        super().save_model(request, obj, form, change)
