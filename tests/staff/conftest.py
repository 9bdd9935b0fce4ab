"""Staff workflow fixtures: the group, four kinds of visitor, uploads read immediately."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, Permission, User

from meetings.models import Attendance, Person, Report, Resolution
from staff import audit
from staff.models import IngestJob
from staff.permissions import sync_group
from tests import factories

PACK = "dorset-people-and-health-2021-09-02-agenda-pack.pdf"
MINUTES = "dorset-cabinet-2017-10-04-minutes.pdf"
PASSWORD = "correct horse battery staple 42"


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings, tmp_path):
    """Tests use the immediate task backend; uploads wait in a folder of the test's own."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.STAFF_UPLOAD_DIR = tmp_path / "incoming"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast
    yield


@pytest.fixture
def group(db):
    return sync_group(Group, Permission)


@pytest.fixture
def officer(group):
    user = User.objects.create_user("officer", password=PASSWORD, is_staff=True)
    user.groups.add(group)
    return user


@pytest.fixture
def staff_without_group(db):
    return User.objects.create_user("itstaff", password=PASSWORD, is_staff=True)


@pytest.fixture
def ordinary_user(db):
    return User.objects.create_user("resident", password=PASSWORD)


@pytest.fixture
def officer_client(officer):
    """A browser signed in as the officer (``client`` stays an anonymous visitor)."""
    from django.test import Client

    signed_in = Client()
    signed_in.force_login(officer)
    return signed_in


@pytest.fixture
def staff_world(officer):
    """A meeting with something on every staff page, another meeting beside it; pks by name."""
    meeting = factories.meeting(date=dt.date(2030, 1, 10), is_published=False)
    other = factories.meeting("Planning Committee", date=dt.date(2030, 1, 11))
    item = factories.item(meeting, number="1", title="Library review")
    factories.item(meeting, number="2", title="Road safety")
    other_item = factories.item(other, number="1", title="Another meeting's item")
    Report.objects.create(item=item, title="Library review report")
    Resolution.objects.create(item=item, order=1, number="1", text="That the review be noted.")
    document = factories.document(meeting, pages=["one", "two"], is_published=False)
    factories.page_range(item, document, 1, 2)
    chair = Person.objects.create(name="Councillor Ann Able", slug="ann-able")
    Attendance.objects.create(meeting=meeting, person=chair, role="present", is_chair=True)
    audit.record(officer, audit.Action.CORRECTED, item, meeting=meeting, detail="Changed: title")
    IngestJob.objects.create(created_by=officer, original_filename="a.pdf", upload_path="/x")
    return {
        "meeting": meeting.pk,
        "item": item.pk,
        "document": document.pk,
        "person": chair.pk,
        "ids": [str(pk) for pk in (meeting.pk, other.pk, item.pk, other_item.pk, document.pk)],
    }


def upload(client, papers, name=PACK, *, kind="agenda-pack", meeting=None, **fields):
    """Post one PDF to the staff upload page, as the form in the browser does."""
    from django.urls import reverse

    url = reverse("staff:meeting-upload", args=[meeting.pk]) if meeting else reverse("staff:upload")
    data = {
        "papers-TOTAL_FORMS": "4",
        "papers-INITIAL_FORMS": "0",
        "papers-MIN_NUM_FORMS": "0",
        "papers-MAX_NUM_FORMS": "10",
        "papers-0-kind": kind,
        **fields,
    }
    with (papers / name).open("rb") if not hasattr(name, "read") else name as handle:
        data["papers-0-file"] = handle
        return client.post(url, data)
