"""Send what is due: write each email and claim its alerts in one transaction, then send it.

``send_due`` is what ``manage.py send_alerts`` and the task worker run. A message is written
(subject, body, unsubscribe address) and its alerts are pointed at it in the same
transaction, so an alert is claimed by one message only. The message is then handed to the
mail server and marked sent. A worker killed in between leaves the message claimed and
unsent: the next run (after ``ALERTS_CLAIM_STALE_SECONDS``) sends that same message, with the
same Message-ID, so the subscriber receives it once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from alerts import tokens
from alerts.findings import findings
from alerts.matching import match_publications, note_publications
from alerts.models import Alert, Message, Subscription
from documents.models import Document

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


@dataclasses.dataclass
class Outcome:
    noted: int = 0
    matched: int = 0
    sent: int = 0
    failed: int = 0
    withdrawn: int = 0


def send_due(now=None) -> Outcome:
    now = now or timezone.now()
    outcome = Outcome(note_publications(now), match_publications(now))
    for message in _stale_messages(now):
        if _reclaim(message, now):
            _deliver(message, outcome)
    for subscription in _due_subscriptions(now):
        message = _claim(subscription, now)
        if message is not None:
            _deliver(message, outcome)
    return outcome


# -- what is due ---------------------------------------------------------------------------
def digest_cutoff(now) -> dt.datetime:
    """The latest daily digest time at or before ``now`` (``ALERTS_DIGEST_HOUR``, local)."""
    local = timezone.localtime(now)
    today = local.replace(hour=settings.ALERTS_DIGEST_HOUR, minute=0, second=0, microsecond=0)
    return today if local >= today else today - dt.timedelta(days=1)


def _due_subscriptions(now):
    waiting = Alert.objects.filter(subscription=OuterRef("pk"), message__isnull=True)
    due = Subscription.objects.active().filter(Exists(waiting)).select_related("subscriber")
    cutoff = digest_cutoff(now)
    for subscription in due.order_by("pk"):
        if subscription.frequency == Subscription.Frequency.DAILY:
            last = subscription.last_sent_at or subscription.confirmed_at
            if last >= cutoff:
                continue
        yield subscription


def _stale_messages(now):
    stale = now - dt.timedelta(seconds=settings.ALERTS_CLAIM_STALE_SECONDS)
    return list(
        Message.objects.filter(
            sent_at__isnull=True,
            withdrawn=False,
            claimed_at__lte=stale,
            attempts__lt=MAX_ATTEMPTS,
        ).select_related("subscriber")
    )


# -- claiming ------------------------------------------------------------------------------
def _claim(subscription: Subscription, now) -> Message | None:
    """Write the subscription's email and claim its waiting alerts, in one transaction."""
    with transaction.atomic():
        alerts = list(
            Alert.objects.select_for_update(skip_locked=True)
            .filter(subscription=subscription, message__isnull=True)
            .select_related("publication__document__meeting__committee")
            .order_by("publication__public_since", "pk")
        )
        sections, told = [], []
        for alert in alerts:
            found = findings(subscription, alert.publication.document)
            if found:
                sections.append((alert.publication.document, found))
                told.append(alert.pk)
        gone = [alert.pk for alert in alerts if alert.pk not in told]
        Alert.objects.filter(pk__in=gone).delete()  # no longer public: never told
        if not told:
            return None
        message = Message.objects.create(
            subscriber=subscription.subscriber,
            subject=_subject(subscription, sections),
            body=_body(subscription, sections),
            unsubscribe_url=tokens.unsubscribe_url(subscription),
            claimed_at=now,
            attempts=1,
        )
        claimed = Alert.objects.filter(pk__in=told, message__isnull=True).update(message=message)
        if claimed != len(told):  # another worker got there first
            transaction.set_rollback(True)
            return None
        Subscription.objects.filter(pk=subscription.pk).update(last_sent_at=now)
    return message


def _reclaim(message: Message, now) -> bool:
    """Take over a message whose worker stopped before sending it."""
    return bool(
        Message.objects.filter(
            pk=message.pk, sent_at__isnull=True, claimed_at=message.claimed_at
        ).update(claimed_at=now, attempts=message.attempts + 1)
    )


# -- sending -------------------------------------------------------------------------------
def _still_public(message: Message) -> bool:
    papers = Document.objects.filter(
        pk__in=message.alerts.values("publication__document_id")
    ).distinct()
    return papers.count() == papers.filter(pk__in=Document.objects.public()).count()


def _deliver(message: Message, outcome: Outcome) -> None:
    if message.subscriber.stopped_at or not _still_public(message):
        with transaction.atomic():
            Message.objects.filter(pk=message.pk).update(withdrawn=True)
            if not message.subscriber.stopped_at:  # told again, from what is public then
                message.alerts.update(message=None)
        outcome.withdrawn += 1
        return
    try:
        email_for(message).send()
    except Exception:  # the mail server refused or is down: tried again later
        log.exception("alert email %s could not be sent", message.message_id)
        outcome.failed += 1
        return
    Message.objects.filter(pk=message.pk).update(sent_at=timezone.now())
    outcome.sent += 1


def email_for(message: Message) -> EmailMessage:
    host = settings.PORTAL_BASE_URL.split("//", 1)[-1].split("/", 1)[0].split(":")[0]
    headers = {
        "List-Unsubscribe": f"<{message.unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Message-ID": f"<{message.message_id}@{host or 'localhost'}>",
        "Auto-Submitted": "auto-generated",
    }
    return EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.subscriber.email],
        headers=headers,
    )


# -- what the email says -------------------------------------------------------------------
def _subject(subscription, sections) -> str:
    if len(sections) == 1:
        document = sections[0][0]
        return f"{subscription.label[:120]}: {document.title[:120]}"
    return f"{subscription.label[:120]}: {len(sections)} new papers"


def _body(subscription, sections) -> str:
    lines = [f"You follow: {subscription.label}", ""]
    for document, found in sections:
        lines += [
            f"{document.get_kind_display()} published: {document.title}",
            f"{document.meeting}",
            tokens.absolute(document.get_absolute_url()),
            "",
        ]
        for finding in found:
            lines.append(f"  - {finding.title}")
            if finding.snippet:
                lines.append(f"    {finding.snippet}")
            lines += [f"    {tokens.absolute(finding.url)}", ""]
    lines += [
        "-- ",
        f"Manage all your alerts: {tokens.manage_url(subscription.subscriber)}",
        f"Stop this alert: {tokens.unsubscribe_url(subscription)}",
    ]
    return "\n".join(lines)
