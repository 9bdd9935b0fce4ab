"""python manage.py rerender_pages: read the stored papers' pages again (documents.rerender)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from documents.ingest.errors import IngestError
from documents.models import Document
from documents.rerender import rerender


class Command(BaseCommand):
    help = (
        "Read every stored paper's pages again with the current reading code and update their "
        "text and blocks (headings, paragraphs, label/value pairs, lists, tables). Pages read "
        "by OCR and page text corrected by hand are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="only these papers (ids)")
        parser.add_argument("--dry-run", action="store_true", help="report, change nothing")

    def handle(self, *args, **options):
        documents = Document.objects.order_by("pk")
        if options["ids"]:
            documents = documents.filter(pk__in=options["ids"])
        failed = 0
        for document in documents.iterator():
            try:
                done = rerender(document, dry_run=options["dry_run"])
            except (IngestError, OSError) as error:
                failed += 1
                self.stdout.write(f"FAILED {document.pk} {document.title}: {error}")
                continue
            self.stdout.write(
                f"ok {document.pk} {document.title}: {done.changed} pages changed, "
                f"{done.unchanged} unchanged, {done.kept} kept"
            )
        if failed:
            raise SystemExit(1)
