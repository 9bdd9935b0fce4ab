"""Stored papers (PDFs), their versions, each page's text, and which pages belong to which item."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse

from documents.querysets import DocumentQuerySet, PageQuerySet


def paper_path(document: Document, filename: str) -> str:
    """Stored under the content hash: never the uploaded name, so no path can be smuggled in."""
    return f"papers/{document.sha256[:2]}/{document.sha256}.pdf"


class Document(models.Model):
    class Kind(models.TextChoices):
        AGENDA_PACK = "agenda-pack", "Agenda reports pack"
        AGENDA = "agenda", "Agenda"
        MINUTES = "minutes", "Minutes"
        SUPPLEMENT = "supplement", "Supplementary pack"
        REPORT = "report", "Report"
        DECISION = "decision", "Decision record"
        OTHER = "other", "Other"

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to=paper_path, max_length=200)
    sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveBigIntegerField(help_text="Bytes")
    page_count = models.PositiveIntegerField()
    has_text_layer = models.BooleanField(default=True)
    ocr_used = models.BooleanField(default=False, help_text="Text was read by OCR from a scan")
    original_filename = models.CharField(max_length=255, blank=True)
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    is_exempt = models.BooleanField(
        default=False, help_text="The whole paper is not for publication."
    )
    superseded_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="earlier_versions"
    )
    version = models.PositiveIntegerField(default=1)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "kind", "-version"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="sha256_is_hex"
            ),
            models.CheckConstraint(
                condition=~Q(superseded_by=models.F("pk")), name="document_not_superseded_by_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.meeting})"

    def get_absolute_url(self) -> str:
        return reverse("document-detail", kwargs={"pk": self.pk})

    def get_pdf_url(self) -> str:
        return reverse("document-pdf", kwargs={"pk": self.pk})

    @property
    def is_current(self) -> bool:
        return self.superseded_by_id is None


class Page(models.Model):
    """One physical page of a paper: clean text for search, blocks for the HTML reading view."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveIntegerField(help_text="1-based physical page")
    text = models.TextField(blank=True)
    blocks = models.JSONField(default=list, blank=True)
    is_blank = models.BooleanField(default=False)
    ocr = models.BooleanField(default=False)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="page_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="page_number_positive"),
        ]

    def __str__(self) -> str:
        return f"Page {self.number} of {self.document.title}"

    def get_absolute_url(self) -> str:
        return f"{self.document.get_absolute_url()}#page-{self.number}"


class PageRange(models.Model):
    """Pages ``start``..``end`` (inclusive) of ``document`` hold ``item``'s paper or minute."""

    item = models.ForeignKey(
        "meetings.AgendaItem", on_delete=models.CASCADE, related_name="page_ranges"
    )
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="page_ranges")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    holds_paper = models.BooleanField(
        default=True,
        help_text="The pages hold the item's paper or minute; off for an agenda line that "
        "only lists the item (those pages are never withheld for it).",
    )

    class Meta:
        ordering = ["document", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(start__gte=1), name="range_starts_at_page_one"),
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="range_ordered"),
            models.UniqueConstraint(
                fields=["item", "document", "start"], name="range_unique_per_item"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item} pp. {self.start}-{self.end}"
