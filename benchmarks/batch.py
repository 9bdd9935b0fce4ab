"""Ingest speed of a batch of small real papers and of one long pack, beside raw extraction.

    uv run python benchmarks/batch.py [--shared ../shared] [--max-pages 3] [--runs 5]
        [--pack-pages 300]

The batch is every paper with a text layer and at most ``--max-pages`` pages in the shared
folders real-papers, real-papers-us and real-papers-more (scans are left out: OCR is another
cost). In one process, with Django set up once and a scratch SQLite database copied fresh
for every run, it times side by side, run after run: (a) pypdfium2's raw text extraction of
every page of the batch, (b) ``Importer.ingest`` of the batch as the ``ingest`` command runs
it (each file read in the sandbox, checked, parsed, stored, its meeting built), (c) the raw
extraction of a long pack built from the fixture papers and (d) its ingest; each raw figure
is the mean of one extraction just before and one just after the ingest. Start-up is
excluded: a first batch is ingested before timing, which starts the fork server. It prints
the medians, their ratios and the median of each run's ratio ingest / raw (targets: batch
<= 5x, pack <= 3x).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("real-papers", "real-papers-us", "real-papers-more")


def raw_extraction(paths: list[Path]) -> float:
    from benchmarks.ingest import extract_text

    started = time.perf_counter()
    for path in paths:
        extract_text(path)
    return time.perf_counter() - started


def small_papers(shared: Path, max_pages: int) -> list[Path]:
    from documents.ingest.ocr import lacks_text_layer
    from documents.ingest.parsed import PageContent
    from documents.ingest.pdf import raw_page_texts

    chosen = []
    for folder in FOLDERS:
        for path in sorted((shared / folder).glob("*.pdf")):
            texts = raw_page_texts(path)
            pages = [PageContent(number=n, raw_text=t) for n, t in enumerate(texts, start=1)]
            if len(texts) <= max_pages and not lacks_text_layer(pages):
                chosen.append(path)
    return chosen


class Scratch:
    """A migrated SQLite database, copied afresh for every run."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.runs = 0

    def fresh(self) -> None:
        from django.db import connection

        connection.close()
        self.runs += 1
        name = self.folder / f"run-{self.runs}.sqlite3"
        shutil.copy(self.folder / "template.sqlite3", name)
        connection.settings_dict["NAME"] = str(name)


def ingest(paths: list[Path], scratch: Scratch) -> tuple[float, Counter]:
    from documents.importer import Importer, IngestOptions

    scratch.fresh()
    started = time.perf_counter()
    results = list(Importer(IngestOptions()).ingest(paths))
    return time.perf_counter() - started, Counter(r.status for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--max-pages", type=int, default=3)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pack-pages", type=int, default=300, help="0 leaves the pack out")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        folder = Path(tmp)
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'template.sqlite3'}"
        os.environ["MEDIA_ROOT"] = str(folder / "media")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from benchmarks.build_pack import build

        call_command("migrate", verbosity=0)
        connection.close()
        scratch = Scratch(folder)
        batch = small_papers(args.shared, args.max_pages)
        if not batch:
            raise SystemExit(f"no papers found under {args.shared}")
        batch_pages = sum(len(pdfium.PdfDocument(str(p))) for p in batch)
        pack = folder / "pack.pdf"
        pack_pages = build(pack, args.pack_pages) if args.pack_pages else 0
        print(f"batch: {len(batch)} papers, {batch_pages} pages; pack: {pack_pages} pages")
        _, outcomes = ingest(batch, scratch)  # start-up: the fork server, imports, caches
        print("batch outcomes:", dict(outcomes))
        times: dict[str, list[float]] = {"raw": [], "batch": [], "pack raw": [], "pack": []}
        ratios: dict[str, list[float]] = {"batch": [], "pack": []}
        for run in range(args.runs):
            # Raw extraction just before and just after each ingest: on a shared machine the
            # load moves, and each run's ratio is taken against the mean of the two.
            before = raw_extraction(batch)
            times["batch"].append(ingest(batch, scratch)[0])
            after = raw_extraction(batch)
            times["raw"].append((before + after) / 2)
            ratios["batch"].append(times["batch"][-1] / times["raw"][-1])
            if pack_pages:
                before = raw_extraction([pack])
                times["pack"].append(ingest([pack], scratch)[0])
                times["pack raw"].append((before + raw_extraction([pack])) / 2)
                ratios["pack"].append(times["pack"][-1] / times["pack raw"][-1])
            line = ", ".join(f"{k} {v[-1]:.3f}s" for k, v in times.items() if v)
            print(f"run {run + 1}: {line}")
        median = {k: statistics.median(v) for k, v in times.items() if v}
        ratio = {k: statistics.median(v) for k, v in ratios.items() if v}
        per_file = (median["batch"] - median["raw"]) / len(batch) * 1000
        rows = [
            ("batch raw extraction (pypdfium2) median", f"{median['raw']:.3f}s"),
            ("batch ingest median", f"{median['batch']:.3f}s, {per_file:.0f} ms a file over raw"),
            ("batch ratio of the medians", f"{median['batch'] / median['raw']:.2f}x"),
            ("batch median of the runs' ratios", f"{ratio['batch']:.2f}x (target <= 5x)"),
        ]
        if pack_pages:
            rows += [
                ("pack raw extraction median", f"{median['pack raw']:.3f}s"),
                ("pack ingest median", f"{median['pack']:.3f}s"),
                ("pack ratio of the medians", f"{median['pack'] / median['pack raw']:.2f}x"),
                ("pack median of the runs' ratios", f"{ratio['pack']:.2f}x (target <= 3x)"),
            ]
        for label, value in rows:
            print(f"{label:<42} {value}")


if __name__ == "__main__":
    main()
