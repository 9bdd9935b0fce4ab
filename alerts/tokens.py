"""Signed links: confirm a subscription (expires), manage an address's alerts, unsubscribe.

Links carry ids signed with the site's SECRET_KEY (django.core.signing), so nothing needs
storing and nobody can make a link for another address.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

CONFIRM, MANAGE, UNSUBSCRIBE = "alerts.confirm", "alerts.manage", "alerts.unsubscribe"


class BadLink(Exception):
    """A link that was altered, or has expired."""


def make(purpose: str, pk: int) -> str:
    return signing.dumps(pk, salt=purpose, compress=False)


def read(purpose: str, token: str, max_age: int | None = None) -> int:
    try:
        return int(signing.loads(token, salt=purpose, max_age=max_age))
    except (signing.BadSignature, TypeError, ValueError) as exc:
        raise BadLink(str(exc)) from exc


def absolute(path: str) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + path


def confirm_url(subscription) -> str:
    return absolute(reverse("alerts:confirm", args=[make(CONFIRM, subscription.pk)]))


def manage_url(subscriber) -> str:
    return absolute(reverse("alerts:manage", args=[make(MANAGE, subscriber.pk)]))


def unsubscribe_url(subscription) -> str:
    return absolute(reverse("alerts:unsubscribe", args=[make(UNSUBSCRIBE, subscription.pk)]))


def confirm_max_age() -> int:
    return settings.ALERTS_CONFIRM_DAYS * 24 * 60 * 60
