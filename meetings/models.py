"""Committees, meetings, agenda items, minutes, resolutions, people and attendance."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify

from meetings.people_models import (  # noqa: F401  (the models of people, registered here)
    Declaration,
    InterestKind,
    Person,
    PersonAlias,
)
from meetings.querysets import (
    AgendaItemQuerySet,
    AttendanceQuerySet,
    CommitteeQuerySet,
    MeetingQuerySet,
    ReportQuerySet,
    ResolutionQuerySet,
)

SCHEDULE_12A_PARAGRAPHS = {
    1: "Information relating to any individual",
    2: "Information which is likely to reveal the identity of an individual",
    3: "Information relating to the financial or business affairs of any particular person",
    4: "Information relating to consultations or negotiations in connection with labour relations",
    5: "Information in respect of which a claim to legal professional privilege could be made",
    6: "Information revealing that the authority proposes to give a notice or make an order",
    7: "Information relating to the prevention, investigation or prosecution of crime",
}


def unique_slug(model, value: str, *, max_length: int = 80, **scope) -> str:
    base = slugify(value)[:max_length].strip("-") or "untitled"
    slug, n = base, 2
    while model.objects.filter(slug=slug, **scope).exists():
        slug = f"{base[: max_length - 4]}-{n}"
        n += 1
    return slug


class Committee(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    purpose = models.TextField(blank=True)
    is_active = models.BooleanField(default=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = CommitteeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Committee, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("committee-detail", kwargs={"slug": self.slug})


class MeetingStatus(models.TextChoices):
    """Whether a meeting is to come, was held, or will not be held as planned."""

    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"
    POSTPONED = "postponed", "Postponed"


class Meeting(models.Model):
    Status = MeetingStatus
    #: Not to be held as planned: shown as such wherever the meeting is listed.
    CALLED_OFF = frozenset({MeetingStatus.CANCELLED, MeetingStatus.POSTPONED})

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField(db_index=True)
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    venue = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    webcast_url = models.URLField(blank=True)
    organisation = models.CharField(
        max_length=200, blank=True, help_text="The council named on the papers."
    )
    is_published = models.BooleanField(
        default=False, help_text="Shown to the public with its published papers."
    )
    attendance_corrected = models.BooleanField(
        default=False, help_text="Attendance corrected by staff: a re-read keeps it."
    )
    details_corrected = models.BooleanField(
        default=False,
        help_text="Time, venue or council corrected by staff: a re-read keeps them.",
    )
    url_key = models.CharField(
        max_length=20, editable=False, help_text="The date part of the meeting's address."
    )
    is_decision_record = models.BooleanField(
        default=False,
        help_text=(
            "Holds the record of a decision one person took (a Cabinet Member, an officer), "
            "filed under their office on the day it was signed: no meeting was held. It is "
            "shown in the decisions register, not as a meeting."
        ),
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-start_time"]
        indexes = [models.Index(fields=["committee", "date"])]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "date", "start_time"],
                condition=Q(start_time__isnull=False),
                name="one_meeting_per_committee_date_time",
            ),
            models.UniqueConstraint(
                fields=["committee", "date"],
                condition=Q(start_time__isnull=True),
                name="one_untimed_meeting_per_committee_date",
            ),
            models.UniqueConstraint(
                fields=["committee", "url_key"], name="meeting_url_unique_per_committee"
            ),
            models.CheckConstraint(
                condition=Q(status__in=MeetingStatus.values),
                name="meeting_status_known",
            ),
        ]
        permissions = [
            ("publish_meeting", "Can publish and unpublish a meeting's papers"),
        ]

    def __str__(self) -> str:
        return f"{self.committee.name}, {self.date:%-d %B %Y}"

    def save(self, *args, **kwargs):
        if not self.url_key:
            self.url_key = self.make_url_key()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(
            "meeting-detail", kwargs={"committee": self.committee.slug, "date": self.url_key}
        )

    @property
    def is_called_off(self) -> bool:
        """Cancelled or postponed."""
        return self.status in self.CALLED_OFF

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    def make_url_key(self, taken: set[str] | None = None) -> str:
        """The date in the meeting's URL; a second meeting that day adds its time. Every key
        starts with the date: ``taken`` are the keys the committee's other meetings have that
        start with this date, when the caller read them (else they are looked up here)."""
        key = self.date.isoformat()
        if taken is None:
            others = Meeting.objects.filter(committee_id=self.committee_id, url_key__startswith=key)
            taken = set(others.exclude(pk=self.pk).values_list("url_key", flat=True))
        if key in taken:
            key = f"{key}-{self.start_time:%H%M}" if self.start_time else f"{key}-2"
            n = 2
            while key in taken:
                n += 1
                key = f"{self.date.isoformat()}-{n}"
        return key


class CommitteeAlias(models.Model):
    """Another name a committee goes by: a clerk's folder name, a shortened printed name."""

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="aliases")
    key = models.CharField(max_length=200, unique=True, help_text="The name, normalised")

    class Meta:
        verbose_name_plural = "committee aliases"

    def __str__(self) -> str:
        return f"{self.key} -> {self.committee}"


class AgendaItem(models.Model):
    """An item on a meeting's agenda; with minutes, also the minute recording it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="sub_items"
    )
    order = models.PositiveIntegerField(default=0)
    slug = models.SlugField(max_length=40, help_text="The item's part of its address")
    number = models.CharField(max_length=20, blank=True, help_text="Agenda item number as printed")
    minute_number = models.CharField(max_length=30, blank=True, help_text="Minute number")
    title = models.TextField()
    exempt = models.BooleanField(default=False, help_text="Not for publication")
    exempt_paragraph = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=sorted(SCHEDULE_12A_PARAGRAPHS.items()),
        help_text="Paragraph of Part 1 of Schedule 12A to the Local Government Act 1972",
    )
    narrative = models.TextField(blank=True, help_text="The minute's text")
    reasons = models.TextField(blank=True, help_text="Reason(s) for decision(s)")
    corrected = models.BooleanField(
        default=False, help_text="Corrected by staff: a re-ingest keeps these fields."
    )
    minute_withheld = models.BooleanField(
        default=False,
        help_text="The minute's text and resolutions are withheld from the public (the council "
        "kept them out of its public minutes).",
    )
    source = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="defined_items",
        help_text="The paper that lists the item; empty for an item staff added.",
    )
    minutes_source = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="minuted_items",
        help_text="The minutes its minute number, text and reasons were read from.",
    )
    read_key = models.CharField(
        max_length=120,
        blank=True,
        editable=False,
        help_text="How the papers identify the item, so a re-read finds it again.",
    )

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "order"]
        indexes = [models.Index(fields=["meeting", "order"])]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "slug"], name="item_slug_unique_per_meeting"
            ),
            models.CheckConstraint(
                condition=Q(exempt_paragraph__isnull=True)
                | Q(exempt=True, exempt_paragraph__gte=1, exempt_paragraph__lte=7),
                name="exempt_paragraph_only_on_exempt_items_1_to_7",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number or self.minute_number or '-'}. {self.title}"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.make_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(
            "item-detail",
            kwargs={
                "committee": self.meeting.committee.slug,
                "date": self.meeting.url_key,
                "item": self.slug,
            },
        )

    def make_slug(self, base: str = "", taken: set[str] | None = None) -> str:
        """The item's number as printed ("6", "6.1" -> "6-1"), unique within its meeting
        (whose other items' slugs are ``taken``, read from the database when not given)."""
        printed = (self.number or self.minute_number or "").replace(".", "-").replace("/", "-")
        titled = slugify(self.title)[:30].strip("-")
        base = (slugify(base or printed) or titled or f"item-{self.order or 1}")[:30]
        if taken is None:
            taken = set(
                AgendaItem.objects.filter(meeting_id=self.meeting_id)
                .exclude(pk=self.pk)
                .values_list("slug", flat=True)
            )
        slug, n = base, 2
        while slug in taken:
            slug = f"{base}-{n}"
            n += 1
        return slug

    @property
    def is_withheld(self) -> bool:
        from meetings.disclosure import is_withheld_item

        return is_withheld_item(self)

    @property
    def public_minute_number(self) -> str:
        """The minute number, where the public may read the minute (from querysets annotated
        by ``with_disclosure()``): a number printed only in draft minutes stays unseen."""
        return self.minute_number if getattr(self, "minute_is_public", False) else ""


class Report(models.Model):
    """The front sheet of the report for an agenda item."""

    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="report")
    title = models.TextField(blank=True)
    decision_type = models.CharField(max_length=100, blank=True)
    portfolio_holder = models.CharField(max_length=300, blank=True)
    local_councillors = models.CharField(max_length=500, blank=True)
    executive_director = models.CharField(max_length=300, blank=True)
    report_author = models.CharField(max_length=200, blank=True)
    author_title = models.CharField(max_length=300, blank=True)
    author_contact = models.CharField(max_length=300, blank=True)
    report_status = models.CharField(max_length=100, blank=True)
    recommendation = models.TextField(blank=True)
    reason_for_recommendation = models.TextField(blank=True)
    source = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="read_reports",
        help_text="The paper this was read from; empty when staff entered it.",
    )

    objects = ReportQuerySet.as_manager()

    def __str__(self) -> str:
        return self.title or f"Report for {self.item}"


class Resolution(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="resolutions")
    order = models.PositiveIntegerField(default=0)
    number = models.CharField(max_length=20, blank=True)
    text = models.TextField()
    source = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="read_resolutions",
        help_text="The paper this was read from; empty when staff entered it.",
    )

    objects = ResolutionQuerySet.as_manager()

    class Meta:
        ordering = ["item", "order"]
        constraints = [
            models.UniqueConstraint(fields=["item", "order"], name="resolution_order_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.text[:60]}".strip()


class AttendanceRole(models.TextChoices):
    """The part a person played at a meeting, as the minutes record it."""

    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    SUBSTITUTE = "substitute", "Substitute"
    OFFICER = "officer", "Officer"
    ATTENDING = "attending", "Also attending"


class Attendance(models.Model):
    Role = AttendanceRole

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendance")
    role = models.CharField(max_length=12, choices=Role.choices)
    substitute_for = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="substituted_by"
    )
    is_chair = models.BooleanField(default=False)
    note = models.CharField(max_length=300, blank=True, help_text="e.g. a job title")
    order = models.PositiveIntegerField(default=0)
    source = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="read_attendance",
        help_text="The paper this was read from; empty when staff entered it.",
    )

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "role", "order"]
        verbose_name_plural = "attendance"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person", "role"], name="attendance_once_per_role"
            ),
            models.CheckConstraint(
                condition=Q(substitute_for__isnull=True) | Q(role=AttendanceRole.SUBSTITUTE),
                name="substitute_for_only_on_substitutes",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class ItemRemoval(models.Model):
    """An item staff removed from a meeting: a re-read of its papers never brings it back."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="removals")
    read_key = models.CharField(max_length=120)
    title = models.TextField(blank=True, help_text="The title it had, for the record")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "read_key"], name="removal_once_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.title or self.read_key} (removed from {self.meeting})"
