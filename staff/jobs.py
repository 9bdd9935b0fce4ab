"""Reading an uploaded PDF in the background, and recording what came of it.

A worker claims a job (queued to running) in one conditional update, so a job is never read by
two workers at once. While it reads, a heartbeat records every few seconds that it is alive.
A worker that dies (killed, out of memory, its machine restarted) leaves its job running with
an old heartbeat and its upload still waiting; any worker puts such a job back in the queue
(``requeue_abandoned``: when it starts, then every heartbeat), up to ``MAX_ATTEMPTS`` times.
Only the worker holding the current attempt records the outcome and removes the upload.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connections, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from documents.importer import Importer, IngestOptions, IngestResult
from documents.models import Document
from staff import audit
from staff.models import IngestJob
from staff.notice import short_notice_warning

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
RUNNING = IngestJob.Status.RUNNING
QUEUED = IngestJob.Status.QUEUED


class WorkerStopped(Exception):
    """Recorded on a task whose worker stopped while running it."""


def heartbeat_seconds() -> float:
    return settings.STAFF_WORKER_HEARTBEAT_SECONDS


def stale_seconds() -> float:
    return settings.STAFF_WORKER_STALE_SECONDS  # no heartbeat for this long: the worker died


def queue_job(job: IngestJob) -> None:
    """Hand the job to the task worker once the upload's transaction has committed."""
    from staff.tasks import read_upload

    transaction.on_commit(lambda: read_upload.enqueue(job.pk))


def run_job(job_id: int) -> str:
    attempt = claim(job_id)
    job = IngestJob.objects.select_related("created_by", "replaces").get(pk=job_id)
    if attempt is None:  # finished, or being read by another worker
        return job.status
    path = Path(job.upload_path)
    with heartbeat(job.pk, attempt):
        try:
            result = Importer(options_for(job)).ingest_file(path)
        except Exception:  # noqa: BLE001 - the clerk sees a reason, the log the traceback
            log.exception("reading upload %s failed", job.pk)
            result = IngestResult(
                path=str(path),
                status="failed",
                error="the portal could not read this file (an unexpected error, now logged)",
            )
    if finish(job, result, attempt):
        # Only now: a worker killed before this point leaves the upload for the next attempt.
        path.unlink(missing_ok=True)
    return job.status


def claim(job_id: int) -> int | None:
    """Mark a queued job running for this worker; its attempt number, or None if not queued."""
    now = timezone.now()
    claimed = IngestJob.objects.filter(pk=job_id, status=QUEUED).update(
        status=RUNNING,
        started=Coalesce(F("started"), Value(now)),
        heartbeat=now,
        attempts=F("attempts") + 1,
    )
    if not claimed:
        return None
    return IngestJob.objects.values_list("attempts", flat=True).get(pk=job_id)


class Repeating:
    """Call ``action`` every heartbeat in a thread of its own until stopped; a database error
    (a busy database) only skips a turn. Use as ``with`` block or with ``start``/``stop``."""

    def __init__(self, name: str, action) -> None:
        self.action = action
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> Repeating:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join()

    __enter__ = start

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _run(self) -> None:
        try:
            while not self.stopped.wait(heartbeat_seconds()):
                try:
                    self.action()
                except DatabaseError as exc:
                    log.warning("%s missed a turn: %s", self.thread.name, exc)
        finally:
            connections.close_all()  # this thread's own connections


def heartbeat(job_id: int, attempt: int) -> Repeating:
    """While a job is read, record every few seconds that its worker is still alive."""
    beat = IngestJob.objects.filter(pk=job_id, status=RUNNING, attempts=attempt)
    return Repeating(f"heartbeat-{job_id}", lambda: beat.update(heartbeat=timezone.now()))


def options_for(job: IngestJob) -> IngestOptions:
    return IngestOptions(
        committee=job.committee_name or None,
        date=job.date,
        kind=job.kind or None,
        publish=job.publish,
        isolate=settings.STAFF_INGEST_ISOLATE,
        original_filename=job.original_filename,
        replaces=job.replaces,
        context_origin="the upload form",
    )


def finish(job: IngestJob, result: IngestResult, attempt: int) -> bool:
    """Record the outcome, unless another attempt has taken the job over; True if recorded."""
    document = Document.objects.filter(pk=result.document_id).select_related("meeting").first()
    status = result.status
    if (
        status == IngestJob.Status.UNCHANGED
        and attempt > 1
        and document is not None
        and document.created >= job.started
    ):
        # An earlier attempt wrote it, then its worker stopped before recording it.
        status = IngestJob.Status.OK
        result.items = document.meeting.items.filter(parent__isnull=True).count()
    job.status, job.error = status, result.error or ""
    job.items, job.pages = result.items, result.pages
    job.finished = timezone.now()
    if document is not None:
        job.document, job.meeting = document, document.meeting
    fields = ["status", "error", "items", "pages", "finished", "document", "meeting"]
    recorded = IngestJob.objects.filter(pk=job.pk, status=RUNNING, attempts=attempt).update(
        **{name: getattr(job, name) for name in fields}
    )
    if not recorded:
        log.warning("upload %s was taken over by another attempt; outcome not recorded", job.pk)
        job.refresh_from_db()
        return False
    if status != IngestJob.Status.OK or document is None:
        return True
    if job.replaces_id and job.replaces_id != document.pk:
        audit.record(
            job.created_by,
            audit.Action.REPLACED,
            job.replaces,
            meeting=document.meeting,
            detail=f"Replaced by version {document.version} ({document.original_filename}).",
        )
    if job.publish:
        warning = short_notice_warning(document.meeting, [document.kind])
        audit.record(
            job.created_by,
            audit.Action.PUBLISHED,
            document,
            meeting=document.meeting,
            detail="Published on upload.",
            warning=warning,
        )
    return True


# -- jobs whose worker stopped -------------------------------------------------------------
def requeue_abandoned() -> list[int]:
    """Queue again the jobs whose worker stopped while reading them; their ids.

    A job that has already been tried ``MAX_ATTEMPTS`` times fails instead, with a reason.
    Safe to run from several workers at once: each job changes hands in one conditional update.
    """
    cutoff = timezone.now() - timedelta(seconds=stale_seconds())
    abandoned = IngestJob.objects.alias(
        last_seen=Coalesce("heartbeat", "started", "created")
    ).filter(status=RUNNING, last_seen__lt=cutoff)
    requeued, failed = [], []
    for job in abandoned:
        same = abandoned.filter(pk=job.pk, attempts=job.attempts)
        if job.attempts >= MAX_ATTEMPTS:
            error = (
                f"the reader stopped {job.attempts} times while reading this file, so it was "
                "given up (it may be too large or damaged to read here)"
            )
            if same.update(status=IngestJob.Status.FAILED, error=error, finished=timezone.now()):
                Path(job.upload_path).unlink(missing_ok=True)
                failed.append(job.pk)
        else:
            with transaction.atomic():
                if same.update(status=QUEUED):
                    queue_job(job)
                    requeued.append(job.pk)
    for job_id in requeued + failed:
        log.warning("upload %s: its worker stopped while reading it", job_id)
    close_dead_tasks(requeued + failed)
    return requeued


def close_dead_tasks(job_ids: list[int]) -> None:
    """Mark failed the database task records left running by a worker that stopped."""
    if not job_ids or "django_tasks_db" not in settings.INSTALLED_APPS:
        return
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from staff.tasks import read_upload

    dead = DBTaskResult.objects.running().filter(task_path=read_upload.module_path)
    for task in dead:
        if (task.args_kwargs.get("args") or [None])[0] in job_ids:
            dead.filter(pk=task.pk).update(
                status=TaskResultStatus.FAILED,
                finished_at=timezone.now(),
                exception_class_path=f"{__name__}.{WorkerStopped.__name__}",
                traceback="The worker stopped while running this task; the upload was queued "
                "again or given up (see its job).",
            )


def abandoned_uploads_watch() -> Repeating:
    """In a worker: requeue abandoned jobs every heartbeat, in a thread of its own."""
    return Repeating("requeue-abandoned", requeue_abandoned)
