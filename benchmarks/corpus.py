"""Ingest every real paper the project holds into a fresh database and say what came of it.

    uv run python benchmarks/corpus.py [FOLDER ...] [--shared ../shared] [--workers 1]
        [--show 10] [--keep DB.sqlite3]

With no FOLDER: ``real-papers``, ``real-papers-us`` and ``real-papers-more`` under the shared
folder, then each meeting folder of ``real-meetings`` as one clerk's folder, ingested the way
the README tells a clerk to (``manage.py ingest FOLDER``: the folders say the committee and
date). Everything goes into one scratch SQLite database, in one process. It prints, as a
Markdown table: papers, accepted, refused by reason, meetings made, items, papers a second;
the roles found; then plausibility checks that need no truth files (``plausibility.py``),
each with its count and up to ``--show`` offenders.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAT = ("real-papers", "real-papers-us", "real-papers-more")


@dataclass
class Batch:
    """One ``ingest`` call: a folder a clerk would hand over."""

    label: str
    paths: list[Path]
    outcomes: Counter = field(default_factory=Counter)
    refusals: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    pages: int = 0


def batches_for(shared: Path, folders: list[Path]) -> list[Batch]:
    if folders:
        return [Batch(str(folder), [folder]) for folder in folders]
    found = [Batch(name, [shared / name]) for name in FLAT if (shared / name).is_dir()]
    meetings = shared / "real-meetings"
    for date_folder in sorted(meetings.glob("*/*/*")) if meetings.is_dir() else []:
        if date_folder.is_dir():
            found.append(Batch(str(date_folder.relative_to(shared)), [date_folder]))
    return found


def reason(error: str) -> str:
    """A refusal's reason without the file's own details (sizes, page counts, names)."""
    text = (error or "unknown").split(";")[0].strip()
    for marker in (" (", ", over the", " after "):
        text = text.split(marker)[0]
    return text[:90]


def ingest(batch: Batch, workers: int) -> None:
    from documents.importer import Importer, IngestOptions, expand_paths

    files = expand_paths(batch.paths)
    started = time.perf_counter()
    for result in Importer(IngestOptions(workers=workers)).ingest(files):
        batch.outcomes[result.status] += 1
        batch.pages += result.pages
        if result.status == "failed":
            batch.refusals[reason(result.error)] += 1
    batch.seconds = time.perf_counter() - started


def table(batches: list[Batch]) -> list[str]:
    from documents.models import Document
    from meetings.models import AgendaItem, Meeting

    rows = [
        "| folder | papers | accepted | unchanged | refused | pages | seconds | papers/s |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    total = Batch("all", [])
    for batch in batches:
        papers = sum(batch.outcomes.values())
        total.outcomes.update(batch.outcomes)
        total.refusals.update(batch.refusals)
        total.seconds += batch.seconds
        total.pages += batch.pages
        rows.append(_row(batch.label, papers, batch))
    rows.append(_row("**all**", sum(total.outcomes.values()), total))
    meetings = Meeting.objects.count()
    items = AgendaItem.objects.filter(parent__isnull=True).count()
    sub_items = AgendaItem.objects.filter(parent__isnull=False).count()
    role_counts = Counter()
    for document in Document.objects.only("kind", "minutes_of_id", "meeting_id"):
        role_counts[document.get_role_display()] += 1
    lines = [*rows, ""]
    lines.append(
        f"Meetings made: {meetings}; items: {items} (and {sub_items} sub-items); committees: "
        f"{Meeting.objects.values('committee').distinct().count()}."
    )
    lines.append(
        "Roles: " + ", ".join(f"{name} {n}" for name, n in role_counts.most_common()) + "."
    )
    if total.refusals:
        lines.append("")
        lines.append("| refused because | papers |")
        lines.append("|---|--:|")
        for why, n in total.refusals.most_common():
            lines.append(f"| {why} | {n} |")
    return lines


def _row(label: str, papers: int, batch: Batch) -> str:
    rate = papers / batch.seconds if batch.seconds else 0.0
    return (
        f"| {label} | {papers} | {batch.outcomes['ok']} | {batch.outcomes['unchanged']} | "
        f"{batch.outcomes['failed']} | {batch.pages} | {batch.seconds:.1f} | {rate:.1f} |"
    )


def checks(show: int) -> list[str]:
    from benchmarks.plausibility import run_checks

    lines = ["| plausibility check | count |", "|---|--:|"]
    details = []
    for label, offenders in run_checks():
        lines.append(f"| {label} | {len(offenders)} |")
        if offenders and show:
            details.append(f"{label}:")
            details += [f"  - {line}" for line in offenders[:show]]
            if len(offenders) > show:
                details.append(f"  - … and {len(offenders) - show} more")
    return [*lines, "", *details]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="*", type=Path, metavar="FOLDER")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--show", type=int, default=10, help="offenders listed per check")
    parser.add_argument("--keep", type=Path, help="keep the database at this path")
    args = parser.parse_args()
    batches = batches_for(args.shared, args.folders)
    if not batches:
        raise SystemExit(f"no folders of papers found under {args.shared}")
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        database = args.keep.resolve() if args.keep else Path(tmp) / "corpus.sqlite3"
        if database.exists():
            raise SystemExit(f"{database} exists; the corpus goes into a fresh database")
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
        os.environ["MEDIA_ROOT"] = str(Path(tmp) / "media")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        for batch in batches:
            ingest(batch, args.workers)
            print(f"{batch.label}: {dict(batch.outcomes)} in {batch.seconds:.1f}s", flush=True)
        print()
        print("\n".join([*table(batches), "", *checks(args.show)]))


if __name__ == "__main__":
    main()
