"""``manage.py db_worker``: django-tasks-db's worker, which also recovers abandoned uploads
and sends email alerts.

This command takes the place of django-tasks-db's own (the portal app is listed first), with
the same options. Before it takes its first task, and then every heartbeat while it runs,
it queues again any upload whose worker stopped while reading it (see staff.jobs), so
restarting a killed worker is all it takes for the upload to be read. Every heartbeat it
also sends the email alerts that are due (``alerts.sending``).
"""

from __future__ import annotations

import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from alerts.tasks import send_alerts_now
from staff.jobs import Repeating, abandoned_uploads_watch, requeue_abandoned


class Command(db_worker.Command):
    help = (
        "Run the database task worker; uploads whose worker stopped while reading them are "
        "queued again."
    )

    def handle(self, *args, **options):
        reloader_parent = options["reload"] and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        watches = []
        if not reloader_parent:  # the process that runs tasks
            requeue_abandoned()
            if not options["batch"]:
                watches.append(abandoned_uploads_watch().start())
                # Email alerts: every heartbeat, what was published is matched and sent.
                watches.append(Repeating("send-alerts", send_alerts_now).start())
        try:
            super().handle(*args, **options)
        finally:
            for watch in watches:
                watch.stop()
