"""Note what became public and match it against every confirmed subscription.

A paper is noted the first time the worker sees it public (``Publication``), whichever way it
became public (a clerk publishing a meeting or one paper, an ingest without ``--draft``).
Its ``public_since`` is when its paper or its meeting was last published, so an address that
subscribed later hears nothing of it; the archive already public when alerts start is
noted without anyone hearing of it for the same reason.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q

from alerts.findings import findings
from alerts.models import Alert, Publication, Subscription
from documents.models import Document


def note_publications(now) -> int:
    """Record every public paper not yet noted; returns how many were new."""
    noted = Publication.objects.filter(document=OuterRef("pk"))
    new = (
        Document.objects.public()
        .filter(~Exists(noted))
        .select_related("meeting")
        .only("pk", "published_at", "created", "meeting__updated")
    )
    rows = []
    for document in new.iterator():
        published = document.published_at or document.created
        since = min(now, max(published, document.meeting.updated))
        rows.append(Publication(document=document, seen_at=now, public_since=since))
    Publication.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def match_publications(now) -> int:
    """Make the alerts of every publication not yet matched; returns how many were made."""
    made = 0
    pending = Publication.objects.filter(matched_at__isnull=True).select_related(
        "document__meeting__committee"
    )
    for publication in pending.order_by("pk"):
        with transaction.atomic():
            taken = Publication.objects.filter(pk=publication.pk, matched_at__isnull=True).update(
                matched_at=now
            )
            if not taken:  # another worker matched it
                continue
            made += _match(publication)
    return made


def _match(publication: Publication) -> int:
    subscriptions = (
        Subscription.objects.active()
        .filter(confirmed_at__lte=publication.public_since)
        .select_related("committee", "person", "item__meeting__committee")
    )
    # A committee subscription can only match its own committee's papers.
    committee_id = publication.document.meeting.committee_id
    subscriptions = subscriptions.exclude(Q(kind="committee") & ~Q(committee_id=committee_id))
    made = 0
    for subscription in subscriptions:
        if not findings(subscription, publication.document):
            continue
        try:
            with transaction.atomic():
                Alert.objects.create(subscription=subscription, publication=publication)
            made += 1
        except IntegrityError:  # already made
            pass
    return made
