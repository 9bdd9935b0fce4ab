"""Reading an uploaded PDF in the background, and recording what came of it."""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from documents.importer import Importer, IngestOptions, IngestResult
from documents.models import Document
from portal.models import IngestJob
from portal.staff import audit
from portal.staff.notice import short_notice_warning

log = logging.getLogger(__name__)


def queue_job(job: IngestJob) -> None:
    """Hand the job to the task worker once the upload's transaction has committed."""
    from portal.staff.tasks import read_upload

    transaction.on_commit(lambda: read_upload.enqueue(job.pk))


def run_job(job_id: int) -> str:
    job = IngestJob.objects.select_related("created_by", "replaces").get(pk=job_id)
    if job.is_finished:
        return job.status
    job.status, job.started = IngestJob.Status.RUNNING, timezone.now()
    job.save(update_fields=["status", "started"])
    path = Path(job.upload_path)
    try:
        result = Importer(options_for(job)).ingest_file(path)
    except Exception:  # noqa: BLE001 - the clerk sees a reason, the log the traceback
        log.exception("reading upload %s failed", job.pk)
        result = IngestResult(
            path=str(path),
            status="failed",
            error="the portal could not read this file (an unexpected error, now logged)",
        )
    finally:
        path.unlink(missing_ok=True)
    finish(job, result)
    return job.status


def options_for(job: IngestJob) -> IngestOptions:
    return IngestOptions(
        committee=job.committee_name or None,
        date=job.date,
        kind=job.kind or None,
        publish=job.publish,
        isolate=settings.STAFF_INGEST_ISOLATE,
        original_filename=job.original_filename,
    )


def finish(job: IngestJob, result: IngestResult) -> None:
    job.status = result.status
    job.error = result.error or ""
    job.items, job.pages = result.items, result.pages
    job.finished = timezone.now()
    document = Document.objects.filter(pk=result.document_id).select_related("meeting").first()
    if document is not None:
        job.document, job.meeting = document, document.meeting
    job.save()
    if result.status != IngestJob.Status.OK or document is None:
        return
    if job.replaces_id and job.replaces_id != document.pk:
        supersede(job.replaces, document, job.created_by)
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


@transaction.atomic
def supersede(old: Document, new: Document, user) -> None:
    """Keep ``old`` as an earlier version of ``new``; its pages leave the public site and search."""
    old.refresh_from_db()
    if old.superseded_by_id is None:
        old.superseded_by = new
        old.save(update_fields=["superseded_by", "updated"])
        old.page_ranges.all().delete()
    if new.version <= old.version:
        new.version = old.version + 1
        new.save(update_fields=["version", "updated"])
    audit.record(
        user,
        audit.Action.REPLACED,
        old,
        meeting=new.meeting,
        detail=f"Replaced by version {new.version} ({new.original_filename}).",
    )
