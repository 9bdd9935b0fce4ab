"""The bulk export as a downloadable file, kept in the papers' storage.

``regenerate_export()`` writes the current export (documents.export.build_export); staff
publishing calls it. The download view also regenerates lazily: the stored file is named by a
fingerprint of everything that decides what is public (meetings, papers, exempt marks), so a
change to any of them, even one made in the admin, makes the next download build a fresh file
and the stale one is never served.
"""

from __future__ import annotations

import hashlib
import json

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Count, Max, Sum
from django.http import FileResponse
from django.utils import timezone

from documents.export import build_export
from documents.models import Document
from meetings.models import AgendaItem, Committee, Meeting, Resolution

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
        Resolution.objects.aggregate(Count("pk"), Sum("pk")),
    ]
    return hashlib.sha256(json.dumps(parts, default=str, sort_keys=True).encode()).hexdigest()


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


def current_export() -> str:
    """The stored export for the current content, built first if it is missing or stale."""
    name = export_name(public_content_fingerprint())
    if default_storage.exists(name):
        return name
    return regenerate_export()


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
    """GET: the bulk export of everything public, as one JSON file."""
    name = current_export()
    filename = f"committee-papers-{timezone.localdate().isoformat()}.json"
    response = FileResponse(
        default_storage.open(name, "rb"),
        as_attachment=True,
        filename=filename,
        content_type="application/json",
    )
    response["Cache-Control"] = "no-cache"
    return response
