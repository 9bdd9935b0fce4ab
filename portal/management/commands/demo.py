"""python manage.py demo: the portal on this machine with a living council loaded.

Migrates the database, writes the archive of Eastmere District Council (an invented council,
made by portal/demo/eastmere.py: four committees over two years) under DATA_DIR/eastmere,
ingests it with the two Dorset sample papers (already-loaded files are skipped, so running
it again is safe), builds the open-data export, and starts the development server on
http://127.0.0.1:8000/ (``--addrport`` for another) with the background reader (the task
worker) beside it, so staff uploads are read and the export follows every change with no other
command. It makes a staff account (``clerk``) on the first run and prints how to sign in.
Missing pages and errors show the portal's own pages, not Django's debug pages. For trying
the portal out, never for production.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import BaseCommand

from documents.export_file import regenerate_export
from documents.importer import Importer, IngestOptions
from portal.demo import eastmere
from staff.permissions import sync_group

STAFF_USERNAME = "clerk"


class Command(BaseCommand):
    help = (
        "Migrate, load the sample papers and serve the portal with its background reader "
        "on 127.0.0.1:8000 (--addrport to change)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--addrport",
            default="127.0.0.1:8000",
            help="address and port to serve on, e.g. 0.0.0.0:8080 (default 127.0.0.1:8000)",
        )
        parser.add_argument("--no-serve", action="store_true", help="load, but do not serve")

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        archive = settings.DATA_DIR / "eastmere"
        papers = eastmere.build(archive)
        self.stdout.write(f"Database ready. {len(papers)} papers of {eastmere.COUNCIL.name}")
        self.stdout.write(f"written to {archive}. Loading them and the sample papers…")
        importer = Importer(IngestOptions(workers=min(2, os.cpu_count() or 1)))
        for result in importer.ingest([settings.SAMPLE_PAPERS_DIR, archive]):
            detail = result.error or result.meeting or ""
            self.stdout.write(f"  {result.status:<9} {os.path.basename(result.path)} {detail}")
        regenerate_export()
        sign_in = self._staff_account()
        if options["no_serve"]:
            self.stdout.write(sign_in)
            return
        address = options["addrport"]
        if ":" not in address:
            address = f"127.0.0.1:{address}"
        self.stdout.write(
            f"\nThe portal: http://{address}/\n"
            f"Staff pages: http://{address}/staff/ {sign_in}\n"
            "Uploads are read by the background reader started with it.\n"
            "Another address or port: manage.py demo --addrport 0.0.0.0:8080. Ctrl+C stops it."
        )
        sys.stdout.flush()
        self._serve(address)

    def _staff_account(self) -> str:
        """A Democratic services account to try the staff pages with, made on the first run;
        its password is kept in DATA_DIR/demo-staff.txt (this machine only)."""
        users = get_user_model()
        saved = settings.DATA_DIR / "demo-staff.txt"
        user = users.objects.filter(username=STAFF_USERNAME).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = users.objects.create_user(STAFF_USERNAME, password=password, is_staff=True)
            user.groups.add(sync_group(Group, Permission))
            saved.write_text(password + "\n")
            saved.chmod(0o600)
        if saved.exists():
            password = saved.read_text().strip()
            return f"(sign in as {STAFF_USERNAME}, password {password}, kept in {saved})"
        return (
            f"(sign in as {STAFF_USERNAME}; set its password with "
            f"manage.py changepassword {STAFF_USERNAME}, or make another account with "
            "manage.py add_staff NAME --create)"
        )

    def _serve(self, address: str) -> None:
        """The development server and the background reader side by side; this process waits
        for both (so neither is left behind as a zombie), restarts the reader if it stops, and
        stops both on Ctrl+C."""
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, _interrupt)
        manage = os.path.join(settings.BASE_DIR, "manage.py")
        # The development server, on this machine only, with the portal's own error pages.
        env = dict(os.environ, DEBUG="1", PORTAL_OWN_ERROR_PAGES="1")
        server = subprocess.Popen(
            [sys.executable, manage, "runserver", "--noreload", address], env=env
        )
        worker = subprocess.Popen([sys.executable, manage, "db_worker"], env=env)
        try:
            while server.poll() is None:
                if worker.poll() is not None:
                    self.stderr.write("The background reader stopped; starting it again.")
                    worker = subprocess.Popen([sys.executable, manage, "db_worker"], env=env)
                time.sleep(1)
        except KeyboardInterrupt:
            pass
        finally:
            for process in (server, worker):
                if process.poll() is None:
                    process.terminate()
            for process in (server, worker):
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def _interrupt(signum, frame):
    raise KeyboardInterrupt
