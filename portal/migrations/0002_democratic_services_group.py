"""Create the "Democratic services" group with exactly the permissions the staff work needs."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_group(apps, schema_editor):
    from portal.staff.permissions import sync_group

    # Permissions are normally made after every migration has run; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_group(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Democratic services").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_staff_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("meetings", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
