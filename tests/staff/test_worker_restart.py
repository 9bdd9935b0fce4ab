"""An upload whose worker died is read again by the next worker, never by two at once."""

from __future__ import annotations

import datetime as dt
import json
import secrets
import shutil
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from documents.models import Document
from meetings.models import Meeting
from staff import jobs
from staff.models import IngestJob
from tests import subprocess_ingest as sub

in_this_process = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _read_in_this_process(settings):
    settings.STAFF_INGEST_ISOLATE = False  # quicker; the limits are tested elsewhere


def waiting_upload(settings, tmp_path, **fields) -> IngestJob:
    """A job as the upload page leaves it: its PDF waiting under a random name."""
    settings.STAFF_UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
    path = settings.STAFF_UPLOAD_DIR / f"{secrets.token_hex(16)}.pdf"
    sub.agenda_pdf(path)
    fields = {"original_filename": "agenda.pdf", "size": path.stat().st_size, **fields}
    return IngestJob.objects.create(upload_path=str(path), **fields)


def abandoned(job: IngestJob, *, attempts=1, seconds_ago=3600) -> IngestJob:
    """As a worker killed while reading it leaves it."""
    then = timezone.now() - dt.timedelta(seconds=seconds_ago)
    IngestJob.objects.filter(pk=job.pk).update(
        status="running", started=then, heartbeat=then, attempts=attempts
    )
    job.refresh_from_db()
    return job


@in_this_process
def test_a_job_is_claimed_once(settings, tmp_path):
    job = waiting_upload(settings, tmp_path)
    assert jobs.claim(job.pk) == 1
    assert jobs.claim(job.pk) is None  # a second task for it finds it taken
    assert jobs.run_job(job.pk) == "running"
    assert not Document.objects.exists()
    assert IngestJob.objects.get().attempts == 1


@in_this_process
def test_an_abandoned_job_is_read_again_and_the_clerk_sees_it_read(
    settings, tmp_path, officer_client
):
    job = abandoned(waiting_upload(settings, tmp_path))
    assert jobs.requeue_abandoned() == [job.pk]  # and read at once by the immediate backend
    job.refresh_from_db()
    assert (job.status, job.attempts, job.pages) == ("ok", 2, 1)
    assert job.document == Document.objects.get() and job.meeting == Meeting.objects.get()
    assert not Path(job.upload_path).exists()
    page = officer_client.get(reverse("staff:jobs")).content.decode()
    assert "agenda.pdf" in page and "Read" in page and "Waiting for the reader" not in page


@in_this_process
def test_a_job_with_a_live_worker_is_left_alone(settings, tmp_path):
    job = abandoned(waiting_upload(settings, tmp_path), seconds_ago=5)
    assert jobs.requeue_abandoned() == []
    job.refresh_from_db()
    assert job.status == "running" and job.attempts == 1


@in_this_process
def test_a_job_that_keeps_killing_its_worker_is_given_up(settings, tmp_path):
    job = abandoned(waiting_upload(settings, tmp_path), attempts=jobs.MAX_ATTEMPTS)
    assert jobs.requeue_abandoned() == []
    job.refresh_from_db()
    assert job.status == "failed" and "stopped 3 times" in job.error
    assert not Document.objects.exists()
    assert not any(settings.STAFF_UPLOAD_DIR.iterdir())


@in_this_process
def test_a_worker_that_lost_its_job_records_nothing_and_keeps_the_upload(settings, tmp_path):
    job = waiting_upload(settings, tmp_path)
    attempt = jobs.claim(job.pk)
    IngestJob.objects.filter(pk=job.pk).update(attempts=attempt + 1)  # taken over meanwhile
    result = jobs.Importer(jobs.options_for(job)).ingest_file(job.upload_path)
    assert not jobs.finish(job, result, attempt)
    job.refresh_from_db()
    assert job.status == "running" and job.document is None
    assert Path(job.upload_path).exists()


@in_this_process
def test_a_retry_that_finds_its_own_earlier_work_reports_it_read(settings, tmp_path):
    job = waiting_upload(settings, tmp_path)
    shutil.copy(job.upload_path, tmp_path / "same.pdf")
    # The first attempt wrote the paper, then its worker died before recording the outcome.
    abandoned(job, seconds_ago=3600)
    [first] = jobs.Importer(jobs.options_for(job)).ingest([tmp_path / "same.pdf"])
    assert first.status == "ok"
    jobs.requeue_abandoned()
    job.refresh_from_db()
    assert (job.status, job.document_id) == ("ok", first.document_id)


@in_this_process
def test_the_heartbeat_keeps_a_long_read_alive(settings, tmp_path):
    settings.STAFF_WORKER_HEARTBEAT_SECONDS = 0.01
    job = waiting_upload(settings, tmp_path)
    attempt = jobs.claim(job.pk)
    IngestJob.objects.filter(pk=job.pk).update(heartbeat=timezone.now() - dt.timedelta(hours=1))
    with jobs.heartbeat(job.pk, attempt):
        sub.wait_for(
            lambda: IngestJob.objects.get().heartbeat > timezone.now() - dt.timedelta(minutes=1),
            "a heartbeat",
            timeout=30,
        )
    assert jobs.requeue_abandoned() == []


# -- real processes ------------------------------------------------------------------------
@pytest.fixture
def site(tmp_path):
    yield from sub.fresh_database(tmp_path / "site")


def enqueue_upload(site, tmp_path) -> int:
    """Queue an upload in the site's database, as the upload page does."""
    folder = site.folder / "incoming"
    folder.mkdir()
    upload = sub.agenda_pdf(folder / f"{secrets.token_hex(16)}.pdf")
    code = (
        "from staff.models import IngestJob\n"
        "from staff.jobs import queue_job\n"
        "job = IngestJob.objects.create(\n"
        f"    original_filename='agenda.pdf', upload_path={str(upload)!r}, publish=True\n"
        ")\n"
        "queue_job(job)\n"
        "print(job.pk)\n"
    )
    return int(sub.run(site, "shell", "-v0", "-c", code).strip())


def job_row(site, job_id) -> dict:
    columns = "status, attempts, document_id, meeting_id, pages, error, upload_path"
    [row] = site.rows(f"SELECT {columns} FROM portal_ingestjob WHERE id = %s", (job_id,))
    return dict(zip(columns.split(", "), row, strict=True))


def task_rows(site, task: str = "staff.tasks.read_upload") -> list[tuple[str, str]]:
    return sorted(
        site.rows(
            "SELECT status, exception_class_path FROM django_tasks_database_dbtaskresult"
            f" WHERE task_path = '{task}'"
        )
    )


WORKER = ("db_worker", "--no-startup-delay", "--no-reload", "--interval", "0.1")


def test_a_worker_killed_while_reading_an_upload_is_replaced_by_the_next_one(site, tmp_path):
    job_id = enqueue_upload(site, tmp_path)
    marker = tmp_path / "paused"
    first = sub.start(site, *WORKER, SUBPROCESS_PAUSE=f"_pages:after:{marker}")
    sub.wait_for(marker.exists, "the first worker to be writing the paper", process=first)
    assert job_row(site, job_id)["status"] == "running"
    sub.kill(first)  # as a crash, the OOM killer or a lost machine would

    job = job_row(site, job_id)
    assert (job["status"], job["attempts"], job["document_id"]) == ("running", 1, None)
    assert Path(job["upload_path"]).exists()  # kept for the next attempt
    assert site.count("documents_document") == site.count("meetings_meeting") == 0

    quick = {"STAFF_WORKER_HEARTBEAT_SECONDS": 0.2, "STAFF_WORKER_STALE_SECONDS": 2}
    second = sub.start(site, *WORKER, SUBPROCESS_SETTINGS=json.dumps(quick))
    try:
        sub.wait_for(
            lambda: job_row(site, job_id)["status"] not in ("queued", "running"),
            "the second worker to read the upload",
            process=second,
        )
    finally:
        out, err = sub.stop(second)
    job = job_row(site, job_id)
    assert (job["status"], job["attempts"], job["pages"], job["error"]) == ("ok", 2, 1, ""), err
    assert site.count("documents_document") == site.count("meetings_meeting") == 1
    assert job["document_id"] is not None and job["meeting_id"] is not None
    assert not Path(job["upload_path"]).exists()
    assert task_rows(site) == [
        ("FAILED", "staff.jobs.WorkerStopped"),
        ("SUCCESSFUL", ""),
    ]
    # The published paper asked the worker for a fresh open-data export.
    assert task_rows(site, "documents.tasks.rebuild_export")
    assert "Traceback" not in err, err
