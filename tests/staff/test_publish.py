"""Publishing, unpublishing, the notice warning, supplements and new versions of a paper."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Document, Page
from staff.models import AuditEntry
from staff.notice import clear_working_days, short_notice_warning
from tests import factories
from tests.staff.conftest import PACK, upload
from tests.staff.helpers import uploaded_pack


def test_it_counts_clear_working_days_without_weekends_or_bank_holidays():
    # Published Wednesday 20 August 2025 for Tuesday 2 September: 21, 22, 26-29 August and
    # 1 September are working days; 25 August is the summer bank holiday in England and Wales.
    assert clear_working_days(dt.date(2025, 8, 20), dt.date(2025, 9, 2)) == 7
    assert clear_working_days(dt.date(2025, 8, 22), dt.date(2025, 9, 1)) == 4
    # Scotland's 2 January holiday is not England's.
    assert clear_working_days(dt.date(2025, 12, 31), dt.date(2026, 1, 6)) == 2


@pytest.mark.django_db
def test_it_warns_only_for_agendas_published_at_short_notice():
    meeting = factories.meeting(date=dt.date(2025, 9, 2))
    today = dt.date(2025, 8, 28)
    assert "2 clear working days" in short_notice_warning(meeting, ["agenda-pack"], today)
    assert short_notice_warning(meeting, ["minutes"], today) == ""
    assert short_notice_warning(meeting, ["agenda"], dt.date(2025, 8, 20)) == ""
    assert short_notice_warning(meeting, ["agenda"], dt.date(2025, 9, 3)) == ""


pytestmark_ingest = pytest.mark.django_db(transaction=True)


@pytestmark_ingest
def test_it_publishes_and_unpublishes_a_meeting_with_its_papers(officer_client, papers, client):
    meeting = uploaded_pack(officer_client, papers)
    document = Document.objects.get()
    response = officer_client.post(reverse("staff:publish", args=[meeting.pk]))
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.is_published and document.published_at
    entry = AuditEntry.objects.get(action="published")
    assert entry.username == "officer" and entry.warning == ""  # a 2021 meeting: no warning
    assert client.get(meeting.get_absolute_url()).status_code == 200
    assert client.get(document.get_pdf_url()).status_code == 200

    officer_client.post(reverse("staff:unpublish", args=[meeting.pk]))
    assert client.get(meeting.get_absolute_url()).status_code == 404
    assert client.get(document.get_pdf_url()).status_code == 404
    assert AuditEntry.objects.filter(action="unpublished").exists()


@pytestmark_ingest
def test_it_records_and_shows_a_short_notice_warning(officer_client, papers):
    soon = dt.date.today() + dt.timedelta(days=2)
    meeting = uploaded_pack(officer_client, papers, **{"meeting-date": soon.isoformat()})
    assert meeting.date == soon
    review = officer_client.get(reverse("staff:meeting", args=[meeting.pk])).text
    assert "Short notice" in review
    response = officer_client.post(reverse("staff:publish", args=[meeting.pk]), follow=True)
    entry = AuditEntry.objects.get(action="published")
    assert "fewer than the 5 required" in entry.warning
    assert entry.warning in response.text
    audit = officer_client.get(reverse("staff:audit")).text
    assert "fewer than the 5 required" in audit


@pytestmark_ingest
def test_a_new_version_supersedes_the_old_one_and_its_pages_leave_search(
    officer_client, papers, client
):
    meeting = uploaded_pack(officer_client, papers)
    officer_client.post(reverse("staff:publish", args=[meeting.pk]))
    old = Document.objects.get()
    # The new version is the same pack with a different ending, so its content differs.
    upload_file = (papers / PACK).read_bytes() + b"\n% revised\n"
    response = officer_client.post(
        reverse("staff:document", args=[old.pk]),
        {"file": SimpleUploadedFile("pack-v2.pdf", upload_file), "publish": "on"},
    )
    assert response.status_code == 302
    old.refresh_from_db()
    new = Document.objects.exclude(pk=old.pk).get()
    assert old.superseded_by == new and new.version == 2
    assert not Page.objects.public().filter(document=old).exists()
    assert Page.objects.public().filter(document=new).count() == 90
    assert AuditEntry.objects.filter(action="replaced").exists()
    assert client.get(old.get_pdf_url()).status_code == 404
    assert client.get(new.get_pdf_url()).status_code == 200


@pytestmark_ingest
def test_a_supplement_uploaded_later_waits_until_it_is_published(officer_client, papers, client):
    meeting = uploaded_pack(officer_client, papers)
    officer_client.post(reverse("staff:publish", args=[meeting.pk]))
    upload(
        officer_client,
        papers,
        "dorset-cabinet-2017-10-04-minutes.pdf",
        kind="supplement",
        meeting=meeting,
    )
    supplement = Document.objects.get(kind="supplement")
    assert supplement.meeting == meeting and not supplement.is_published
    assert client.get(supplement.get_absolute_url()).status_code == 404
    officer_client.post(reverse("staff:document-publish", args=[supplement.pk]), {"publish": "1"})
    assert client.get(supplement.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_a_superseded_version_is_never_published(officer_client):
    meeting = factories.meeting(date=dt.date(2030, 1, 10))
    new = factories.document(meeting, is_published=False, version=2)
    old = factories.document(meeting, is_published=False, superseded_by=new)
    response = officer_client.post(
        reverse("staff:document-publish", args=[old.pk]), {"publish": "1"}, follow=True
    )
    assert "A superseded version cannot be published." in response.content.decode()
    old.refresh_from_db()
    assert old.is_published is False and old.published_at is None
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.PUBLISHED).exists()
