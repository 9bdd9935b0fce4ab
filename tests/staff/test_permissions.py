"""Every staff page: anonymous visitors sign in first; only Democratic services may use it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from staff.permissions import GROUP_NAME, GROUP_PERMISSIONS
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    meeting = factories.meeting(date=dt.date(2030, 1, 10), is_published=False)
    item = factories.item(meeting, number="4")
    document = factories.document(meeting, is_published=False)
    return {"meeting": meeting.pk, "item": item.pk, "document": document.pk}


# (url name, which object's pk, method, form data for a POST)
STAFF_VIEWS = [
    ("staff:dashboard", None, "get", None),
    ("staff:upload", None, "get", None),
    ("staff:upload", None, "post", {}),
    ("staff:jobs", None, "get", None),
    ("staff:audit", None, "get", None),
    ("staff:meeting", "meeting", "get", None),
    ("staff:meeting", "meeting", "post", {}),
    ("staff:meeting-edit", "meeting", "get", None),
    ("staff:meeting-upload", "meeting", "get", None),
    ("staff:item-add", "meeting", "post", {"new-title": "Any other business"}),
    ("staff:attendance", "meeting", "get", None),
    ("staff:publish", "meeting", "post", {}),
    ("staff:unpublish", "meeting", "post", {}),
    ("staff:item", "item", "get", None),
    ("staff:item", "item", "post", {}),
    ("staff:document", "document", "get", None),
    ("staff:document-pdf", "document", "get", None),
    ("staff:document-publish", "document", "post", {"publish": "1"}),
    ("staff:document-exempt", "document", "post", {"exempt": "1"}),
]
IDS = [f"{method}-{name}" for name, _, method, _ in STAFF_VIEWS]


def request(client, world, name, target, method, data):
    url = reverse(name, args=[world[target]] if target else [])
    return url, getattr(client, method)(url, data or {})


@pytest.mark.parametrize("name,target,method,data", STAFF_VIEWS, ids=IDS)
def test_it_sends_anonymous_visitors_to_sign_in(client, world, name, target, method, data):
    url, response = request(client, world, name, target, method, data)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name,target,method,data", STAFF_VIEWS, ids=IDS)
@pytest.mark.parametrize("who", ["ordinary_user", "staff_without_group", "group_but_not_staff"])
def test_it_refuses_everyone_outside_democratic_services(
    request_fixture, world, who, name, target, method, data
):
    client = Client()
    client.force_login(request_fixture(who))
    _, response = request(client, world, name, target, method, data)
    assert response.status_code == 403


@pytest.mark.parametrize("name,target,method,data", STAFF_VIEWS, ids=IDS)
def test_it_lets_democratic_services_in(officer_client, world, name, target, method, data):
    _, response = request(officer_client, world, name, target, method, data)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert not response.url.startswith(reverse("login"))


@pytest.fixture
def request_fixture(request, group):
    def get(who):
        if who == "group_but_not_staff":
            user = User.objects.create_user("councillor")
            user.groups.add(group)
            return user
        return request.getfixturevalue(who)

    return get


def test_the_group_has_exactly_the_permissions_the_work_needs(group):
    held = {
        f"{app}.{code}"
        for app, code in group.permissions.values_list("content_type__app_label", "codename")
    }
    assert held == {f"{a}.{c}" for a, codes in GROUP_PERMISSIONS.items() for c in codes}
    assert "meetings.delete_meeting" not in held and "documents.delete_document" not in held
    assert "auth.change_user" not in held


def test_setup_groups_repairs_the_group(group, capsys):
    group.permissions.clear()
    call_command("setup_groups")
    assert f'"{GROUP_NAME}": {sum(map(len, GROUP_PERMISSIONS.values()))} permissions' in (
        capsys.readouterr().out
    )
    assert group.permissions.count() == sum(map(len, GROUP_PERMISSIONS.values()))


def test_an_officer_cannot_delete_a_meeting_in_the_admin(officer_client, world):
    url = reverse("admin:meetings_meeting_delete", args=[world["meeting"]])
    assert officer_client.get(url).status_code == 403


def test_it_signs_staff_in_and_takes_them_to_their_meetings(client, officer):
    from tests.staff.conftest import PASSWORD

    response = client.post(reverse("login"), {"username": "officer", "password": PASSWORD})
    assert response.url == reverse("staff:dashboard")
    assert "Meetings" in client.get(response.url).text
