"""Subscribe, confirm, hear of what is published once, unsubscribe in one click."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from alerts.models import Subscription
from tests import factories
from tests.alerts.helpers import (
    confirm_from,
    links,
    publish_paper,
    site_path,
    subscribe,
    subscribed,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def archive():
    """A planning committee with papers already public before anyone subscribes."""
    publish_paper(
        pages=["The A228 bypass was first discussed in 2019."], day=factories.dt.date(2025, 1, 8)
    )


def send():
    call_command("send_alerts", stdout=StringIO())


def test_it_tells_of_a_matching_paper_once_and_stops_after_one_click(settings):
    subscribed("q=bypass")
    send()
    assert mail.outbox == []  # the archive was public before the subscription

    paper = publish_paper(pages=["Cover", "Officers recommend the A228 bypass be widened."])
    send()
    assert len(mail.outbox) == 1
    alert = mail.outbox[0]
    assert alert.to == ["resident@example.org"]
    assert paper.title in alert.subject
    page_url = settings.PORTAL_BASE_URL + paper.pages.get(number=2).get_absolute_url()
    assert page_url in links(alert.body)
    assert "**bypass**" in alert.body
    assert "recommend the A228" in alert.body
    send()
    assert len(mail.outbox) == 1  # once only

    unsubscribe = alert.extra_headers["List-Unsubscribe"].strip("<>")
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    clicked = Client(enforce_csrf_checks=True).post(
        site_path(unsubscribe),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert clicked.status_code == 200
    assert Subscription.objects.get().ended_at is not None
    publish_paper(pages=["The bypass again."], day=factories.dt.date(2026, 4, 1))
    send()
    assert len(mail.outbox) == 1


def test_nothing_is_sent_before_confirmation():
    response = subscribe("committee=planning-committee")
    assert response.status_code == 200
    assert len(mail.outbox) == 1  # the confirmation only
    publish_paper(day=factories.dt.date(2026, 5, 1))
    send()
    assert len(mail.outbox) == 1


def test_a_committee_alert_names_the_new_agenda_and_links_to_it(settings):
    subscribed("committee=planning-committee", frequency="immediate")
    other = publish_paper("Cabinet", pages=["Cabinet business"])
    paper = publish_paper(title="Agenda front sheet", day=factories.dt.date(2026, 6, 2))
    send()
    assert len(mail.outbox) == 1
    assert "Agenda front sheet" in mail.outbox[0].subject
    assert settings.PORTAL_BASE_URL + paper.get_absolute_url() in mail.outbox[0].body
    assert other.get_absolute_url() not in mail.outbox[0].body
    confirm_from  # noqa: B018
