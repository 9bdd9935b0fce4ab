"""Run ``manage.py`` commands in real processes against a database of their own.

Used by the concurrency and crash tests. As a script it is ``manage.py`` with a few
monkeypatches taken from the environment, so a test can line processes up or stop one at a
chosen point inside an ingest:

- ``SUBPROCESS_BARRIER=DIR:N``: ``DocumentWriter.write`` waits until N processes reach it.
- ``SUBPROCESS_PAUSE=METHOD:WHEN:MARKER``: ``DocumentWriter.METHOD`` touches MARKER
  ``before`` or ``after`` running, then waits to be killed.
- ``SUBPROCESS_SETTINGS={json}``: settings to override once Django is set up.

As a module it gives the tests a fresh migrated database (SQLite file or PostgreSQL
``conc_*`` database, after the suite's own ``DATABASE_URL``) and ways to start and wait.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).resolve()
WAIT_SECONDS = 180  # generous: the machine may be busy; waits end as soon as things happen


# -- the script ----------------------------------------------------------------------------
def _wait_at_barrier(spec: str) -> None:
    folder, count = spec.rsplit(":", 1)
    Path(folder, str(os.getpid())).touch()
    deadline = time.monotonic() + WAIT_SECONDS
    while len(os.listdir(folder)) < int(count):
        if time.monotonic() > deadline:
            raise SystemExit("barrier: the other processes never came")
        time.sleep(0.005)


def _patch() -> None:
    from django.conf import settings

    from documents.writer import DocumentWriter

    for name, value in json.loads(os.environ.get("SUBPROCESS_SETTINGS") or "{}").items():
        setattr(settings, name, value)
    if barrier := os.environ.get("SUBPROCESS_BARRIER"):
        write = DocumentWriter.write

        def write_together(self):
            _wait_at_barrier(barrier)
            return write(self)

        DocumentWriter.write = write_together
    if pause := os.environ.get("SUBPROCESS_PAUSE"):
        method, when, marker = pause.split(":", 2)
        original = getattr(DocumentWriter, method)

        def stop_here():
            Path(marker).touch()
            while True:  # until the test kills this process
                time.sleep(60)

        def paused(self, *args, **kwargs):
            if when == "before":
                stop_here()
            result = original(self, *args, **kwargs)
            stop_here()
            return result

        setattr(DocumentWriter, method, paused)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    _patch()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["manage.py", *sys.argv[1:]])


# -- databases for the processes -----------------------------------------------------------
class Database:
    """A migrated database for subprocesses: an SQLite file, or a PostgreSQL ``conc_*``."""

    def __init__(self, url: str, folder: Path) -> None:
        self.url = url
        self.folder = folder
        self.vendor = "sqlite" if url.startswith("sqlite") else "postgresql"

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("SUBPROCESS_", "DJANGO_", "PYTEST_"))
        }
        env.update(
            DATABASE_URL=self.url,
            DATA_DIR=str(self.folder),
            MEDIA_ROOT=str(self.folder / "papers"),
            STAFF_UPLOAD_DIR=str(self.folder / "incoming"),
            SECRET_KEY="subprocess-tests-" + "x" * 40,
            DEBUG="0",
            PYTHONUNBUFFERED="1",
            **extra,
        )
        return env

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        if self.vendor == "sqlite":
            with sqlite3.connect(self.url.removeprefix("sqlite:///"), timeout=30) as conn:
                return conn.execute(sql.replace("%s", "?"), params).fetchall()
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            return conn.execute(sql, params).fetchall()

    def count(self, table: str) -> int:
        return self.rows(f"SELECT count(*) FROM {table}")[0][0]

    def stored_papers(self) -> list[Path]:
        return sorted(p for p in (self.folder / "papers").rglob("*") if p.is_file())


def _admin_url(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


def _named(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def _admin(sql: str, url: str) -> None:
    import psycopg

    with psycopg.connect(_admin_url(url), autocommit=True) as conn:
        conn.execute(sql)


_templates: dict[str, str] = {}


def _template(suite_url: str) -> str:
    """One migrated database per test run, copied for each test (migrating takes seconds)."""
    if suite_url in _templates:
        return _templates[suite_url]
    if suite_url:
        name = f"conc_template_{uuid.uuid4().hex[:12]}"
        _admin(f"CREATE DATABASE {name}", suite_url)
        atexit.register(_admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", suite_url)
        url = _named(suite_url, name)
    else:
        folder = Path(tempfile.mkdtemp(prefix="conc-template-"))
        atexit.register(shutil.rmtree, folder, True)
        url = f"sqlite:///{folder / 'template.sqlite3'}"
    run(Database(url, Path(tempfile.gettempdir())), "migrate", "--no-input", "-v0", timeout=600)
    _templates[suite_url] = url
    return url


def fresh_database(folder: Path):
    """A migrated database for one test's processes, on the suite's own kind of database.

    A generator for a fixture: yields the Database, then drops it.
    """
    suite_url = os.environ.get("DATABASE_URL", "")
    suite_url = suite_url if suite_url.startswith("postgres") else ""
    template = _template(suite_url)
    (folder / "papers").mkdir(parents=True, exist_ok=True)
    if suite_url:
        name = f"conc_{uuid.uuid4().hex[:12]}"
        _admin(f"CREATE DATABASE {name} TEMPLATE {urlsplit(template).path[1:]}", suite_url)
        try:
            yield Database(_named(suite_url, name), folder)
        finally:
            _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", suite_url)
    else:
        path = folder / "portal.sqlite3"
        with (
            sqlite3.connect(template.removeprefix("sqlite:///")) as source,
            sqlite3.connect(path) as target,
        ):
            source.backup(target)
        yield Database(f"sqlite:///{path}", folder)


# -- papers -------------------------------------------------------------------------------
HEADER = [
    "Borsetshire County Council",
    "Cabinet",
    "Date: Wednesday, 14 May 2025",
    "Time: 10.00 am",
    "Venue: Council Chamber, County Hall, Borchester",
]
MEETING_URL = "/meetings/cabinet/2025-05-14/"


def agenda_pdf(path: Path) -> Path:
    """A one-page agenda of Cabinet on 14 May 2025 (quick to read)."""
    from tests.pdfmaker import make_pdf

    lines = ["AGENDA", "1. Apologies for absence", "2. Library service review", "Page 1"]
    return make_pdf(path, [HEADER + lines])


def minutes_pdf(path: Path) -> Path:
    """The minutes of that same meeting."""
    from tests.pdfmaker import make_pdf

    lines = [
        "Present: Councillor A Smith (Chair), Councillor B Jones",
        "1. Apologies for absence",
        "2. Library service review",
        "RESOLVED: That the review be noted.",
        "Page 1",
    ]
    return make_pdf(path, [HEADER[:2] + ["MINUTES"] + HEADER[2:] + lines])


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- processes -----------------------------------------------------------------------------
def start(db: Database, *args: str, **env: str) -> subprocess.Popen:
    """Start ``manage.py ARGS`` (through this script) in its own process group."""
    return subprocess.Popen(
        [sys.executable, str(SCRIPT), *args],
        cwd=ROOT,
        env=db.env(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def run(db: Database, *args: str, timeout: float = WAIT_SECONDS, **env: str):
    process = start(db, *args, **env)
    out, err = process.communicate(timeout=timeout)
    if process.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} exited {process.returncode}:\n{err}")
    return out


def kill(process: subprocess.Popen) -> None:
    """SIGKILL the process and every process it started, as a crash or the OOM killer would."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=WAIT_SECONDS)


def stop(process: subprocess.Popen) -> tuple[str, str]:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
    try:
        return process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        kill(process)
        raise


def wait_for(condition, what: str, *, process: subprocess.Popen | None = None, timeout=None):
    """Poll ``condition()`` until true; fail with ``what`` (and the process's output) if not."""
    deadline = time.monotonic() + (timeout or WAIT_SECONDS)
    while not condition():
        if process is not None and process.poll() is not None:
            out, err = process.communicate()
            raise AssertionError(f"the process ended before {what}:\n{out}\n{err}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


if __name__ == "__main__":
    main()
