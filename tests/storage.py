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
