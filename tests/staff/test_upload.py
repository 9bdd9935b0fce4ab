"""Uploading papers: read in the background, checked as PDFs, never public until published."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Document
from meetings.models import AgendaItem, Committee, Meeting
from staff.models import AuditEntry, IngestJob
from tests import factories
from tests.staff.conftest import PACK, upload

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_reads_an_uploaded_pack_in_the_background_and_keeps_it_private(
    officer_client, papers, client, settings
):
    response = upload(officer_client, papers, **{"meeting-new_committee": "People and Health"})
    assert response.status_code == 302
    job = IngestJob.objects.get()
    assert job.status == "ok", job.error
    assert job.pages == 90 and job.items > 5
    assert job.original_filename == PACK
    assert not any(settings.STAFF_UPLOAD_DIR.iterdir())  # the waiting copy is gone
    meeting = Meeting.objects.get()
    assert not meeting.is_published
    assert AgendaItem.objects.filter(meeting=meeting).count() == job.items
    jobs_page = officer_client.get(reverse("staff:jobs")).content.decode()
    assert PACK in jobs_page and "Read" in jobs_page
    assert AuditEntry.objects.filter(action="uploaded", username="officer").exists()

    assert client.get(meeting.get_absolute_url()).status_code == 404
    document = Document.objects.get()
    assert client.get(document.get_pdf_url()).status_code == 404
    staff_pdf = reverse("staff:document-pdf", args=[document.pk])
    assert client.get(staff_pdf).status_code == 302  # to sign in


def test_it_publishes_on_upload_only_when_asked(officer_client, papers, client):
    upload(officer_client, papers, **{"meeting-publish": "on"})
    meeting = Meeting.objects.get()
    assert meeting.is_published
    assert client.get(meeting.get_absolute_url()).status_code == 200
    assert AuditEntry.objects.filter(action="published").exists()


def test_it_refuses_a_file_that_is_not_a_pdf_whatever_its_name(officer_client, papers):
    fake = SimpleUploadedFile("agenda.pdf", b"<html>not a pdf</html>", "application/pdf")
    response = upload(officer_client, papers, fake)
    assert response.status_code == 200
    assert "This is not a PDF" in response.content.decode()
    assert not IngestJob.objects.exists()


def test_it_refuses_a_file_over_the_size_limit(officer_client, papers, settings):
    settings.INGEST_MAX_BYTES = 1024
    response = upload(officer_client, papers)
    assert "the limit is" in response.content.decode()
    assert not IngestJob.objects.exists()


def test_it_shows_the_reason_when_a_paper_cannot_be_read(officer_client, papers, settings):
    settings.INGEST_MAX_PAGES = 10
    upload(officer_client, papers)
    job = IngestJob.objects.get()
    assert job.status == "failed"
    assert "10" in job.error
    page = officer_client.get(reverse("staff:jobs")).content.decode()
    assert "Could not be read" in page and job.error in page.replace("&#x27;", "'")
    assert not Document.objects.exists()


def test_it_never_uses_the_uploaded_name_in_a_path(officer_client, papers, settings):
    body = (papers / PACK).read_bytes()
    evil = SimpleUploadedFile("../../../etc/cron.d/x.pdf", body, "application/pdf")
    upload(officer_client, papers, evil, **{"meeting-new_committee": "People and Health"})
    job = IngestJob.objects.get()
    assert job.original_filename == "x.pdf"
    assert "etc" not in job.upload_path and job.upload_path.startswith(
        str(settings.STAFF_UPLOAD_DIR)
    )
    document = Document.objects.get()
    assert "x.pdf" not in document.file.name and ".." not in document.file.name


def test_it_reads_the_meeting_from_an_upload_for_a_chosen_meeting(officer_client, papers):
    meeting = Meeting.objects.create(
        committee=factories.committee("People and Health"), date=dt.date(2021, 9, 2)
    )
    upload(officer_client, papers, meeting=meeting)
    assert IngestJob.objects.get().meeting == meeting
    assert Document.objects.get().meeting == meeting


def test_the_upload_task_is_queued_for_the_worker(officer_client, papers, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    upload(officer_client, papers)
    job = IngestJob.objects.get()
    assert job.status == "queued"
    page = officer_client.get(reverse("staff:jobs")).content.decode()
    assert 'http-equiv="refresh"' in page


def test_the_database_worker_reads_a_queued_upload(officer_client, papers, settings):
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    upload(officer_client, papers, **{"meeting-new_committee": "People and Health"})
    assert IngestJob.objects.get().status == "queued"
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    job = IngestJob.objects.get()
    assert job.status == "ok", job.error
    assert Meeting.objects.get().items.exists()


def test_a_refused_file_for_a_new_committee_and_date_leaves_no_committee_or_meeting(
    officer_client, papers
):
    damaged = SimpleUploadedFile("agenda.pdf", b"%PDF-1.4\n" + b"\x00" * 64, "application/pdf")
    fields = {"meeting-new_committee": "Licensing Sub-Committee", "meeting-date": "2026-02-03"}
    assert upload(officer_client, papers, damaged, **fields).status_code == 302
    job = IngestJob.objects.get()
    assert job.status == "failed" and "damaged" in job.error
    assert not Meeting.objects.exists()
    assert not Committee.objects.filter(name="Licensing Sub-Committee").exists()
