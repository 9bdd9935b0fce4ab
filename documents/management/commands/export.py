"""python manage.py export: the open-data JSON of everything published."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents.export import build_export


class Command(BaseCommand):
    help = "Write every published meeting as JSON (contracts/export.schema.json)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="file to write (default: standard output)")
        parser.add_argument("--committee", help="only this committee (slug or name)")
        parser.add_argument("--since", help="only meetings on or after YYYY-MM-DD")

    def handle(self, *args, **options):
        since = None
        if options["since"]:
            try:
                since = dt.date.fromisoformat(options["since"])
            except ValueError as exc:
                raise CommandError(f"--since {options['since']!r} is not YYYY-MM-DD") from exc
        data = json.dumps(
            build_export(committee=options["committee"], since=since), indent=2, ensure_ascii=False
        )
        if options["output"]:
            target = Path(options["output"])
            partial = target.with_name(target.name + ".partial")
            partial.write_text(data + "\n", encoding="utf-8")
            partial.replace(target)
        else:
            self.stdout.write(data)
