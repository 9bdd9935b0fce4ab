"""python manage.py add_staff USERNAME: make an account a Democratic services officer.

Marks the account as staff and puts it in the "Democratic services" group (repaired first, as
``setup_groups`` does), so it can upload, correct and publish on /staff/. ``--create`` makes
the account when there is none, with a password typed at the prompt or given in the
``STAFF_PASSWORD`` environment variable (never on the command line, where others can see it).
``--remove`` takes the account out of the group and off the staff pages again.
"""

from __future__ import annotations

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from staff.permissions import GROUP_NAME, sync_group


class Command(BaseCommand):
    help = f'Make an account staff and put it in the "{GROUP_NAME}" group.'

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--create",
            action="store_true",
            help="make the account if there is none (password from STAFF_PASSWORD or a prompt)",
        )
        parser.add_argument(
            "--remove", action="store_true", help="take the account out of the group instead"
        )

    def handle(self, *args, username, create, remove, **options):
        users = get_user_model()
        group = sync_group(Group, Permission)
        user = users.objects.filter(username=username).first()
        if user is None and create and not remove:
            user = users(username=username, is_staff=True)
            user.set_password(self._password(user))
            user.save()
            self.stdout.write(f"Made the account {username}.")
        elif user is None:
            hint = "" if remove else " (add --create to make it)"
            raise CommandError(f"There is no account named {username}{hint}.")
        if remove:
            user.groups.remove(group)
            if not user.is_superuser:
                user.is_staff = False
                user.save(update_fields=["is_staff"])
            self.stdout.write(f'{username} is no longer in "{GROUP_NAME}".')
            return
        if not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        user.groups.add(group)
        self.stdout.write(f'{username} is staff and in "{GROUP_NAME}": sign in at /staff/.')

    def _password(self, user) -> str:
        password = os.environ.get("STAFF_PASSWORD")
        if not password:
            password = getpass.getpass(f"Password for {user.username}: ")
            if password != getpass.getpass("The same password again: "):
                raise CommandError("The two passwords differ; nothing was changed.")
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        return password
