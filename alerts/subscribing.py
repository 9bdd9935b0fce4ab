"""Subscribing, confirming and stopping, for the views and commands."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from alerts import ratelimit, tokens
from alerts.models import Subscriber, Subscription
from alerts.targets import Target


class TooMany(Exception):
    """Too many subscription requests from this client or for this address in an hour."""


def normalise(email: str) -> str:
    return email.strip().lower()


def subscribe(target: Target, email: str, frequency: str, client: str | None) -> Subscription:
    """Record an unconfirmed subscription and send its confirmation email; raises TooMany."""
    email = normalise(email)
    limits = {
        f"address:{email}": settings.ALERTS_SUBSCRIBE_PER_ADDRESS_HOUR,
        f"client:{client or ''}": settings.ALERTS_SUBSCRIBE_PER_CLIENT_HOUR,
    }
    if not ratelimit.allow("subscribe", limits):
        raise TooMany
    with transaction.atomic():
        subscriber, _ = Subscriber.objects.get_or_create(email=email)
        fields = target.fields()
        label = fields.pop("label")
        subscription = (
            subscriber.subscriptions.filter(ended_at__isnull=True, **fields).order_by("pk").first()
        )
        if subscription is None:
            subscription = subscriber.subscriptions.create(
                label=label, frequency=frequency, **fields
            )
        elif not subscription.confirmed_at and subscription.frequency != frequency:
            subscription.frequency = frequency
            subscription.save(update_fields=["frequency"])
    if subscriber.stopped_at is None:  # a bouncing address is sent nothing, this included
        send_confirmation(subscription)
    return subscription


def send_confirmation(subscription: Subscription) -> None:
    days = settings.ALERTS_CONFIRM_DAYS
    body = "\n".join(
        [
            f"Confirm your email alert from {settings.PORTAL_ORGANISATION}:",
            "",
            tokens.confirm_url(subscription),
            "",
            f"You asked to follow: {subscription.label}",
            f"How often: {subscription.get_frequency_display().lower()}.",
            "",
            f"The link works for {days} days. If you did not ask for this, ignore this email:",
            "nothing is sent until the link is followed.",
        ]
    )
    send_mail(
        f"Confirm your alert: {subscription.label[:150]}",
        body,
        settings.DEFAULT_FROM_EMAIL,
        [subscription.subscriber.email],
    )


def confirm(subscription: Subscription) -> None:
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.ended_at = None
        subscription.save(update_fields=["confirmed_at", "ended_at"])


def end(subscriptions) -> int:
    return subscriptions.filter(ended_at__isnull=True).update(ended_at=timezone.now())


def stop_addresses(emails: list[str], reason: str) -> int:
    """Mark addresses as bouncing or complained: they are sent nothing more."""
    return Subscriber.objects.filter(
        email__in=[normalise(e) for e in emails], stopped_at__isnull=True
    ).update(stopped_at=timezone.now(), stopped_reason=reason[:200])
