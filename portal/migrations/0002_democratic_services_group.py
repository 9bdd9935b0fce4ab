"""Create the "Democratic services" group with exactly the permissions the staff work needs.

The permissions are those of the time, written out here: a migration never imports live code,
so what it builds cannot change under it. Later migrations (``staff``) carry them forward.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

GROUP_NAME = "Democratic services"
GROUP_PERMISSIONS = {
    "meetings": [
        "add_committee",
        "change_committee",
        "view_committee",
        "add_meeting",
        "change_meeting",
        "view_meeting",
        "add_agendaitem",
        "change_agendaitem",
        "delete_agendaitem",
        "view_agendaitem",
        "add_report",
        "change_report",
        "delete_report",
        "view_report",
        "add_resolution",
        "change_resolution",
        "delete_resolution",
        "view_resolution",
        "add_person",
        "change_person",
        "view_person",
        "add_attendance",
        "change_attendance",
        "delete_attendance",
        "view_attendance",
        "add_declaration",
        "change_declaration",
        "delete_declaration",
        "view_declaration",
    ],
    "documents": [
        "view_document",
        "change_document",
        "view_page",
        "add_pagerange",
        "change_pagerange",
        "delete_pagerange",
        "view_pagerange",
    ],
    "portal": ["add_ingestjob", "view_ingestjob", "view_auditentry", "publish_meeting"],
}


def create_group(apps, schema_editor):
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    # Permissions are normally made after every migration has run; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    wanted = Q(pk__in=[])
    for app_label, codenames in GROUP_PERMISSIONS.items():
        wanted |= Q(content_type__app_label=app_label, codename__in=codenames)
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.set(Permission.objects.filter(wanted))


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_staff_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("meetings", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
