"""A database made when the staff records belonged to the ``portal`` app upgrades in place:
its upload jobs, audit log, permission grants and queued tasks all survive the move to
``staff`` and of the publishing permission to ``meetings.Meeting``."""

from __future__ import annotations

import datetime as dt
import importlib
import uuid

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from staff.models import AuditEntry, IngestJob
from staff.permissions import GROUP_NAME, PUBLISH, UPLOAD, missing_permissions

# Where main stood before the move: staff's records in ``portal``, no ``staff`` app.
BEFORE = [("staff", None), ("portal", "0003_ingestjob_heartbeat")]
OLD_TASK = "portal.staff.tasks.read_upload"


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    return executor.migrate(targets).apps


def leaves():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def old_world(apps) -> dict:
    """What an officer had made before the upgrade, written with the models of the time."""
    ContentType_ = apps.get_model("contenttypes", "ContentType")
    Permission_ = apps.get_model("auth", "Permission")
    Group_ = apps.get_model("auth", "Group")
    User_ = apps.get_model("auth", "User")
    assert not ContentType_.objects.filter(app_label="staff").exists()
    # The group as portal's migration made it (a flushed test database may have lost it).
    made_then = importlib.import_module("portal.migrations.0002_democratic_services_group")
    Group_.objects.filter(name=GROUP_NAME).delete()
    made_then.create_group(apps, None)
    publish = Permission_.objects.get(
        content_type__app_label="portal",
        content_type__model="auditentry",
        codename="publish_meeting",
    )
    upload = Permission_.objects.get(content_type__app_label="portal", codename="add_ingestjob")
    group = Group_.objects.create(name="Cabinet clerks")
    group.permissions.add(publish, upload)
    clerk = User_.objects.create(username="clerk", is_staff=True)
    clerk.user_permissions.add(publish)
    job = apps.get_model("portal", "IngestJob").objects.create(
        original_filename="cabinet-agenda.pdf",
        upload_path="/srv/incoming/0f3a.pdf",
        size=12345,
        committee_name="Cabinet",
        date=dt.date(2030, 1, 10),
        status="failed",
        error="not a PDF",
        attempts=2,
        created_by=clerk,
    )
    entry = apps.get_model("portal", "AuditEntry").objects.create(
        user=clerk, username="clerk", action="published", subject="Cabinet, 10 January 2030"
    )
    task = uuid.uuid4()
    DBTaskResult.objects.create(  # its own app and table are not part of the move
        id=task,
        args_kwargs={"args": [job.pk], "kwargs": {}},
        task_path=OLD_TASK,
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )
    return {"job": job.pk, "entry": entry.pk, "clerk": clerk.pk, "task": task}


@pytest.mark.django_db(transaction=True)
def test_staff_records_and_grants_survive_the_move_to_the_staff_app():
    made = old_world(migrate(BEFORE))
    migrate(leaves())
    ContentType.objects.clear_cache()

    job = IngestJob.objects.get(pk=made["job"])
    assert (job.original_filename, job.size, job.status, job.attempts) == (
        "cabinet-agenda.pdf",
        12345,
        "failed",
        2,
    )
    assert job.created_by.username == "clerk"
    entry = AuditEntry.objects.get(pk=made["entry"])
    assert (entry.username, entry.action, entry.subject) == (
        "clerk",
        "published",
        "Cabinet, 10 January 2030",
    )

    clerk = User.objects.get(pk=made["clerk"])
    assert clerk.has_perm(PUBLISH) and not clerk.has_perm(UPLOAD)
    group = Group.objects.get(name="Cabinet clerks")
    held = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert held == {("meetings", "publish_meeting"), ("staff", "add_ingestjob")}
    assert missing_permissions(Group.objects.get(name=GROUP_NAME)) == []
    assert Permission.objects.filter(codename="publish_meeting").count() == 1
    assert not ContentType.objects.filter(app_label="portal").exists()

    assert DBTaskResult.objects.get(pk=made["task"]).task_path == "staff.tasks.read_upload"
