"""manage.py add_staff: an account becomes a Democratic services officer, or stops being one."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from staff.permissions import GROUP_NAME

PASSWORD = "a long enough password 42"


def test_it_puts_an_existing_account_in_the_group_so_it_can_use_the_staff_pages(db):
    user = User.objects.create_user("jo", password=PASSWORD)
    client = Client()
    client.force_login(user)
    assert client.get(reverse("staff:upload")).status_code in (302, 403)

    call_command("add_staff", "jo")

    user.refresh_from_db()
    assert user.is_staff and user.groups.filter(name=GROUP_NAME).exists()
    assert client.get(reverse("staff:upload")).status_code == 200


def test_it_makes_the_account_with_a_password_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("STAFF_PASSWORD", PASSWORD)
    call_command("add_staff", "sam", "--create")
    assert User.objects.get(username="sam").check_password(PASSWORD)
    assert User.objects.get(username="sam").groups.filter(name=GROUP_NAME).exists()


def test_it_refuses_an_unknown_account_or_a_weak_password(db, monkeypatch):
    with pytest.raises(CommandError, match="add --create"):
        call_command("add_staff", "nobody")
    monkeypatch.setenv("STAFF_PASSWORD", "123")
    with pytest.raises(CommandError):
        call_command("add_staff", "nobody", "--create")
    assert not User.objects.filter(username="nobody").exists()


def test_it_takes_an_account_out_again(db):
    User.objects.create_user("jo", password=PASSWORD)
    call_command("add_staff", "jo")
    call_command("add_staff", "jo", "--remove")
    user = User.objects.get(username="jo")
    assert not user.is_staff and not user.groups.exists()
