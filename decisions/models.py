"""Decisions a resident can follow: the forward plan and the decisions register's records.

A **forward plan entry** is a decision the executive plans to take (subject, decision maker,
when, key or not, open or exempt). A **decision** is one entry of the register: a record of
an executive or officer decision (its own numbered parts), or a committee's resolution on an
item whose call-in status staff or a scrutiny minute set (its parts are then the item's
resolutions). Items with resolutions and no decision row are listed in the register too
(``decisions.register``): each decided matter once.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.urls import reverse
from django.utils import timezone

from decisions.querysets import DecisionQuerySet, ForwardPlanQuerySet


class ForwardPlanEntry(models.Model):
    reference = models.CharField(max_length=40, blank=True)
    subject = models.TextField()
    description = models.TextField(blank=True)
    decision_maker = models.CharField(max_length=300, blank=True)
    decision_due = models.DateField(null=True, blank=True)
    due_month_only = models.BooleanField(
        default=False, help_text="Only the month of the decision is planned"
    )
    key_decision = models.BooleanField(null=True, blank=True)
    exempt = models.BooleanField(default=False, help_text="To be taken in private")
    exempt_paragraph = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Schedule 12A paragraph (1-7)"
    )
    portfolio_holder = models.TextField(blank=True)
    officer_contact = models.TextField(blank=True)
    consultees = models.TextField(blank=True)
    published = models.DateField(null=True, blank=True, help_text="The plan's publication date")
    source = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="forward_plan_entries",
        help_text="The paper it was read from (empty: typed in by staff)",
    )
    page = models.PositiveIntegerField(null=True, blank=True)
    order = models.PositiveIntegerField(default=0)
    item = models.ForeignKey(
        "meetings.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forward_plan_entries",
        help_text="The item where it is decided",
    )
    corrected = models.BooleanField(default=False, help_text="Corrected by staff: kept on re-read")
    is_published = models.BooleanField(
        default=True, help_text="Entries typed in by staff show only when published"
    )
    updated = models.DateTimeField(auto_now=True)

    objects = ForwardPlanQuerySet.as_manager()

    class Meta:
        ordering = ["decision_due", "order", "pk"]
        verbose_name_plural = "forward plan entries"

    def __str__(self) -> str:
        return self.subject[:80]

    def get_absolute_url(self) -> str:
        return reverse("forward-plan") + f"#entry-{self.pk}"

    @property
    def due_display(self) -> str:
        if not self.decision_due:
            return ""
        return self.decision_due.strftime("%B %Y" if self.due_month_only else "%-d %B %Y")

    @property
    def due_value(self) -> str | None:
        """YYYY-MM-DD, or YYYY-MM when only the month is planned (the export's form)."""
        if not self.decision_due:
            return None
        return self.decision_due.strftime("%Y-%m" if self.due_month_only else "%Y-%m-%d")

    @property
    def short_notice(self) -> bool:
        """A key decision taken with fewer than 28 clear days on the plan."""
        if not (self.key_decision and self.published):
            return False
        taken = self.item.meeting.date if self.item_id else self.decision_due
        if not taken or self.due_month_only and not self.item_id:
            return False
        return (taken - self.published).days - 1 < 28


class DecisionKind(models.TextChoices):
    COMMITTEE = "committee", "Committee resolution"
    EXECUTIVE = "executive", "Executive decision"
    OFFICER = "officer", "Officer decision"


class CallInStatus(models.TextChoices):
    MADE = "made", "Made"
    CALLED_IN = "called-in", "Called in"
    REFERRED_BACK = "referred-back", "Referred back for reconsideration"
    CONFIRMED = "confirmed", "Confirmed after call-in"
    IMPLEMENTED = "implemented", "Implemented"


class Decision(models.Model):
    Kind = DecisionKind
    Status = CallInStatus

    reference = models.CharField(max_length=40, blank=True, db_index=True)
    title = models.TextField()
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.EXECUTIVE)
    proposed = models.BooleanField(
        default=False, help_text="Read from a proposed record (before the meeting)"
    )
    decision_maker = models.CharField(max_length=300, blank=True)
    decision_maker_role = models.CharField(max_length=300, blank=True)
    date = models.DateField(null=True, blank=True, db_index=True)
    reasons = models.TextField(blank=True)
    alternatives = models.TextField(blank=True, help_text="Alternatives considered and rejected")
    interests = models.TextField(
        blank=True, help_text="Conflicts of interest declared and dispensations granted"
    )
    key_decision = models.BooleanField(null=True, blank=True)
    forward_plan_reference = models.CharField(max_length=40, blank=True)
    call_in_deadline = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.MADE)
    status_minute = models.ForeignKey(
        "meetings.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="call_ins",
        help_text="The scrutiny minute that considered the call-in",
    )
    status_set_by_staff = models.BooleanField(default=False)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="decisions",
        help_text="The meeting where it was taken, if any",
    )
    item = models.ForeignKey(
        "meetings.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,  # an item read again is found again (decisions.reading)
        related_name="decisions",
        help_text="The item where it was taken, if any",
    )
    source = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="decisions",
        help_text="The record it was read from (empty: typed in by staff)",
    )
    corrected = models.BooleanField(default=False, help_text="Corrected by staff: kept on re-read")
    is_published = models.BooleanField(
        default=True, help_text="Decisions typed in by staff show only when published"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}".strip()[:100]

    def get_absolute_url(self) -> str:
        return reverse("decision-detail", args=[self.pk])

    def status_label(self, today: dt.date | None = None) -> str:
        today = today or timezone.localdate()
        deadline = self.call_in_deadline
        if self.status == self.Status.MADE and deadline and deadline >= today:
            return f"Call-in period open until {self.call_in_deadline:%-d %B %Y}"
        return self.get_status_display()


class DecisionPart(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="parts")
    order = models.PositiveIntegerField(default=0)
    number = models.CharField(max_length=20, blank=True)
    text = models.TextField()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.number} {self.text[:60]}".strip()
