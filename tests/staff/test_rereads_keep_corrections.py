"""What staff corrected survives a new version of the paper it was read from."""

from __future__ import annotations

import pytest
from django.urls import reverse

from documents.models import Document
from meetings.models import Attendance, Meeting
from tests.staff.conftest import MINUTES, upload
from tests.staff.helpers import formset_data, read_again

pytestmark = pytest.mark.django_db(transaction=True)


def uploaded_minutes(client, papers) -> Meeting:
    upload(client, papers, MINUTES, kind="minutes")
    return Meeting.objects.get()


def test_corrected_attendance_survives_a_new_version_of_the_minutes(
    officer_client, papers, tmp_path
):
    meeting = uploaded_minutes(officer_client, papers)
    url = reverse("staff:attendance", args=[meeting.pk])
    formset = officer_client.get(url).context["formset"]
    assert len(formset.initial_forms) > 3
    data = formset_data(formset)
    dropped = formset.initial_forms[0]
    data[dropped.add_prefix("DELETE")] = "on"
    response = officer_client.post(url, data)
    assert response.status_code == 302
    kept = set(meeting.attendance.values_list("pk", flat=True))
    assert dropped.instance.pk not in kept

    read_again(papers / MINUTES, tmp_path, publish=False)
    assert Document.objects.filter(meeting=meeting).count() == 2
    assert set(meeting.attendance.values_list("pk", flat=True)) == kept
    assert not Attendance.objects.filter(pk=dropped.instance.pk).exists()


def test_a_removed_item_stays_removed_when_the_minutes_come_again(officer_client, papers, tmp_path):
    meeting = uploaded_minutes(officer_client, papers)
    url = reverse("staff:meeting", args=[meeting.pk])
    agenda = officer_client.get(url).context["agenda"]
    data = formset_data(agenda)
    removed = agenda.forms[2].instance
    data[agenda.forms[2].add_prefix("DELETE")] = "on"
    assert officer_client.post(url, data).status_code == 302

    read_again(papers / MINUTES, tmp_path, publish=False)
    titles = list(meeting.items.values_list("title", flat=True))
    assert removed.title not in titles
    assert len(titles) >= len(agenda.forms) - 1
