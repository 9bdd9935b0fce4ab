"""Where tests keep papers: a folder of their own, never the developer's data."""

from __future__ import annotations

from pathlib import Path


def papers_storages(location: Path) -> dict:
    """STORAGES that keep papers in ``location`` and serve static files unhashed."""
    return {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(location)},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def stored_papers(media_root) -> list[Path]:
    """The papers' files in storage; the open-data export (rebuilt by the task worker after
    a published ingest) lives beside them under exports/ and is not a paper."""
    root = Path(media_root)
    if not root.exists():
        return []
    return [
        path
        for path in root.rglob("*")
        if path.is_file() and path.relative_to(root).parts[0] != "exports"
    ]
