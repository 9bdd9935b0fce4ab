"""python manage.py eastmere_archive FOLDER: write the invented Eastmere District Council's
papers (portal/demo/eastmere.py) under FOLDER as <committee>/<date>/<paper>.pdf, ready for
``manage.py ingest FOLDER``. The same papers, byte for byte, every time."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from portal.demo import eastmere


class Command(BaseCommand):
    help = "Write the papers of the invented Eastmere District Council under FOLDER."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, **options):
        papers = eastmere.build(options["folder"])
        self.stdout.write(f"{len(papers)} papers written under {options['folder']}")
