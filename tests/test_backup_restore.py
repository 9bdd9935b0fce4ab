"""A backup restores: the database and the papers folder, restored into an empty database and a
new folder, serve the same public pages, byte for byte, and the copy keeps working.

This follows README.md, "Backups": ``pg_dump --format=custom``, ``createdb``, ``pg_restore
--no-owner --no-privileges`` on PostgreSQL; the online backup API on SQLite (in WAL mode, so
taken while another connection has the database open); a copy of the papers folder; then
``manage.py migrate`` and ``manage.py check``. Both sides are rendered by
tests/render_pages.py in a fresh process (every published meeting, item, paper, PDF, feed,
list, API resource and a few searches); afterwards a paper is read into the restored copy and
found by search, so its search structures (tsvector columns, GIN indexes and triggers; FTS5
tables and triggers) came back alive.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection

from documents.importer import Importer, IngestOptions
from tests.shared_papers import paper

ROOT = Path(__file__).resolve().parent.parent
RENDER = ROOT / "tests" / "render_pages.py"
BACKED_UP = [
    "dorset-cabinet-2017-10-04-minutes.pdf",  # exempt items: a redacted PDF, withheld pages
    "uk_kent_cabinet_2025-01-30_agenda-frontsheet.pdf",
    "uk_kent_cabinet_2025-01-30_printed-minutes.pdf",
    "uk_hertingfordbury-pc_2019-09-11_minutes.pdf",
]
FOUND = ["budget", "family hubs", "education"]
LATER_PAPER = "uk_kent_corporate-parenting-panel_2024-12-10_minutes.pdf"
LATER_WORD = "unaccompanied"  # in the later paper only
SEARCH = ["--search", *FOUND, LATER_WORD]


def search_url(word: str) -> str:
    return "/api/search?q=" + word.replace(" ", "+")


def portal_env(database_url: str, media: Path) -> dict[str, str]:
    # The browser tests allow sync database calls in this process; a deployment never does.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
        "DATA_DIR": str(media.parent / "data"),
        "DEBUG": "0",
        "SECRET_KEY": "backup-test-" + "b" * 50,
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "ERROR",
        "EMAIL_HOST": "smtp.example.gov.uk",  # production sends alerts and password resets
    }


def run(command: list, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(part) for part in command], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def render(database_url: str, media: Path, *args) -> dict:
    return json.loads(run([sys.executable, RENDER, *args], portal_env(database_url, media)))


def migrate_and_check(database_url: str, media: Path) -> None:
    """The steps README.md gives after a restore: both must pass on the restored copy."""
    env = portal_env(database_url, media)
    manage = [sys.executable, ROOT / "manage.py"]
    run([*manage, "migrate", "--noinput"], env)
    run([*manage, "check", "--deploy"], env)


def assert_same_site(before: dict, after: dict) -> None:
    pages = before["pages"]
    assert len(pages) > 60, sorted(pages)
    assert {url: p["status"] for url, p in pages.items() if p["status"] != 200} == {}
    assert sorted(after["pages"]) == sorted(pages)
    changed = [url for url in pages if after["pages"][url] != pages[url]]
    assert changed == [], f"pages that differ after the restore: {changed}"
    assert any(url.endswith("/pdf/") for url in pages)
    counts = before["search_counts"]
    assert all(counts[search_url(word)] > 0 for word in FOUND), counts
    assert counts[search_url(LATER_WORD)] == 0, counts
    assert after["search_counts"] == counts


def assert_restored_copy_is_live(database_url: str, media: Path) -> None:
    """A paper read into the restored copy is found: the search structures still update."""
    later = render(
        database_url,
        media,
        "--ingest",
        paper(LATER_PAPER),
        "--only-search",
        "--search",
        LATER_WORD,
    )
    assert later["search_counts"][search_url(LATER_WORD)] > 0


@pytest.mark.django_db(transaction=True)  # committed, so pg_dump and other processes see it
def test_postgresql_dump_and_papers_folder_restore_the_same_site(settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://...); the SQLite test covers SQLite")
    missing = [t for t in ("pg_dump", "pg_restore", "createdb", "dropdb") if not shutil.which(t)]
    if missing:
        pytest.skip(f"PostgreSQL client tools not installed: {', '.join(missing)}")
    results = list(
        Importer(IngestOptions(isolate=False, ocr=False)).ingest(paper(n) for n in BACKED_UP)
    )
    assert [r.status for r in results] == ["ok"] * len(BACKED_UP), results

    db = connection.settings_dict
    server = [f"--host={db['HOST'] or 'localhost'}", f"--port={db['PORT'] or 5432}"]
    server += [f"--username={db['USER']}"] if db["USER"] else []
    env = {**os.environ, **({"PGPASSWORD": db["PASSWORD"]} if db["PASSWORD"] else {})}
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    base_url = f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}"
    media = Path(settings.MEDIA_ROOT)
    original_url = f"{base_url}/{db['NAME']}"
    before = render(original_url, media, *SEARCH)

    dump = tmp_path / "portal.dump"
    run(["pg_dump", "--format=custom", f"--file={dump}", original_url], env)
    restored_media = tmp_path / "restored" / "papers"
    shutil.copytree(media, restored_media)
    restored = f"restore_{uuid.uuid4().hex[:12]}"
    restored_url = f"{base_url}/{restored}"
    run(["createdb", *server, restored], env)
    try:
        run(
            ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
            + [f"--dbname={restored_url}", dump],
            env,
        )
        migrate_and_check(restored_url, restored_media)
        after = render(restored_url, restored_media, *SEARCH)
        assert_same_site(before, after)
        indexes = run(
            ["psql", "--no-align", "--tuples-only", f"--dbname={restored_url}"]
            + [
                "--command=SELECT indexname FROM pg_indexes"
                " WHERE indexdef LIKE '%USING gin (search_vector)'"
            ],
            env,
        ).split()
        assert sorted(indexes) == [
            "documents_page_search_gin",
            "documents_resolution_search_gin",
            "documents_search_item_gin",
        ]
        assert_restored_copy_is_live(restored_url, restored_media)
    finally:
        run(["dropdb", *server, "--if-exists", "--force", restored], env)


def online_backup(source: Path, target: Path) -> None:
    """As README.md gives it: SQLite's backup API, safe while the portal is running."""
    copy = sqlite3.connect(target)
    sqlite3.connect(source).backup(copy)
    copy.close()


def same_rows(one: Path, other: Path) -> bool:
    first, second = sqlite3.connect(one), sqlite3.connect(other)
    try:
        return list(first.iterdump()) == list(second.iterdump())
    finally:
        first.close()
        second.close()


def test_sqlite_online_backup_and_papers_folder_restore_the_same_site(tmp_path):
    live = tmp_path / "live" / "portal.sqlite3"
    live.parent.mkdir()
    media = tmp_path / "live" / "papers"
    # A running portal: another connection keeps the database open, so the ingest's writes
    # stay in the write-ahead log (a copy of portal.sqlite3 alone would miss them).
    running = sqlite3.connect(live)
    try:
        running.execute("PRAGMA journal_mode=WAL")
        running.execute("SELECT count(*) FROM sqlite_master").fetchall()
        before = render(
            f"sqlite:///{live}",
            media,
            "--migrate",
            "--ingest",
            *(paper(n) for n in BACKED_UP),
            *SEARCH,
        )
        assert live.with_name("portal.sqlite3-wal").stat().st_size > 0
        backup = tmp_path / "restored" / "portal.sqlite3"
        backup.parent.mkdir()
        online_backup(live, backup)
        if shutil.which("sqlite3"):  # the sqlite3 tool's .backup, README's other way, is the same
            run(["sqlite3", live, f".backup {tmp_path / 'cli.sqlite3'}"])
            assert same_rows(backup, tmp_path / "cli.sqlite3")
        restored_media = backup.parent / "papers"
        shutil.copytree(media, restored_media)
    finally:
        running.close()
    restored_url = f"sqlite:///{backup}"
    migrate_and_check(restored_url, restored_media)
    after = render(restored_url, restored_media, *SEARCH)
    assert_same_site(before, after)
    assert_restored_copy_is_live(restored_url, restored_media)
