"""End to end through a real SMTP server on loopback: the resident's whole journey."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from tests.alerts.helpers import links, publish_paper, site_path, subscribe
from tests.alerts.smtp import smtp_mailers, smtp_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def inbox(settings):
    with smtp_server() as (inbox, port):
        settings.MAILERS = smtp_mailers(port)
        yield inbox


def send_alerts():
    call_command("send_alerts", stdout=StringIO())


def test_subscribe_confirm_receive_once_unsubscribe_then_nothing(inbox, settings):
    publish_paper(pages=["School transport was reviewed last year."], day=dt.date(2025, 2, 3))

    page = Client().get("/search/?q=school+transport")
    assert 'href="/alerts/new/?q=school+transport"' in page.content.decode()
    response = subscribe("q=school+transport", email="parent@example.org")
    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    assert len(inbox.messages) == 1
    confirmation = inbox.messages[0]
    assert confirmation["To"] == "parent@example.org"
    first = next(u for u in links(inbox.bodies()[0]) if u.startswith(settings.PORTAL_BASE_URL))
    assert Client().get(site_path(first)).status_code == 200

    paper = publish_paper(
        pages=["Home to school transport: the new policy for September."], day=dt.date(2026, 9, 1)
    )
    send_alerts()
    send_alerts()
    assert len(inbox.messages) == 2  # the confirmation and exactly one alert
    alert, body = inbox.messages[1], inbox.bodies()[1]
    assert settings.PORTAL_BASE_URL + paper.pages.get().get_absolute_url() in links(body)
    assert "**school** **transport**" in body
    assert "the new policy for September" in body
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = alert["List-Unsubscribe"].strip("<>")

    clicked = Client(enforce_csrf_checks=True).post(
        site_path(unsubscribe),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert clicked.status_code == 200
    publish_paper(pages=["School transport appeals."], day=dt.date(2026, 10, 6))
    send_alerts()
    assert len(inbox.messages) == 2
