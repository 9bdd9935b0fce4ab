"""The staff workflow's records: uploads waiting to be read, and the audit log.

Both were first made by the ``portal`` app and keep its tables (``db_table``), so a database
made then upgrades in place. Publishing permission is ``meetings.publish_meeting``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class IngestJob(models.Model):
    """One uploaded PDF, read in the background by the task worker."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to be read"
        RUNNING = "running", "Being read"
        OK = "ok", "Read"
        UNCHANGED = "unchanged", "Already loaded"
        FAILED = "failed", "Failed"

    FINISHED = (Status.OK, Status.UNCHANGED, Status.FAILED)

    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    meeting = models.ForeignKey(
        "meetings.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    committee_name = models.CharField(max_length=200, blank=True)
    date = models.DateField(null=True, blank=True)
    kind = models.CharField(max_length=12, blank=True)
    original_filename = models.CharField(max_length=255)
    upload_path = models.CharField(max_length=500, help_text="The waiting file (random name)")
    size = models.PositiveBigIntegerField(default=0)
    publish = models.BooleanField(default=False, help_text="Publish as soon as it is read")
    replaces = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(blank=True)
    items = models.PositiveIntegerField(default=0)
    pages = models.PositiveIntegerField(default=0)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(
        default=0, help_text="Times a worker has started reading it"
    )
    heartbeat = models.DateTimeField(
        null=True, blank=True, help_text="When the worker reading it last showed it was alive"
    )

    class Meta:
        db_table = "portal_ingestjob"
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.original_filename} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def has_failed(self) -> bool:
        return self.status == self.Status.FAILED


class AuditEntry(models.Model):
    """Who did what to which papers, and when. Never edited."""

    class Action(models.TextChoices):
        UPLOADED = "uploaded", "Uploaded"
        CORRECTED = "corrected", "Corrected"
        ADDED = "added", "Added an item"
        REMOVED = "removed", "Removed an item"
        PUBLISHED = "published", "Published"
        UNPUBLISHED = "unpublished", "Unpublished"
        MARKED_EXEMPT = "exempt", "Marked exempt"
        UNMARKED_EXEMPT = "not-exempt", "Marked not exempt"
        REPLACED = "replaced", "Replaced a paper"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150, help_text="Kept if the account is removed")
    action = models.CharField(max_length=12, choices=Action.choices)
    meeting = models.ForeignKey(
        "meetings.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(max_length=500, help_text="What was acted on")
    detail = models.TextField(blank=True)
    warning = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        db_table = "portal_auditentry"
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        action = self.get_action_display()
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {action} {self.subject}"
