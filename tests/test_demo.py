"""The README's first command: `manage.py demo` loads a living council and its open data."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from meetings.models import Committee, Meeting

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_demo_loads_dorset_and_eastmere_and_its_export_is_ready(settings, tmp_path, client):
    settings.DATA_DIR = tmp_path / "data"
    out = io.StringIO()
    call_command("demo", "--no-serve", stdout=out)

    assert "FAILED" not in out.getvalue()
    names = set(Committee.objects.values_list("name", flat=True))
    assert {"Cabinet", "People and Health Overview Committee"} & names
    assert Meeting.objects.published().count() >= 20

    response = client.get(reverse("export-download"))
    assert response.status_code == 200
    export = json.loads(b"".join(response.streaming_content))
    assert len(export["meetings"]) == Meeting.objects.published().count()

    again = io.StringIO()
    call_command("demo", "--no-serve", stdout=again)
    assert "unchanged" in again.getvalue() and "FAILED" not in again.getvalue()


def test_the_demo_makes_a_staff_account_and_says_how_to_sign_in(settings, tmp_path):
    from django.contrib.auth.models import User

    from staff.permissions import GROUP_NAME

    settings.DATA_DIR = tmp_path / "data"
    out = io.StringIO()
    call_command("demo", "--no-serve", stdout=out)

    clerk = User.objects.get(username="clerk")
    assert clerk.is_staff and clerk.groups.filter(name=GROUP_NAME).exists()
    password = (settings.DATA_DIR / "demo-staff.txt").read_text().strip()
    assert f"sign in as clerk, password {password}" in out.getvalue()
    assert clerk.check_password(password)
