"""Papers in the Django admin: their titles and page text can be corrected, nothing more.

A paper's file (and the hash and size that vouch for it) and its publication are changed
only through the staff pages, which check every upload and write the audit log: here they
are shown read-only, and papers cannot be added at all.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from documents.models import Document, Page, PageRange
from staff.admin_base import AuditedAdmin

# Shown, never edited in the admin: what vouches for the file, and whether the public sees it.
FILE_FIELDS = ["original_filename", "sha256", "size", "page_count", "has_text_layer", "ocr_used"]
PUBLICATION_FIELDS = [
    "is_published",
    "published_at",
    "is_exempt",
    "identity",
    "version",
    "superseded_by",
    "minutes_of",
]


class PageInline(admin.TabularInline):
    model = Page
    fields = ["number", "is_blank", "ocr", "text"]
    readonly_fields = ["number"]
    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = True


@admin.register(Document)
class DocumentAdmin(AuditedAdmin):
    list_display = ["title", "kind", "meeting", "page_count", "is_published", "is_current"]
    list_filter = ["kind", "is_published", "has_text_layer", "meeting__committee"]
    search_fields = ["title", "original_filename", "sha256"]
    list_select_related = ["meeting__committee"]
    fields = ["staff_page", "meeting", "kind", "title", *FILE_FIELDS, *PUBLICATION_FIELDS]
    # The kind too: it decides which records the paper defines for its meeting.
    readonly_fields = ["staff_page", "meeting", "kind", *FILE_FIELDS, *PUBLICATION_FIELDS]

    def has_add_permission(self, request):
        return False  # papers come in through the staff upload, which checks them

    @admin.display(description="Replace, publish or withhold")
    def staff_page(self, obj):
        return format_html(
            '<a href="{}">on the paper’s staff page</a>', reverse("staff:document", args=[obj.pk])
        )

    @admin.display(boolean=True, description="current")
    def is_current(self, obj):
        return obj.superseded_by_id is None


@admin.register(Page)
class PageAdmin(AuditedAdmin):
    list_display = ["__str__", "is_blank", "ocr"]
    search_fields = ["text"]
    list_select_related = ["document"]
    readonly_fields = ["document", "number"]

    def has_add_permission(self, request):
        return False  # pages are read from the paper's PDF


@admin.register(PageRange)
class PageRangeAdmin(AuditedAdmin):
    list_display = ["item", "document", "start", "end"]
    raw_id_fields = ["item", "document"]
