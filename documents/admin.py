from django.contrib import admin

from documents.models import Document, Page, PageRange


class PageInline(admin.TabularInline):
    model = Page
    fields = ["number", "is_blank", "ocr", "text"]
    readonly_fields = ["number"]
    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = True


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "meeting", "page_count", "is_published", "is_current"]
    list_filter = ["kind", "is_published", "has_text_layer", "meeting__committee"]
    search_fields = ["title", "original_filename", "sha256"]
    list_select_related = ["meeting__committee"]
    readonly_fields = ["sha256", "size", "page_count", "has_text_layer", "ocr_used", "version"]
    raw_id_fields = ["meeting", "superseded_by"]

    @admin.display(boolean=True, description="current")
    def is_current(self, obj):
        return obj.superseded_by_id is None


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "is_blank", "ocr"]
    search_fields = ["text"]
    raw_id_fields = ["document"]
    list_select_related = ["document"]


@admin.register(PageRange)
class PageRangeAdmin(admin.ModelAdmin):
    list_display = ["item", "document", "start", "end"]
    raw_id_fields = ["item", "document"]
