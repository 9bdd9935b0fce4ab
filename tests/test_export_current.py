"""The open-data export is always current, and built by the task worker, never by a download.

Any published change (a title, a resolution, a report, attendance, a page, withholding,
publishing) changes the fingerprint the stored export is named by; a staff action asks the
worker for a fresh export; a download serves only the file for the current content.
"""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.management.commands import db_worker

from documents import export_file
from documents.export_file import public_content_fingerprint, regenerate_export
from documents.models import Page
from meetings.models import AgendaItem, Attendance, Report, Resolution
from staff import audit
from tests.api.world import PUBLIC_RESOLUTION, build_world

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_every_published_change_changes_the_fingerprint():
    world = build_world()
    item = world.public_item
    resolution = item.resolutions.get()
    seen = {public_content_fingerprint()}

    def changed(what: str) -> None:
        now = public_content_fingerprint()
        assert now not in seen, what
        seen.add(now)

    item.title = "Fostering plan (corrected)"
    item.save()
    changed("an item's title")
    resolution.text = "That the plan be approved, as amended."
    resolution.save()
    changed("a resolution")
    Report.objects.create(item=item, recommendation="That the plan be approved.")
    changed("a report added")
    report = Report.objects.get(item=item)
    report.recommendation = "That the plan be noted."
    report.save()
    changed("a report corrected")
    attendance = Attendance.objects.get(meeting=world.meeting)
    attendance.note = "Chair"
    attendance.save()
    changed("attendance")
    page = Page.objects.get(document=world.paper, number=1)
    page.text = "Corrected page text"
    page.save()
    changed("a page")
    AgendaItem.objects.filter(pk=item.pk).update(minute_withheld=True)
    changed("a minute withheld")
    AgendaItem.objects.filter(pk=item.pk).update(exempt=True, exempt_paragraph=3)
    changed("an item marked exempt")
    world.paper.is_published = False
    world.paper.save()
    changed("a paper unpublished")
    world.paper.is_published, world.paper.published_at = True, timezone.now()
    world.paper.save()
    changed("a paper published")
    assert len(seen) == 11


def test_a_corrected_resolution_is_in_the_export_at_the_next_download(
    client, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS  # a real queue, drained by the worker below
    world = build_world()
    regenerate_export()  # what the worker wrote after the last publishing
    first = json.loads(body(client.get("/open-data/export.json")))
    assert PUBLIC_RESOLUTION in json.dumps(first)

    clerk = User.objects.create(username="clerk", is_staff=True)
    resolution = Resolution.objects.get(item=world.public_item)
    with django_capture_on_commit_callbacks(execute=True):
        resolution.text = "That the fostering plan be approved as corrected."
        resolution.save()
        audit.record(clerk, audit.Action.CORRECTED, resolution, meeting=world.meeting)

    def built_in_a_download(*args, **kwargs):
        raise AssertionError("the export was built inside a download")

    with monkeypatch.context() as patched:
        patched.setattr(export_file, "build_export", built_in_a_download)
        waiting = client.get("/open-data/export.json")
        # Before the worker has run, the stale file is not served.
        assert waiting.status_code == 503 and waiting["Retry-After"]
        assert PUBLIC_RESOLUTION.encode() not in body(waiting)

    # The worker, as `manage.py db_worker` runs it (here on the test's own connection, which
    # it must not close between tasks).
    with monkeypatch.context() as patched:
        patched.setattr(db_worker, "close_old_connections", lambda: None)
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    with monkeypatch.context() as patched:
        patched.setattr(export_file, "build_export", built_in_a_download)
        text = body(client.get("/open-data/export.json")).decode()
    assert "That the fostering plan be approved as corrected." in text
    assert PUBLIC_RESOLUTION not in text
