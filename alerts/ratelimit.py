"""Rate limits kept in the database, so every web process counts the same attempts.

An action (subscribing, a password reset) is allowed while each of its keys (the email
address asked for, the client address) has had fewer than its limit of attempts in the last
hour. Keys are stored hashed with the site's secret: the table never holds an address.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.utils import timezone

from alerts.models import Attempt

WINDOW = dt.timedelta(hours=1)


def _hashed(value: str) -> str:
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, value.strip().lower().encode(), hashlib.sha256).hexdigest()


def allow(action: str, limits: dict[str, int]) -> bool:
    """Record one attempt at ``action`` by each key, unless a key is at its limit
    (``{key: attempts allowed per hour}``; an empty key is not counted)."""
    now = timezone.now()
    Attempt.objects.filter(action=action, at__lt=now - WINDOW).delete()
    keys = {_hashed(key): limit for key, limit in limits.items() if key}
    for key, limit in keys.items():
        if Attempt.objects.filter(action=action, key=key, at__gte=now - WINDOW).count() >= limit:
            return False
    Attempt.objects.bulk_create([Attempt(action=action, key=key, at=now) for key in keys])
    return True
