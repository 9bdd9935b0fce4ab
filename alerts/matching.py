"""Note what became public and match it against every confirmed subscription.

A paper is noted the first time the worker sees it public (``Publication``), whichever way it
became public (a clerk publishing a meeting or one paper, an ingest without ``--draft``).
Its ``public_since`` is when its paper or its meeting was last published, so an address that
subscribed later hears nothing of it; the archive already public when alerts start is
noted without anyone hearing of it for the same reason.
"""

from __future__ import annotations

import re

from django.db import transaction
from django.db.models import Exists, OuterRef, Q

from alerts.findings import findings, search_hits
from alerts.models import Alert, Publication, Subscription
from councillors.models import VoteCast
from documents.models import Document
from meetings.models import AgendaItem, Attendance, Declaration

_REFERENCE = re.compile(r"\b\d{2}/\d{5}\b")  # a decision reference, as meetings.querysets


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
    """Make the alerts of every publication not yet matched; returns how many were made.

    Publications are taken together, so each saved search runs once over all their rows,
    and the other kinds are narrowed to the papers that name their person or matter before
    ``findings`` (the one judge of a match) is asked."""
    with transaction.atomic():
        pending = list(
            Publication.objects.select_for_update(skip_locked=True)
            .filter(matched_at__isnull=True)
            .select_related("document__meeting")
        )
        if not pending:
            return 0
        candidates = _Candidates(pending)
        made = 0
        for subscription in _subscriptions():
            for publication in candidates.for_subscription(subscription):
                if findings(subscription, publication.document):
                    _, created = Alert.objects.get_or_create(
                        subscription=subscription, publication=publication
                    )
                    made += created
        Publication.objects.filter(pk__in=[p.pk for p in pending]).update(matched_at=now)
    return made


def _subscriptions():
    return (
        Subscription.objects.active()
        .select_related("committee", "person", "item__meeting__committee")
        .order_by("pk")
    )


class _Candidates:
    """Which pending publications might match a subscription (``findings`` decides)."""

    def __init__(self, pending: list[Publication]) -> None:
        self.pending = pending
        ids = [p.document_id for p in pending]
        self.people: dict[int, set[int]] = {}
        for rows in (
            Attendance.objects.public().filter(source_id__in=ids),
            Declaration.objects.public().filter(source_id__in=ids),
            VoteCast.objects.public().filter(vote__source_id__in=ids),
        ):
            source = "vote__source_id" if rows.model is VoteCast else "source_id"
            for person_id, source_id in rows.values_list("person_id", source):
                self.people.setdefault(person_id, set()).add(source_id)
        self.items = list(
            AgendaItem.objects.published()
            .filter(Q(source_id__in=ids) | Q(minutes_source_id__in=ids), parent__isnull=True)
            .values_list("pk", "title", "source_id", "minutes_source_id")
        )

    def for_subscription(self, subscription) -> list[Publication]:
        eligible = [p for p in self.pending if subscription.confirmed_at <= p.public_since]
        kind = subscription.kind
        if kind == "committee":
            papers = {
                p.document_id
                for p in eligible
                if p.document.meeting.committee_id == subscription.committee_id
            }
        elif kind == "person":
            papers = self.people.get(subscription.person_id, set())
        elif kind == "matter":
            papers = self._matter_papers(subscription.item)
        else:
            papers = search_hits(subscription, [p.document_id for p in eligible])
        return [p for p in eligible if p.document_id in papers]

    def _matter_papers(self, followed) -> set[int]:
        if followed is None:
            return set()
        references = set(_REFERENCE.findall(followed.title))
        title = followed.title.strip().lower()
        papers = set()
        for pk, other, source_id, minutes_source_id in self.items:
            if (
                pk == followed.pk
                or other.strip().lower() == title
                or references & set(_REFERENCE.findall(other))
            ):
                papers.update({source_id, minutes_source_id})
        return papers
