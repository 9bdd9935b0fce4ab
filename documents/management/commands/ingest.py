"""python manage.py ingest PATH [PATH ...]: read committee PDFs into the portal."""

from __future__ import annotations

import datetime as dt
import json
import sys

from django.core.management.base import BaseCommand, CommandError

from documents.importer import Importer, IngestOptions, expand_paths
from documents.ingest.vocabulary import DOCUMENT_KINDS, OTHER


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--date {value!r} is not a date in the form YYYY-MM-DD") from exc


class Command(BaseCommand):
    help = "Read committee papers (PDF files or folders of them) into meetings, items and pages."
    # Configuration is checked by `manage.py check` at deploy time; a batch job starts fast.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="PDF files or folders")
        parser.add_argument("--committee", help="committee name (overrides what is read)")
        parser.add_argument("--date", help="meeting date YYYY-MM-DD (overrides what is read)")
        parser.add_argument(
            "--kind", choices=[k for k in DOCUMENT_KINDS if k != OTHER], help="document kind"
        )
        parser.add_argument(
            "--draft", action="store_true", help="leave the new documents unpublished"
        )
        parser.add_argument("--workers", type=int, default=1, help="files parsed at once")
        parser.add_argument("--json", action="store_true", help="one JSON object per file")

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except CommandError as exc:
            self.stderr.write(f"error: {exc}")
            sys.exit(2)

    def handle(self, *args, **options):
        if options["workers"] < 1:
            raise CommandError("--workers must be 1 or more")
        date = iso_date(options["date"]) if options["date"] else None
        files = expand_paths(options["paths"])
        if not files:
            raise CommandError("no PDF files found in the paths given")
        importer = Importer(
            IngestOptions(
                committee=options["committee"],
                date=date,
                kind=options["kind"],
                publish=not options["draft"],
                workers=options["workers"],
            )
        )
        progress = not options["json"] and self.stdout.isatty()
        failed = 0
        for done, result in enumerate(importer.ingest(files), start=1):
            failed += result.status == "failed"
            if options["json"]:
                self.stdout.write(json.dumps(result.as_dict()))
                continue
            if progress:
                self.stdout.write(f"\r\033[K[{done}/{len(files)}] ", ending="")
            self.stdout.write(self.describe(result))
        if failed:
            sys.exit(1)

    def describe(self, result) -> str:
        if result.status == "ok":
            return self.style.SUCCESS("ok") + (
                f" {result.path} -> {result.meeting} ({result.items} items, "
                f"{result.pages} pages, {result.seconds:.1f}s)"
            )
        if result.status == "unchanged":
            return f"unchanged {result.path}"
        return self.style.ERROR("FAILED") + f" {result.path}: {result.error}"
