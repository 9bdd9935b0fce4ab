"""A worker killed between claiming an alert email and handing it to the mail server: the
next run sends that email, and every alert reaches its subscriber once."""

from __future__ import annotations

import threading

import pytest

from tests import subprocess_ingest as sub
from tests.alerts.smtp import smtp_server

SUBSCRIBERS = ["one@example.org", "two@example.org", "three@example.org"]
WORLD = f"""
import datetime as dt
from django.utils import timezone
from alerts.models import Subscriber
from tests import factories

committee = factories.committee("Planning Committee")
factories.meeting("Planning Committee", dt.date(2025, 1, 8))  # public before anyone subscribed
for email in {SUBSCRIBERS!r}:
    Subscriber.objects.create(email=email).subscriptions.create(
        kind="committee", committee=committee, label=committee.name,
        confirmed_at=timezone.now() - dt.timedelta(hours=1),
    )
factories.document(
    factories.meeting("Planning Committee", dt.date(2026, 3, 4)), title="Agenda front sheet"
)
"""


@pytest.fixture
def db(tmp_path):
    yield from sub.fresh_database(tmp_path / "site")


def test_a_killed_worker_sends_each_alert_once_when_restarted(db):
    sub.run(db, "shell", "-c", WORLD)
    with smtp_server() as (inbox, port):
        # A generous timeout: on a busy machine the server may be slow to answer.
        mail_env = {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(port), "EMAIL_TIMEOUT": "300"}
        worker = sub.start(db, "send_alerts", **mail_env)
        killed = threading.Event()

        def kill_the_worker_mid_send(envelope):
            if not killed.is_set():
                sub.kill(worker)  # the email is claimed and on its way: the worker dies
                killed.set()
                return "451 4.3.0 Try again later"
            return None

        inbox.before_accept = kill_the_worker_mid_send
        worker.wait(timeout=sub.WAIT_SECONDS)
        if not killed.is_set():  # it ended without sending: say why
            out, err = worker.communicate(timeout=sub.WAIT_SECONDS)
            raise AssertionError(f"send_alerts exited {worker.returncode}:\n{out}\n{err}")
        assert inbox.messages == []
        # One email was claimed (its alert with it) and none sent.
        assert db.rows("SELECT count(*) FROM alerts_message WHERE sent_at IS NULL") == [(1,)]
        assert db.count("alerts_alert") == 3

        # Restarted (a claim this old is abandoned), then run again for good measure.
        sub.run(db, "send_alerts", ALERTS_CLAIM_STALE_SECONDS="0", **mail_env)
        sub.run(db, "send_alerts", ALERTS_CLAIM_STALE_SECONDS="0", **mail_env)

    assert sorted(m["To"] for m in inbox.messages) == sorted(SUBSCRIBERS)
    assert all("Agenda front sheet" in m["Subject"] for m in inbox.messages)
    assert db.rows("SELECT count(*) FROM alerts_message WHERE sent_at IS NULL") == [(0,)]
    assert db.count("alerts_message") == 3
