"""The staff workflow's records move from the ``portal`` app to ``staff``, tables and rows kept.

The tables stay where they are (``portal_ingestjob``, ``portal_auditentry``): this migration
changes only Django's idea of which app owns them, so an existing database upgrades in place.
Their content types move with them, so the permissions on them (and every grant of those
permissions to a group or a person) carry over. Tasks queued under the old module path are
pointed at the new one. Self-contained: it imports no live code.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED_MODELS = ("ingestjob", "auditentry")
TASK_TABLE = "django_tasks_database_dbtaskresult"  # django_tasks_db's results
OLD_TASK, NEW_TASK = "portal.staff.tasks.read_upload", "staff.tasks.read_upload"


def move_content_types(apps, source, target):
    """Give ``source``'s content types of the moved models to ``target``, with their
    permissions; where ``target`` already has one, its permissions take over the grants."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model in MOVED_MODELS:
        old = ContentType.objects.filter(app_label=source, model=model).first()
        if old is None:
            continue
        new = ContentType.objects.filter(app_label=target, model=model).first()
        if new is None:
            old.app_label = target
            old.save(update_fields=["app_label"])
            continue
        for permission in Permission.objects.filter(content_type=old):
            kept = Permission.objects.filter(content_type=new, codename=permission.codename)
            kept = kept.first()
            if kept is None:
                permission.content_type = new
                permission.save(update_fields=["content_type"])
            else:
                for group in permission.group_set.all():
                    group.permissions.add(kept)
                for user in permission.user_set.all():
                    user.user_permissions.add(kept)
                permission.delete()
        old.delete()
    ContentType.objects.clear_cache()


def move_tasks(schema_editor, source, target):
    connection = schema_editor.connection
    if TASK_TABLE not in connection.introspection.table_names():
        return
    table = connection.ops.quote_name(TASK_TABLE)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET task_path = %s WHERE task_path = %s",  # noqa: S608
            [target, source],
        )


def forwards(apps, schema_editor):
    move_content_types(apps, "portal", "staff")
    move_tasks(schema_editor, OLD_TASK, NEW_TASK)


def backwards(apps, schema_editor):
    move_content_types(apps, "staff", "portal")
    move_tasks(schema_editor, NEW_TASK, OLD_TASK)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("portal", "0003_ingestjob_heartbeat"),
        ("meetings", "0001_initial"),
        ("documents", "0002_page_range_holds_paper"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AuditEntry",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("at", models.DateTimeField(auto_now_add=True, db_index=True)),
                        (
                            "username",
                            models.CharField(help_text="Kept if the account is removed", max_length=150),
                        ),
                        (
                            "action",
                            models.CharField(
                                choices=[
                                    ("uploaded", "Uploaded"),
                                    ("corrected", "Corrected"),
                                    ("added", "Added an item"),
                                    ("removed", "Removed an item"),
                                    ("published", "Published"),
                                    ("unpublished", "Unpublished"),
                                    ("exempt", "Marked exempt"),
                                    ("not-exempt", "Marked not exempt"),
                                    ("replaced", "Replaced a paper"),
                                ],
                                max_length=12,
                            ),
                        ),
                        ("subject", models.CharField(help_text="What was acted on", max_length=500)),
                        ("detail", models.TextField(blank=True)),
                        ("warning", models.TextField(blank=True)),
                        (
                            "meeting",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="meetings.meeting",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name_plural": "audit entries",
                        "db_table": "portal_auditentry",
                        "ordering": ["-at", "-pk"],
                        "permissions": [
                            ("publish_meeting", "Can publish and unpublish a meeting's papers")
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="IngestJob",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("created", models.DateTimeField(auto_now_add=True)),
                        ("committee_name", models.CharField(blank=True, max_length=200)),
                        ("date", models.DateField(blank=True, null=True)),
                        ("kind", models.CharField(blank=True, max_length=12)),
                        ("original_filename", models.CharField(max_length=255)),
                        (
                            "upload_path",
                            models.CharField(help_text="The waiting file (random name)", max_length=500),
                        ),
                        ("size", models.PositiveBigIntegerField(default=0)),
                        (
                            "publish",
                            models.BooleanField(default=False, help_text="Publish as soon as it is read"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("queued", "Waiting to be read"),
                                    ("running", "Being read"),
                                    ("ok", "Read"),
                                    ("unchanged", "Already loaded"),
                                    ("failed", "Failed"),
                                ],
                                default="queued",
                                max_length=10,
                            ),
                        ),
                        ("error", models.TextField(blank=True)),
                        ("items", models.PositiveIntegerField(default=0)),
                        ("pages", models.PositiveIntegerField(default=0)),
                        ("started", models.DateTimeField(blank=True, null=True)),
                        ("finished", models.DateTimeField(blank=True, null=True)),
                        (
                            "attempts",
                            models.PositiveSmallIntegerField(
                                default=0, help_text="Times a worker has started reading it"
                            ),
                        ),
                        (
                            "heartbeat",
                            models.DateTimeField(
                                blank=True,
                                help_text="When the worker reading it last showed it was alive",
                                null=True,
                            ),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "document",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="documents.document",
                            ),
                        ),
                        (
                            "meeting",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="meetings.meeting",
                            ),
                        ),
                        (
                            "replaces",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="documents.document",
                            ),
                        ),
                    ],
                    options={"db_table": "portal_ingestjob", "ordering": ["-created", "-pk"]},
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
