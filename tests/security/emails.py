"""Alert emails in the leak tests: an address that follows everything, and what it was sent.

The follower subscribes (confirmed long before anything was published) to every committee,
every person and every agenda item's matter, hidden ones included (which the subscribe page
itself refuses), and to saved searches that together ask for every given word. Labels are
neutral so that an email can only show a secret it read from a paper.
"""

from __future__ import annotations

import datetime as dt
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django.utils.http import urlencode

from alerts.models import Subscriber
from documents.search.query import MAX_QUERY_LENGTH
from meetings.models import AgendaItem, Committee, Person

LONG_AGO = timezone.make_aware(dt.datetime(2000, 1, 1))


def follow_everything(search_words: list[str]) -> int:
    follower = Subscriber.objects.create(email="follower@example.org")
    targets = [{"kind": "committee", "committee": c} for c in Committee.objects.all()]
    targets += [{"kind": "person", "person": p} for p in Person.objects.all()]
    targets += [{"kind": "matter", "item": i} for i in AgendaItem.objects.all()]
    targets += [{"kind": "search", "query": urlencode({"q": q})} for q in _either(search_words)]
    for number, target in enumerate(targets):
        follower.subscriptions.create(label=f"alert {number}", confirmed_at=LONG_AGO, **target)
    return len(targets)


def _either(words: list[str], longest: int = MAX_QUERY_LENGTH) -> list[str]:
    """The words as few searches as a search's length allows: ``a or b or c``."""
    searches = [""]
    for word in words:
        joined = f"{searches[-1]} or {word}" if searches[-1] else word
        if len(joined) > longest:
            searches.append(word)
        else:
            searches[-1] = joined
    return [search for search in searches if search]


def send_alerts() -> str:
    """Send what is due; every email sent so far, headers and all, as one text."""
    call_command("send_alerts", stdout=StringIO())
    return "\n".join(readable(message) for message in mail.outbox)


def readable(message) -> str:
    """An email's headers, subject and body as its reader sees them (not quoted-printable)."""
    headers = "\n".join(f"{k}: {v}" for k, v in message.extra_headers.items())
    return f"{headers}\nSubject: {message.subject}\nTo: {message.to}\n\n{message.body}"
