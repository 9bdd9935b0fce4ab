"""The alerts the task worker sends: every heartbeat, and as a task that can be queued."""

from __future__ import annotations

import logging

from django.tasks import task

log = logging.getLogger(__name__)


@task()
def send_alerts() -> str:
    from alerts.sending import send_due

    return str(send_due())


def send_alerts_now() -> None:
    """For the worker's heartbeat: send what is due, logging what was sent."""
    from alerts.sending import send_due

    outcome = send_due()
    if outcome.sent or outcome.failed:
        log.info("alerts: %s", outcome)
