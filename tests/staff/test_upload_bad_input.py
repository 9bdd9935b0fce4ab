"""Bad and hostile files through the staff upload: the clerk gets a clear reason, or a safe read.

A file that does not even start like a PDF is turned away by the form; any other bad file is
queued, read in the sandboxed child and fails with one line on its job. Either way nothing is
stored and the waiting copy is gone. The hostile papers go in and show escaped everywhere,
the staff screens included.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from documents.ingest.errors import IngestError
from documents.ingest.pdf import open_checked
from documents.models import Document
from meetings.models import AgendaItem, Meeting
from staff.models import IngestJob
from staff.uploads import check_upload
from tests.fixtures.bad import build as corpus
from tests.fixtures.bad.build import SCRIPT, TEMPLATE
from tests.fixtures.bad.expected import FORM_REFUSED, REFUSED, assert_clear_reason
from tests.fixtures.bad.surfaces import problems
from tests.staff.conftest import upload

pytestmark = pytest.mark.django_db(transaction=True)

BAD = Path(corpus.__file__).parent


def send(client, name: str, **fields):
    """Upload one corpus file, under its own name, letting the portal work out what it is."""
    with (BAD / name).open("rb") as handle:
        return upload(client, None, handle, kind="", **fields)


def files_in(folder) -> list[Path]:
    folder = Path(folder)
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def assert_nothing_kept(settings) -> None:
    assert not Document.objects.exists() and not Meeting.objects.exists()
    assert not AgendaItem.objects.exists()
    assert files_in(settings.MEDIA_ROOT) == []
    assert files_in(settings.STAFF_UPLOAD_DIR) == []


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_bad_file_gives_the_clerk_a_clear_reason_and_leaves_nothing(
    name, officer_client, settings
):
    response = send(officer_client, name)
    if name in FORM_REFUSED:
        assert response.status_code == 200
        page = html.unescape(response.content.decode())
        for words in REFUSED[name]:
            assert words in page, (name, words)
        assert not IngestJob.objects.exists()
    else:
        assert response.status_code == 302
        job = IngestJob.objects.get()
        assert job.status == "failed" and job.original_filename == name
        assert_clear_reason(name, job.error)
        jobs_page = html.unescape(officer_client.get(reverse("staff:jobs")).content.decode())
        assert "Could not be read:" in jobs_page and job.error in jobs_page
    assert_nothing_kept(settings)


@pytest.mark.parametrize("name", sorted(FORM_REFUSED - {"zero-byte.pdf"}))
def test_the_form_turns_a_file_away_in_the_words_of_the_command_line(name):
    with pytest.raises(IngestError) as command_line:
        open_checked(BAD / name)
    with pytest.raises(ValidationError) as form:
        check_upload(SimpleUploadedFile(name, (BAD / name).read_bytes(), "application/pdf"))
    said = command_line.value.message
    assert form.value.messages == [said[0].upper() + said[1:] + "."]


def test_a_bad_file_does_not_stop_the_good_one_beside_it(officer_client, papers, settings):
    good = (papers / "dorset-cabinet-2017-10-04-minutes.pdf").open("rb")
    bad = (BAD / "embedded-file-and-javascript.pdf").open("rb")
    with good, bad:
        response = officer_client.post(
            reverse("staff:upload"),
            {
                "papers-TOTAL_FORMS": "4",
                "papers-INITIAL_FORMS": "0",
                "papers-MIN_NUM_FORMS": "0",
                "papers-MAX_NUM_FORMS": "10",
                "papers-0-file": bad,
                "papers-1-file": good,
            },
        )
    assert response.status_code == 302
    statuses = dict(IngestJob.objects.values_list("original_filename", "status"))
    assert statuses == {
        "embedded-file-and-javascript.pdf": "failed",
        "dorset-cabinet-2017-10-04-minutes.pdf": "ok",
    }
    assert Document.objects.count() == 1 and len(files_in(settings.MEDIA_ROOT)) == 1
    assert files_in(settings.STAFF_UPLOAD_DIR) == []


def test_a_scan_is_read_and_flagged_for_the_meeting_the_clerk_names(officer_client, settings):
    send(
        officer_client,
        "scan-no-text-layer.pdf",
        **{
            "meeting-new_committee": "Cabinet",
            "meeting-date": "2025-05-14",
        },
    )
    job = IngestJob.objects.get()
    assert job.status == "ok", job.error
    document = Document.objects.get()
    assert document.has_text_layer is False and document.meeting == job.meeting
    assert files_in(settings.STAFF_UPLOAD_DIR) == []


def test_hostile_minutes_are_read_and_show_escaped_to_residents_and_staff(officer_client, client):
    send(officer_client, "hostile-minutes.pdf", **{"meeting-publish": "on"})
    job = IngestJob.objects.get()
    assert job.status == "ok", job.error
    assert AgendaItem.objects.filter(title__contains=SCRIPT).exists()
    assert AgendaItem.objects.filter(title__contains=TEMPLATE).exists()
    found = problems(client, job.meeting, staff=officer_client)
    assert not found, "\n".join(found)


def test_a_hostile_agenda_is_read_and_shows_escaped_to_residents_and_staff(officer_client, client):
    send(officer_client, "hostile-agenda.pdf", **{"meeting-publish": "on"})
    job = IngestJob.objects.get()
    assert job.status == "ok", job.error
    # Upcoming, so that the meetings feed and calendar carry it too.
    future = timezone.localdate() + dt.timedelta(days=9)
    Meeting.objects.filter(pk=job.meeting_id).update(date=future)
    meeting = Meeting.objects.get()
    assert meeting.venue.startswith(SCRIPT)
    found = problems(client, meeting, staff=officer_client)
    assert not found, "\n".join(found)
