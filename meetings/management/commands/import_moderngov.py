"""python manage.py import_moderngov SOURCE: a council's Modern.Gov history, from its web
service (a base URL) or a folder of saved responses."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from meetings.moderngov.importer import ModernGovImporter
from meetings.moderngov.sources import SourceError, open_source


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"{value!r} is not YYYY-MM-DD") from exc


class Command(BaseCommand):
    help = (
        "Import committees, meetings, agenda items and attached papers from Modern.Gov "
        "(https://democracy.example.gov.uk, or a folder of saved mgWebService responses)."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="the Modern.Gov site's base URL, or a folder")
        parser.add_argument(
            "--committee", action="append", help="only this committee (title or id); repeatable"
        )
        parser.add_argument("--from", dest="date_from", help="web service: meetings from")
        parser.add_argument("--to", dest="date_to", help="web service: meetings until")
        parser.add_argument("--no-papers", action="store_true", help="do not fetch PDFs")
        parser.add_argument("--draft", action="store_true", help="import unpublished")
        parser.add_argument("--timeout", type=float, default=30, help="seconds per request")

    def handle(self, *args, **options):
        source_options = {}
        if options["source"].startswith(("http://", "https://")):
            source_options["timeout"] = options["timeout"]
            if options["date_from"]:
                source_options["date_from"] = iso_date(options["date_from"])
            if options["date_to"]:
                source_options["date_to"] = iso_date(options["date_to"])
        try:
            source = open_source(options["source"], **source_options)
            importer = ModernGovImporter(
                source,
                committees=options["committee"],
                fetch_papers=not options["no_papers"],
                publish=not options["draft"],
                say=self.stdout.write,
            )
            report = importer.run()
        except SourceError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(report.summary())
        if report.papers["failed"] or report.problems:
            raise CommandError(
                f"{report.papers['failed']} papers failed, {len(report.problems)} problems"
            )
