"""Create or repair the "Democratic services" group (safe to run at any time)."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand

from staff.permissions import GROUP_NAME, missing_permissions, sync_group


class Command(BaseCommand):
    help = f'Create or repair the "{GROUP_NAME}" group with the permissions staff work needs.'

    def handle(self, *args, **options):
        for app_config in apps.get_app_configs():
            create_permissions(app_config, verbosity=0)
        group = sync_group(Group, Permission)
        missing = missing_permissions(group)
        self.stdout.write(f'"{group.name}": {group.permissions.count()} permissions')
        if missing:
            self.stderr.write("missing (run migrate first): " + ", ".join(missing))
