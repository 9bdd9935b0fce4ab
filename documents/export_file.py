"""The bulk export as a downloadable file, kept in the papers' storage.

``regenerate_export()`` writes the current export (documents.export.build_export); the task
worker runs it (documents.tasks.rebuild_export) after every staff action, publishing and
corrections included, and after an ingest. The stored file is named by a fingerprint of
everything public (meetings, papers, items, resolutions, reports, attendance, pages and
the publication, exempt and withheld marks; documents.freshness keeps the times it reads
current), so the download view serves only a file that is current. It never builds one: when
the file for the current content is missing it asks the worker and answers 503 with
Retry-After, and a stale file (which may show what is now withheld) is never served.
"""

from __future__ import annotations

import hashlib
import json

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Count, Max, Sum
from django.http import FileResponse, JsonResponse
from django.utils import timezone

from documents.export import build_export
from documents.models import Document
from meetings.models import AgendaItem, Attendance, Committee, Meeting, Resolution

EXPORT_FOLDER = "exports"
EXPORT_PREFIX = "committee-papers-"


def public_content_fingerprint() -> str:
    """Changes whenever something that the export would show, or withhold, changes."""
    parts = [
        Meeting.objects.aggregate(Max("updated"), Count("pk"), Sum("pk")),
        Meeting.objects.published().aggregate(Count("pk"), Sum("pk")),
        Document.objects.aggregate(Max("updated"), Count("pk")),
        Document.objects.public().aggregate(Count("pk"), Sum("pk")),
        Committee.objects.aggregate(Max("updated"), Count("pk")),
        AgendaItem.objects.aggregate(Count("pk"), Sum("pk")),
        AgendaItem.objects.exempt().aggregate(Count("pk"), Sum("pk"), Sum("exempt_paragraph")),
        AgendaItem.objects.filter(minute_withheld=True).aggregate(Count("pk"), Sum("pk")),
        Resolution.objects.aggregate(Count("pk"), Sum("pk")),
        Attendance.objects.aggregate(Count("pk"), Sum("pk")),
        *_decisions_parts(),
    ]
    return hashlib.sha256(json.dumps(parts, default=str, sort_keys=True).encode()).hexdigest()


def _decisions_parts() -> list:
    from decisions.export import fingerprint_parts

    return fingerprint_parts()


def export_name(fingerprint: str) -> str:
    return f"{EXPORT_FOLDER}/{EXPORT_PREFIX}{fingerprint[:24]}.json"


def regenerate_export() -> str:
    """Write the export of everything published now; return its storage name."""
    name = export_name(public_content_fingerprint())
    body = json.dumps(build_export(), indent=1, ensure_ascii=False).encode()
    if default_storage.exists(name):
        default_storage.delete(name)
    saved = default_storage.save(name, ContentFile(body))
    _remove_older_exports(keep=saved)
    return saved


def current_export() -> str | None:
    """The stored export for the current content; None while the worker has yet to build it."""
    name = export_name(public_content_fingerprint())
    return name if default_storage.exists(name) else None


def _remove_older_exports(keep: str) -> None:
    try:
        _, files = default_storage.listdir(EXPORT_FOLDER)
    except (FileNotFoundError, NotImplementedError):
        return
    for filename in files:
        name = f"{EXPORT_FOLDER}/{filename}"
        if filename.startswith(EXPORT_PREFIX) and name != keep:
            default_storage.delete(name)


def export_download(request):
    """GET: the bulk export of everything public, as one JSON file (never a stale one)."""
    from documents.tasks import rebuild_export

    name = current_export()
    if name is None:
        rebuild_export.enqueue()
        name = current_export()  # a task backend that runs at once has built it
    if name is None:
        response = JsonResponse(
            {"detail": "The export is being brought up to date; please try again shortly."},
            status=503,
        )
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response
    filename = f"committee-papers-{timezone.localdate().isoformat()}.json"
    response = FileResponse(
        default_storage.open(name, "rb"),
        as_attachment=True,
        filename=filename,
        content_type="application/json",
    )
    response["Cache-Control"] = "no-cache"
    return response
