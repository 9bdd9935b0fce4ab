"""Ingest speed and memory on a large pack, beside raw text extraction of the same file.

    uv run python benchmarks/ingest.py [--pages 1000] [--runs 3]

Builds a pack by joining the fixture papers with continuous "Page N" stamps, then in one
run times (a) pypdfium2's raw text extraction of every page and (b) the full
``manage.py ingest`` of the file into a scratch SQLite database (parse, clean, store,
index), several times each, and prints the medians, their ratio and the ingest's peak
memory (maximum resident set size of the ingest process and its parser child). The
processor seconds (user + system) of each are printed too: on a machine shared with other
work the wall-clock ratio drifts with the load, the processor-time ratio much less.
A batch of small real papers, where the cost per file counts, is measured by
``benchmarks/batch.py``.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.build_pack import build  # noqa: E402


def extract_text(path: Path) -> None:
    """pypdfium2's raw text extraction of every page: the baseline the ingest is held to."""
    pdf = pdfium.PdfDocument(str(path))
    for index in range(len(pdf)):
        page = pdf[index]
        page.get_textpage().get_text_bounded()
        page.close()
    pdf.close()


def raw_extraction(path: Path) -> tuple[float, float]:
    """Wall-clock and processor seconds to extract every page's text."""
    started, cpu = time.perf_counter(), time.process_time()
    extract_text(path)
    return time.perf_counter() - started, time.process_time() - cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def full_ingest(path: Path, scratch: Path, run: int) -> tuple[float, float, str, float]:
    """Seconds for `manage.py ingest` (after a separate migrate), peak memory in MB, its
    output line and its processor seconds."""
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{scratch / f'bench-{run}.sqlite3'}",
        MEDIA_ROOT=str(scratch / f"media-{run}"),
    )
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v", "0"], env=env, check=True, cwd=ROOT)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    cpu = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(
        [*manage, "ingest", str(path)], env=env, cwd=ROOT, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    cpu = _children_cpu() - cpu
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if done.returncode != 0:
        raise SystemExit(f"ingest failed: {done.stdout}{done.stderr}")
    return seconds, max(peak, before) / 1024, done.stdout.strip(), cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        scratch = Path(tmp)
        pack = scratch / "pack.pdf"
        pages = build(pack, args.pages)
        print(f"pack: {pages} pages, {pack.stat().st_size / 1024 / 1024:.1f} MB")
        raw_times, ingest_times, peaks, raw_cpus, ingest_cpus = [], [], [], [], []
        for run in range(args.runs):
            raw_seconds, raw_cpu = raw_extraction(pack)
            raw_times.append(raw_seconds)
            raw_cpus.append(raw_cpu)
            seconds, peak, line, cpu = full_ingest(pack, scratch, run)
            ingest_times.append(seconds)
            ingest_cpus.append(cpu)
            peaks.append(peak)
            print(
                f"run {run + 1}: raw {raw_seconds:.2f}s ({raw_cpu:.2f}s processor), "
                f"ingest {seconds:.2f}s ({cpu:.2f}s processor), {peak:.0f} MB"
            )
        raw_median, ingest_median = statistics.median(raw_times), statistics.median(ingest_times)
        print(f"last ingest: {line}")
        rows = [
            (
                "raw extraction (pypdfium2) median",
                f"{raw_median:.2f}s, {pages / raw_median:.0f} p/s",
            ),
            ("full ingest median", f"{ingest_median:.2f}s, {pages / ingest_median:.0f} p/s"),
            ("ratio ingest / raw", f"{ingest_median / raw_median:.2f}x (target <= 3x)"),
            (
                "processor seconds, ratio",
                f"raw {statistics.median(raw_cpus):.2f}s, ingest "
                f"{statistics.median(ingest_cpus):.2f}s, "
                f"{statistics.median(ingest_cpus) / statistics.median(raw_cpus):.2f}x",
            ),
            ("peak memory of ingest", f"{max(peaks):.0f} MB (target < 500 MB)"),
        ]
        for label, value in rows:
            print(f"{label:<36} {value}")


if __name__ == "__main__":
    main()
