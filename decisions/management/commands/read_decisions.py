"""Read the forward plans, records of decision and call-ins of papers already stored (after
an upgrade): ``manage.py read_decisions [ID ...]``. Staff corrections are kept."""

from django.core.management.base import BaseCommand

from decisions.reading import read_document
from documents.models import Document


class Command(BaseCommand):
    help = "Read forward plans, records of decision and call-ins from stored papers."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="paper ids (default: all)")

    def handle(self, *args, ids, **options):
        papers = Document.objects.order_by("pk")
        if ids:
            papers = papers.filter(pk__in=ids)
        count = 0
        for document in papers.select_related("meeting__committee").iterator():
            read_document(document)
            count += 1
        self.stdout.write(f"read {count} paper(s)")
