"""Stored papers (PDFs), their versions, each page's text, and which pages belong to which item."""

from __future__ import annotations

from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse

from documents.ingest import vocabulary
from documents.querysets import DocumentQuerySet, PageQuerySet, PageRangeQuerySet


def paper_path(document: Document, filename: str) -> str:
    """Stored under the content hash: never the uploaded name, so no path can be smuggled in."""
    return f"papers/{document.sha256[:2]}/{document.sha256}.pdf"


class Document(models.Model):
    #: Its kind: the choices are built from ``documents.ingest.vocabulary.KINDS``.
    Kind = models.TextChoices(
        "Kind",
        [(kind.name, (kind.value, kind.label)) for kind in vocabulary.KINDS],
        module=__name__,
        qualname="Document.Kind",
    )

    #: The part a paper plays in its meeting: only the agenda defines items, only minutes
    #: define minutes, resolutions and attendance; the rest attach to items.
    AGENDA_KINDS = vocabulary.AGENDA_KINDS

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    identity = models.CharField(
        max_length=200,
        blank=True,
        help_text="Which paper of its meeting this is: versions of one paper share it.",
    )
    minutes_of = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="minutes_published_elsewhere",
        help_text="Minutes of an earlier meeting put up for approval at this one.",
    )
    parsed = models.JSONField(
        default=dict,
        blank=True,
        help_text="What was read from the paper, from which its meeting's records are built.",
    )
    warnings = models.JSONField(
        default=list, blank=True, help_text="Where the paper disagreed with its context."
    )
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
        indexes = [models.Index(fields=["meeting", "identity", "version"])]
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

    def delete(self, *args, **kwargs):
        """Remove the paper and what was read from it; its meeting's records are built again
        from the papers that remain."""
        from documents.meeting_sync import forget_paper, rebuild_meeting

        with transaction.atomic():
            meetings = forget_paper(self)
            result = super().delete(*args, **kwargs)
            self.relink_versions(self.meeting_id, self.identity)
            for meeting in meetings:
                rebuild_meeting(meeting)
        return result

    @classmethod
    def relink_versions(cls, meeting_id: int, identity: str) -> None:
        """Point every version of a paper at its newest one, which points nowhere."""
        if not identity:
            return
        versions = list(
            cls.objects.filter(meeting_id=meeting_id, identity=identity).order_by("-version")
        )
        for version in versions:
            newest = None if version is versions[0] else versions[0]
            if version.superseded_by_id != (newest.pk if newest else None):
                version.superseded_by = newest
                version.save(update_fields=["superseded_by", "updated"])

    @property
    def role(self) -> str:
        return self.Kind.AGENDA if self.kind in self.AGENDA_KINDS else self.kind

    def get_role_display(self) -> str:
        if self.minutes_of_id and self.minutes_of_id != self.meeting_id:
            return "Previous minutes"
        return vocabulary.KIND_LABELS.get(self.role, self.role)

    @property
    def doubts(self) -> list[str]:
        """What the reader was unsure of, for a clerk to check first."""
        return list((self.parsed or {}).get("doubts") or [])


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

    objects = PageRangeQuerySet.as_manager()

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
