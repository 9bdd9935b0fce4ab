"""Score the ingest against the truth files of real papers, with the shared scorer.

    uv run python benchmarks/score_truth.py [--half dev|test|all] [--fixtures]
        [--shared ../shared] [--match TEXT] [--require items=0.9,...] [--timeout 600] [--keep]

The papers are not in the project: tests/fixtures/truth/MANIFEST.tsv names, for each truth
file, the paper under the shared folder (../shared from the project root unless --shared says
otherwise, or PORTAL_SHARED). This lays the papers out in one flat temporary folder, each as
``<truth-name>.pdf`` beside a copy of its truth file named ``<truth-name>.pdf.truth.json``,
so no folder gives the ingest a committee or a date, then runs
``tools/score_ingest.py FOLDER --project .`` from the shared folder and passes its output and
exit status through.

--half picks the development half (the default; the half parsers are tuned on), the test half
(scored, never read while tuning) or both. --fixtures adds the two Dorset sample papers
of tests/fixtures/papers, whose truth files lie beside them (development half).
--match keeps only the papers whose truth name contains TEXT.

The papers are hard-linked (or copied) into the folder, not symlinked: the scorer resolves a
symlink before ingesting, which would hand the ingest the shared folder's path, date folders
and all, as meeting context.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRUTH = ROOT / "tests" / "fixtures" / "truth"
FIXTURES = ROOT / "tests" / "fixtures" / "papers"
HALVES = ("dev", "test")


@dataclass(frozen=True)
class Paper:
    name: str  # the truth name; the paper is laid out as <name>.pdf
    pdf: Path
    truth: Path


class SetupError(Exception):
    """Something the person running the benchmark has to fix first."""


def manifest_papers(
    shared: Path, half: str, manifest: Path = TRUTH / "MANIFEST.tsv"
) -> list[Paper]:
    """The manifest's truth files of the chosen half, each with its paper under ``shared``."""
    papers, missing = [], []
    with manifest.open(newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            name = (row.get("truth") or "").strip()
            if not name:
                continue  # a paper looked at and skipped; the notes say why
            row_half = (row.get("half") or "").strip()
            if row_half not in HALVES:
                raise SetupError(f"{manifest.name}: {name} has half {row_half!r}, not dev or test")
            if half != "all" and row_half != half:
                continue
            truth = manifest.parent / f"{name}.truth.json"
            if not truth.is_file():
                raise SetupError(f"{manifest.name} lists {name} but {truth} does not exist")
            pdf = shared / row["shared_path"]
            if not pdf.is_file():
                missing.append(f"  {name}: {pdf}")
                continue
            papers.append(Paper(name, pdf, truth))
    if missing:
        raise SetupError(
            f"{len(missing)} paper(s) listed in {manifest} are missing from {shared}:\n"
            + "\n".join(missing)
        )
    return papers


def fixture_papers(folder: Path = FIXTURES) -> list[Paper]:
    """The fixture papers that have a truth file beside them."""
    papers = []
    for pdf in sorted(folder.glob("*.pdf")):
        truth = pdf.with_name(pdf.name + ".truth.json")
        if truth.is_file():
            papers.append(Paper(pdf.stem, pdf, truth))
    return papers


def lay_out(papers: list[Paper], folder: Path) -> None:
    """Put each paper in ``folder`` as <name>.pdf with <name>.pdf.truth.json beside it."""
    seen: set[str] = set()
    for paper in papers:
        if paper.name in seen:
            raise SetupError(f"two truth files are both named {paper.name}")
        seen.add(paper.name)
        target = folder / f"{paper.name}.pdf"
        try:
            os.link(paper.pdf, target)
        except OSError:  # another file system, or links not allowed: copy instead
            shutil.copyfile(paper.pdf, target)
        shutil.copyfile(paper.truth, folder / f"{paper.name}.pdf.truth.json")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--half", choices=("dev", "test", "all"), default="dev")
    ap.add_argument(
        "--fixtures", action="store_true", help="add the sample papers of tests/fixtures/papers"
    )
    ap.add_argument(
        "--shared",
        type=Path,
        default=Path(os.environ.get("PORTAL_SHARED") or ROOT.parent / "shared"),
    )
    ap.add_argument("--match", default="", help="only truth names containing this text")
    ap.add_argument("--require", default="", help="passed to the scorer, e.g. items=0.9")
    ap.add_argument("--timeout", type=int, default=600, help="seconds allowed per document")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args(argv)

    shared = args.shared.resolve()
    scorer = shared / "tools" / "score_ingest.py"
    try:
        if not scorer.is_file():
            raise SetupError(f"the shared scorer is not at {scorer} (use --shared)")
        if args.fixtures and args.half == "test":
            raise SetupError("--fixtures adds development-half papers; not with --half test")
        papers = manifest_papers(shared, args.half)
        if args.fixtures:
            papers += fixture_papers()
        papers = [p for p in papers if args.match in p.name]
        if not papers:
            raise SetupError("no truth files to score")
    except SetupError as error:
        print(f"score_truth: {error}", file=sys.stderr)
        return 2

    folder = Path(tempfile.mkdtemp(prefix="score-truth-"))
    try:
        lay_out(papers, folder)
        print(f"{len(papers)} papers laid out in {folder}", flush=True)
        command = [sys.executable, str(scorer), str(folder), "--project", str(ROOT)]
        command += ["--timeout", str(args.timeout)]
        if args.require:
            command += ["--require", args.require]
        return subprocess.run(command, cwd=ROOT).returncode
    except SetupError as error:
        print(f"score_truth: {error}", file=sys.stderr)
        return 2
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
