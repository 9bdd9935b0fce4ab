"""The Django admin for democratic services: find a meeting fast, correct what was read.

A correction here follows the staff pages' rules (``staff.corrections``: a re-read keeps it,
marking an item exempt is logged as such) and is written to the staff audit log. Publication
is not changed here: a meeting and its papers are published through the staff pages, which
check the notice given and log it; a meeting's papers are listed read-only.
"""

from django.contrib import admin

from documents.models import Document, PageRange
from meetings.models import (
    AgendaItem,
    Attendance,
    Committee,
    Declaration,
    Meeting,
    Person,
    Report,
    Resolution,
)
from staff.admin_base import AuditedAdmin, GuardedInline


@admin.register(Committee)
class CommitteeAdmin(AuditedAdmin):
    list_display = ["name", "slug", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class AgendaItemInline(GuardedInline, admin.TabularInline):
    model = AgendaItem
    fields = ["order", "number", "minute_number", "title", "exempt", "exempt_paragraph"]
    extra = 0
    show_change_link = True


class AttendanceInline(GuardedInline, admin.TabularInline):
    model = Attendance
    fields = ["person", "role", "substitute_for", "is_chair", "note"]
    autocomplete_fields = ["person", "substitute_for"]
    extra = 0


class DocumentInline(GuardedInline, admin.TabularInline):
    """The meeting's papers, read-only: they are added and published on the staff pages."""

    model = Document
    fk_name = "meeting"
    fields = ["kind", "title", "page_count", "is_published", "superseded_by", "version"]
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(AuditedAdmin):
    list_display = ["committee", "date", "start_time", "status", "is_published"]
    list_filter = ["status", "is_published", "committee"]
    search_fields = ["committee__name", "venue"]
    date_hierarchy = "date"
    list_select_related = ["committee"]
    readonly_fields = ["is_published"]
    inlines = [AgendaItemInline, AttendanceInline, DocumentInline]


class ResolutionInline(GuardedInline, admin.TabularInline):
    model = Resolution
    fields = ["order", "number", "text"]
    extra = 0


class ReportInline(GuardedInline, admin.StackedInline):
    model = Report
    extra = 0


class DeclarationInline(GuardedInline, admin.TabularInline):
    model = Declaration
    fields = ["person", "text", "meeting"]
    extra = 0


class PageRangeInline(GuardedInline, admin.TabularInline):
    model = PageRange
    fields = ["document", "start", "end"]
    extra = 0


@admin.register(AgendaItem)
class AgendaItemAdmin(AuditedAdmin):
    list_display = ["__str__", "meeting", "exempt", "exempt_paragraph"]
    list_filter = ["exempt", "meeting__committee"]
    search_fields = ["title", "number", "minute_number", "narrative"]
    list_select_related = ["meeting__committee"]
    raw_id_fields = ["meeting", "parent"]
    inlines = [ReportInline, ResolutionInline, DeclarationInline, PageRangeInline]


@admin.register(Resolution)
class ResolutionAdmin(AuditedAdmin):
    list_display = ["__str__", "item"]
    search_fields = ["text"]
    list_filter = ["item__meeting__committee"]
    raw_id_fields = ["item"]


@admin.register(Person)
class PersonAdmin(AuditedAdmin):
    list_display = ["name", "kind", "role"]
    list_filter = ["kind"]
    search_fields = ["name", "role"]


@admin.register(Attendance)
class AttendanceAdmin(AuditedAdmin):
    list_display = ["person", "meeting", "role", "substitute_for"]
    list_filter = ["role"]
    search_fields = ["person__name"]
    raw_id_fields = ["meeting", "person", "substitute_for"]


@admin.register(Declaration)
class DeclarationAdmin(AuditedAdmin):
    list_display = ["__str__", "meeting", "person"]
    search_fields = ["text", "person__name"]
    raw_id_fields = ["meeting", "item", "person"]


@admin.register(Report)
class ReportAdmin(AuditedAdmin):
    list_display = ["__str__", "decision_type", "report_author"]
    search_fields = ["title", "report_author", "recommendation"]
    raw_id_fields = ["item"]
