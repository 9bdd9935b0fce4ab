"""The leak world, built once for this package inside a transaction rolled back at the end.

Each test runs in its own savepoint within it (pytest-django's ``django_db``), so a test may
publish something for a moment; nothing outlives the package.
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings

from tests.security.emails import readable
from tests.security.markers import zqx_words
from tests.security.world import build_world
from tests.storage import papers_storages


@pytest.fixture(scope="package")
def leak_media(tmp_path_factory):
    return tmp_path_factory.mktemp("leak-media")


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker, leak_media, tmp_path_factory):
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=leak_media, STORAGES=papers_storages(leak_media)),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_world(tmp_path_factory.mktemp("leak-papers"))
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _papers_storage(settings, leak_media):
    """Replaces the suite's per-test folder: these tests read the papers stored above."""
    # The task worker's jobs (reading uploads, rebuilding the export) run at once.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.SECURE_SSL_REDIRECT = False
    settings.MEDIA_ROOT = leak_media
    settings.STORAGES = papers_storages(leak_media)


@pytest.fixture(autouse=True)
def _no_secret_in_any_email():
    """No email sent during a security test (alerts, confirmations) shows a marker word."""
    yield
    sent = [readable(message) for message in mail.outbox]
    assert [sorted(zqx_words(text)) for text in sent if zqx_words(text)] == []
