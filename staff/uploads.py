"""Accepting an uploaded PDF: checked by its content, kept under a random name until read,
logged, and queued for the task worker.

A file that does not start like a PDF is turned away at once, in the words the ingest uses.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from documents.ingest.signature import HEAD_BYTES, sniff_problem
from staff import audit
from staff.jobs import queue_job
from staff.models import IngestJob


def check_upload(uploaded) -> None:
    """Raise ValidationError, in words a clerk understands, unless this is a PDF within limits."""
    limit = settings.INGEST_MAX_BYTES
    if uploaded.size == 0:
        raise ValidationError("The file is empty.")
    if uploaded.size > limit:
        raise ValidationError(
            f"The file is {uploaded.size / 1024 / 1024:,.1f} MB; the limit is "
            f"{limit / 1024 / 1024:,.0f} MB."
        )
    uploaded.seek(0)
    head = uploaded.read(HEAD_BYTES)
    uploaded.seek(0)
    problem = sniff_problem(head)  # the very check the ingest makes, so both refuse alike
    if problem:
        raise ValidationError(problem[0].upper() + problem[1:] + ".")


def keep_upload(uploaded) -> Path:
    """Copy the upload to STAFF_UPLOAD_DIR under a random name; the client's name is never used."""
    folder = Path(settings.STAFF_UPLOAD_DIR)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / f"{secrets.token_hex(16)}.pdf"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        for chunk in uploaded.chunks():
            handle.write(chunk)
    return path


def display_name(uploaded) -> str:
    """The client's file name, only ever shown as text (never part of a path)."""
    return os.path.basename(str(uploaded.name or "upload.pdf").replace("\\", "/"))[:255]


@transaction.atomic
def queue_upload(
    user,
    uploaded,
    *,
    meeting=None,
    committee_name: str = "",
    date=None,
    kind: str = "",
    publish: bool = False,
    replaces=None,
) -> IngestJob:
    """Keep a checked upload, log it and queue it to be read. For ``meeting`` (when known) its
    committee and date are used; a new version (``replaces``) keeps the kind of the old."""
    job = IngestJob.objects.create(
        created_by=user,
        meeting=meeting,
        committee_name=meeting.committee.name if meeting else committee_name,
        date=meeting.date if meeting else date,
        kind=replaces.kind if replaces else kind,
        original_filename=display_name(uploaded),
        upload_path=str(keep_upload(uploaded)),
        size=uploaded.size,
        publish=bool(publish),
        replaces=replaces,
    )
    audit.record(
        user,
        audit.Action.UPLOADED,
        job.original_filename,
        meeting=meeting,
        detail=f"{job.size:,} bytes" + (f", replacing {replaces}" if replaces else ""),
    )
    queue_job(job)
    return job
