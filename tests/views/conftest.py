"""The Dorset sample papers and the invented Eastmere District Council's archive (made by
portal/demo/eastmere.py, as the demo loads it), ingested once for every view test, inside a
transaction rolled back at the end.

Each test runs in its own savepoint within that transaction (pytest-django's ``django_db``),
so tests may change rows freely; nothing outlives this package.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import override_settings

from documents.importer import Importer, IngestOptions
from portal.demo import eastmere
from tests.conftest import PAPERS
from tests.storage import papers_storages

VIEW_PAPERS = [
    "dorset-cabinet-2017-10-04-minutes.pdf",
    "dorset-people-and-health-2021-09-02-agenda-pack.pdf",
]


@pytest.fixture(scope="package")
def views_media(tmp_path_factory):
    return tmp_path_factory.mktemp("views-media")


@pytest.fixture(scope="package", autouse=True)
def ingested(django_db_setup, django_db_blocker, views_media):
    """The papers, read once, without OCR (as a council without Tesseract): Eastmere's
    scanned signed minutes keep no text."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=views_media, STORAGES=papers_storages(views_media)),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            archive = views_media.parent / "eastmere"
            eastmere.build(archive)
            papers = [PAPERS / name for name in VIEW_PAPERS]
            results = list(
                Importer(IngestOptions(isolate=False, ocr=False)).ingest([*papers, archive])
            )
            failed = [r for r in results if r.status != "ok"]
            assert not failed, failed
            yield results
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _papers_storage(settings, views_media):
    """Replaces the suite's per-test folder: these tests read the papers ingested above."""
    settings.SECURE_SSL_REDIRECT = False
    settings.MEDIA_ROOT = views_media
    settings.STORAGES = papers_storages(views_media)
