from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
PAPERS = FIXTURES / "papers"


@pytest.fixture(autouse=True)
def _papers_storage(settings, tmp_path):
    """Every test stores papers in its own folder, never in the developer's data."""
    settings.SECURE_SSL_REDIRECT = False  # the test client speaks plain HTTP
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    yield


@pytest.fixture
def papers() -> Path:
    return PAPERS
