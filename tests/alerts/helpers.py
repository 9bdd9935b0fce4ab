"""Shared steps for the alert tests: subscribe through the page, confirm from the email."""

from __future__ import annotations

import datetime as dt
import re

from django.conf import settings
from django.core import mail
from django.test import Client

from tests import factories

LINK = re.compile(r"https?://\S+")


def links(body: str) -> list[str]:
    return LINK.findall(body)


def site_path(url: str) -> str:
    assert url.startswith(settings.PORTAL_BASE_URL), url
    return url[len(settings.PORTAL_BASE_URL.rstrip("/")) :]


def subscribe(query: str, email="resident@example.org", address="192.0.2.10", **data):
    client = Client(REMOTE_ADDR=address)
    page = client.get(f"/alerts/new/?{query}")
    assert page.status_code == 200, page.content.decode()[:500]
    return client.post(f"/alerts/new/?{query}", {"email": email, **data})


def confirm_from(message) -> None:
    """Follow the first link in the email that starts with the site's address."""
    first = next(u for u in links(message.body) if u.startswith(settings.PORTAL_BASE_URL))
    response = Client().get(site_path(first))
    assert response.status_code == 200, response.content.decode()[:500]
    assert "Your alert is on" in response.content.decode()


def subscribed(query: str, email="resident@example.org", **data):
    before = len(mail.outbox)
    response = subscribe(query, email, **data)
    assert response.status_code == 200
    assert len(mail.outbox) == before + 1
    confirm_from(mail.outbox[-1])
    mail.outbox.clear()


def publish_paper(committee="Planning Committee", pages=None, day=dt.date(2026, 3, 4), **fields):
    meeting = factories.meeting(committee, day)
    return factories.document(meeting, pages=pages or ["Nothing of note."], **fields)
