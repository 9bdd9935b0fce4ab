from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from django.core.cache import caches
from hypothesis import settings as hypothesis_settings

from tests.storage import papers_storages

# CI explores the same examples every run (a failure there is reproducible, never luck);
# a developer's run explores new ones.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

FIXTURES = Path(__file__).parent / "fixtures"
PAPERS = FIXTURES / "papers"


@pytest.fixture(autouse=True)
def _papers_storage(settings, tmp_path):
    """Every test stores papers in its own folder, never in the developer's data."""
    # The task worker's jobs (reading uploads, rebuilding the export) run at once.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.SECURE_SSL_REDIRECT = False  # the test client speaks plain HTTP
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, **papers_storages(tmp_path / "media")}
    yield


@pytest.fixture(autouse=True)
def _fresh_page_cache(settings):
    """The public page cache is on in every test, empty at the start of each: a test
    database rolled back may reach a content version an earlier test used. (A fixture of its
    own, so packages that replace ``_papers_storage`` keep it.)"""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"test-{uuid.uuid4().hex}",
        }
    }
    caches["default"].clear()
    yield


@pytest.fixture
def papers() -> Path:
    return PAPERS
