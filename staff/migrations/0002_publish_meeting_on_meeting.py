"""Permission to publish belongs to the meeting (``meetings.publish_meeting``), not the audit log.

Every group and person granted the old permission (on the audit log's content type) is granted
the new one, and the old one goes. Self-contained: it imports no live code.
"""

from django.conf import settings
from django.db import migrations

CODENAME = "publish_meeting"
NAME = "Can publish and unpublish a meeting's papers"


def move_permission(apps, source: tuple[str, str], target: tuple[str, str]):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    olds = Permission.objects.filter(
        codename=CODENAME,
        content_type__app_label=source[0],
        content_type__model=source[1],
    )
    if not olds.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(app_label=target[0], model=target[1])
    new, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": NAME}
    )
    for old in olds:
        for group in Group.objects.filter(permissions=old):
            group.permissions.add(new)
        for user in User.objects.filter(user_permissions=old):
            user.user_permissions.add(new)
        old.delete()


def forwards(apps, schema_editor):
    move_permission(apps, ("staff", "auditentry"), ("meetings", "meeting"))


def backwards(apps, schema_editor):
    move_permission(apps, ("meetings", "meeting"), ("staff", "auditentry"))


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0001_initial"),
        ("meetings", "0004_publish_meeting_permission"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="auditentry",
            options={"ordering": ["-at", "-pk"], "verbose_name_plural": "audit entries"},
        ),
        migrations.RunPython(forwards, backwards),
    ]
