"""What alerts refuse, withhold and limit: exempt papers, bad links, floods, bounces, digests."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from alerts import sending
from alerts.models import Subscriber, Subscription
from councillors.models import RecordedVote
from meetings.models import Attendance, Person
from tests import factories
from tests.alerts.helpers import links, publish_paper, site_path, subscribe, subscribed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def archive():
    publish_paper(pages=["Older business."], day=dt.date(2025, 1, 8))


def send():
    call_command("send_alerts", stdout=StringIO())


def test_an_exempt_paper_or_page_is_never_told(settings):
    subscribed("q=compensation")
    subscribed("committee=planning-committee", email="other@example.org")
    publish_paper(pages=["Compensation terms for the tenant."], is_exempt=True)
    meeting = factories.meeting("Planning Committee", dt.date(2026, 7, 1))
    pack = factories.document(meeting, pages=["Agenda", "Compensation: confidential figures."])
    exempt = factories.item(meeting, "Land at Mill Lane", exempt=True, source=pack)
    factories.page_range(exempt, pack, 2, 2).__class__.objects.filter(item=exempt).update(
        holds_paper=True
    )
    send()
    # The committee hears of the open pack (not the exempt paper); the search of nothing.
    assert [m.to for m in mail.outbox] == [["other@example.org"]]
    assert "confidential figures" not in mail.outbox[0].body
    assert "Compensation terms" not in mail.outbox[0].body


def test_an_unpublished_paper_is_told_only_once_published():
    subscribed("committee=planning-committee")
    draft = publish_paper(is_published=False, title="Draft minutes")
    send()
    assert mail.outbox == []
    draft.is_published, draft.published_at = True, timezone.now()
    draft.save()
    send()
    assert len(mail.outbox) == 1
    assert "Draft minutes" in mail.outbox[0].subject


def test_a_link_altered_or_expired_does_nothing(settings):
    subscribe("committee=planning-committee")
    confirm = site_path(links(mail.outbox[0].body)[0])
    assert Client().get(confirm[:-3] + "xx/").status_code == 400
    settings.ALERTS_CONFIRM_DAYS = 0
    assert Client().get(confirm).status_code == 400
    assert Subscription.objects.get().confirmed_at is None


def test_unknown_or_hidden_targets_are_refused():
    factories.meeting("Secret Panel", dt.date(2026, 1, 1), is_published=False)
    for query in ("committee=secret-panel", "committee=nope", "person=nobody", "item=999"):
        assert Client().get(f"/alerts/new/?{query}").status_code == 400


def test_subscribing_is_rate_limited_per_address_and_per_client(settings):
    settings.ALERTS_SUBSCRIBE_PER_ADDRESS_HOUR = 2
    settings.ALERTS_SUBSCRIBE_PER_CLIENT_HOUR = 3
    codes = [subscribe("committee=planning-committee").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert len(mail.outbox) == 2
    # Another address from the same client: one more, then the client is paused.
    assert subscribe("q=roads", email="b@example.org").status_code == 200
    assert subscribe("q=roads", email="c@example.org").status_code == 429
    # Elsewhere, a fresh address is welcome.
    assert subscribe("q=roads", email="d@example.org", address="198.51.100.9").status_code == 200


def test_a_bouncing_address_is_sent_nothing_more():
    subscribed("committee=planning-committee")
    out = StringIO()
    call_command("stop_alerts", "Resident@Example.org", "--reason", "bounce", stdout=out)
    assert "1 of 1" in out.getvalue()
    publish_paper(day=dt.date(2026, 8, 3))
    send()
    assert mail.outbox == []
    subscribe("committee=planning-committee")
    assert mail.outbox == []  # not even a confirmation


def test_a_daily_digest_waits_for_its_hour(settings):
    settings.ALERTS_DIGEST_HOUR = 7
    subscribed("committee=planning-committee", frequency="daily")
    subscription = Subscription.objects.get()
    morning = timezone.make_aware(dt.datetime(2030, 3, 4, 6, 0))
    yesterdays_digest = morning - dt.timedelta(hours=22, minutes=55)  # 07:05 the day before
    Subscription.objects.update(confirmed_at=timezone.now(), last_sent_at=yesterdays_digest)
    publish_paper(title="First paper", day=dt.date(2030, 3, 1))
    publish_paper(title="Second paper", day=dt.date(2030, 3, 2))
    sending.send_due(morning)
    assert mail.outbox == []
    sending.send_due(morning + dt.timedelta(hours=1, minutes=5))
    assert len(mail.outbox) == 1
    assert "2 new papers" in mail.outbox[0].subject
    assert "First paper" in mail.outbox[0].body and "Second paper" in mail.outbox[0].body
    sending.send_due(morning + dt.timedelta(hours=3))
    assert len(mail.outbox) == 1
    assert subscription.subscriber.messages.count() == 1


def test_a_person_alert_tells_of_their_attendance(settings):
    person = Person.objects.create(name="Councillor Ann Example")
    old = factories.meeting("Planning Committee", dt.date(2025, 2, 2))
    Attendance.objects.create(meeting=old, person=person, role="present")
    subscribed(f"person={person.slug}")
    minutes = publish_paper(title="Minutes", kind="minutes", day=dt.date(2026, 2, 2))
    Attendance.objects.create(
        meeting=minutes.meeting, person=person, role="apologies", source=minutes
    )
    item = factories.item(minutes.meeting, "Parking charges", source=minutes)
    vote = RecordedVote.objects.create(
        item=item, question="The motion", result="carried", source=minutes
    )
    vote.casts.create(position="against", name="Cllr A Example", person=person)
    publish_paper(title="Unrelated", day=dt.date(2026, 2, 3))
    send()
    assert len(mail.outbox) == 1
    assert "Councillor Ann Example: Apologies" in mail.outbox[0].body
    assert "Voted against: Parking charges" in mail.outbox[0].body
    assert settings.PORTAL_BASE_URL + minutes.meeting.get_absolute_url() in mail.outbox[0].body


def test_a_matter_alert_tells_when_it_comes_back(settings):
    first = factories.meeting("Planning Committee", dt.date(2025, 3, 3))
    item = factories.item(first, "A228 Bypass: Route Options 24/00093")
    subscribed(f"item={item.pk}")
    later = factories.meeting("Cabinet", dt.date(2026, 3, 3))
    pack = factories.document(later)
    back = factories.item(later, "Decision 24/00093: A228 route", source=pack)
    factories.item(later, "Something else entirely", source=pack)
    send()
    assert len(mail.outbox) == 1
    assert settings.PORTAL_BASE_URL + back.get_absolute_url() in mail.outbox[0].body
    assert "Something else" not in mail.outbox[0].body


def test_manage_page_changes_and_stops_alerts():
    subscribed("committee=planning-committee")
    subscribed("q=library")
    publish_paper(pages=["The library opens on Sundays."], day=dt.date(2026, 9, 9))
    send()
    manage = next(u for u in links(mail.outbox[0].body) if "/alerts/manage/" in u)
    client = Client()
    page = client.get(site_path(manage))
    assert page.status_code == 200
    assert "Planning Committee" in page.content.decode()
    stopped = client.post(site_path(manage), {"action": "stop_all"})
    assert "Stopped 2 alert(s)." in stopped.content.decode()
    assert not Subscription.objects.active().exists()
    assert Subscriber.objects.count() == 1


def test_every_saved_search_has_a_feed():
    publish_paper(pages=["Home to school transport policy."], day=dt.date(2026, 9, 1))
    for ext in ("rss", "atom"):
        feed = Client().get(f"/feeds/search.{ext}?q=school+transport")
        assert feed.status_code == 200
        assert "school transport" in feed.content.decode().lower()
        assert "/documents/" in feed.content.decode()
    assert Client().get("/feeds/search.rss?q=").status_code == 404


def test_staff_see_counts_per_committee_and_no_address(admin_client):
    subscribed("committee=planning-committee")
    subscribed("committee=planning-committee", email="second@example.org")
    page = admin_client.get("/staff/alerts/").content.decode()
    assert '<th scope="row">Planning Committee</th><td>2</td>' in page
    assert "example.org" not in page
    assert Client().get("/staff/alerts/").status_code == 302
