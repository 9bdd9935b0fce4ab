"""python manage.py demo: the portal on this machine with a living council loaded.

Migrates the database, writes the archive of Eastmere District Council (an invented council,
made by portal/demo/eastmere.py: four committees over two years) under DATA_DIR/eastmere,
ingests it with the two Dorset sample papers (already-loaded files are skipped, so running
it again is safe), builds the open-data export, and starts the development server on
http://127.0.0.1:8000/ with a task worker beside it (so staff uploads are read and the export
follows every change). For trying the portal out, never for production.
"""

from __future__ import annotations

import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from documents.export_file import regenerate_export
from documents.importer import Importer, IngestOptions
from portal.demo import eastmere


class Command(BaseCommand):
    help = "Migrate, load the sample papers and serve the portal on 127.0.0.1:8000."

    def add_arguments(self, parser):
        parser.add_argument("--addrport", default="127.0.0.1:8000")
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
        if options["no_serve"]:
            return
        self.stdout.write(f"Serving on http://{options['addrport']}/ (Ctrl+C to stop)")
        sys.stdout.flush()
        manage = os.path.join(settings.BASE_DIR, "manage.py")
        env = dict(os.environ, DEBUG="1")  # the development server, on this machine only
        # The worker shares the terminal's process group, so Ctrl+C stops it with the server.
        subprocess.Popen([sys.executable, manage, "db_worker"], env=env)
        os.execve(
            sys.executable,
            [sys.executable, manage, "runserver", "--noreload", options["addrport"]],
            env,
        )
