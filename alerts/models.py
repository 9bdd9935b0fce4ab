"""Email alerts: who follows what, what was published, and every email claimed or sent.

An address (``Subscriber``) follows things (``Subscription``): a committee, a saved search,
a person or an item's matter. The worker notes each paper the first time it sees it public
(``Publication``), matches it against every confirmed subscription (``Alert``, once per
subscription and publication), and sends the alerts in ``Message``s: a message is written and
its alerts are claimed in one transaction, so a worker that dies before the email is handed
to the mail server sends that same message on its next run, and no alert is claimed twice.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q


class Subscriber(models.Model):
    email = models.EmailField(max_length=254, unique=True, help_text="Stored lower case.")
    created = models.DateTimeField(auto_now_add=True)
    stopped_at = models.DateTimeField(
        null=True, blank=True, help_text="Bouncing or complained: nothing more is sent."
    )
    stopped_reason = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return f"subscriber {self.pk}"


class SubscriptionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(
            confirmed_at__isnull=False, ended_at__isnull=True, subscriber__stopped_at__isnull=True
        )


class Subscription(models.Model):
    class Kind(models.TextChoices):
        COMMITTEE = "committee", "Committee"
        SEARCH = "search", "Saved search"
        PERSON = "person", "Person"
        MATTER = "matter", "Matter"

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", "As soon as it is published"
        DAILY = "daily", "A daily digest"

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # What is followed. Each target is kept by a foreign key only; ``label`` says what it
    # was, should the record go.
    committee = models.ForeignKey(
        "meetings.Committee",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="alert_subscriptions",
    )
    person = models.ForeignKey(
        "meetings.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    item = models.ForeignKey(
        "meetings.AgendaItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    query = models.CharField(
        max_length=600, blank=True, help_text="A saved search: the /search/ parameters."
    )
    label = models.CharField(max_length=400)
    frequency = models.CharField(
        max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    created = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True, help_text="Unsubscribed.")
    last_sent_at = models.DateTimeField(null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["confirmed_at", "ended_at"])]

    def __str__(self) -> str:
        return self.label

    @property
    def is_active(self) -> bool:
        return bool(self.confirmed_at and not self.ended_at)


class Publication(models.Model):
    """A paper the worker has seen public, once: what alerts are about."""

    document = models.OneToOneField(
        "documents.Document", on_delete=models.CASCADE, related_name="+"
    )
    seen_at = models.DateTimeField()
    public_since = models.DateTimeField(
        help_text="When it became public, as near as the records tell: only subscriptions "
        "confirmed before this hear of it."
    )
    matched_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"publication of paper {self.document_id}"


class Message(models.Model):
    """One email, written and claimed before it is sent; ``sent_at`` once the server took it."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="messages")
    message_id = models.UUIDField(default=uuid.uuid4, unique=True)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    unsubscribe_url = models.URLField(max_length=600)
    claimed_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    withdrawn = models.BooleanField(
        default=False, help_text="Not sent: a paper it told of stopped being public first."
    )

    class Meta:
        indexes = [models.Index(fields=["sent_at", "withdrawn"])]

    def __str__(self) -> str:
        return self.subject


class Alert(models.Model):
    """A publication a subscription must hear of: at most one per pair."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="alerts")
    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="alerts")
    created = models.DateTimeField(auto_now_add=True)
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="alerts"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "publication"], name="one_alert_per_publication"
            )
        ]
        indexes = [
            models.Index(
                fields=["subscription"], condition=Q(message__isnull=True), name="alert_unclaimed"
            )
        ]

    def __str__(self) -> str:
        return f"alert {self.pk}"


class Attempt(models.Model):
    """One rate-limited action (a subscription request, a password reset) by a key: a hashed
    email address or a client address. Rows older than the window are deleted as they go."""

    action = models.CharField(max_length=20)
    key = models.CharField(max_length=64)
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["action", "key", "at"])]

    def __str__(self) -> str:
        return f"{self.action} at {self.at}"
