"""The real papers the project may not ship, read from the shared folder beside it.

Real council papers fetched from public repositories are never committed (only the two
Dorset sample papers are, in tests/fixtures/papers/). Tests that need real papers find them
here, in ``../shared`` from the project root, or wherever ``PORTAL_SHARED`` points (a git
worktree sits one folder deeper than a clone). CI has the shared folder, so a missing folder
or paper FAILS the test that asked for it, loudly; it is never skipped.
"""

from __future__ import annotations

import csv
import functools
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "fixtures" / "papers"  # the Dorset sample papers, ours to ship
TRUTH = ROOT / "tests" / "fixtures" / "truth"  # truth files of real papers, with MANIFEST.tsv
SHARED = Path(os.environ.get("PORTAL_SHARED") or ROOT.parent / "shared")


def real_folders() -> list[Path]:
    """The shared folders of real papers (``real-papers*`` and ``real-meetings``), searched in
    this order for a paper named by its file name."""
    if not SHARED.is_dir():
        _missing(str(SHARED))
    return [*sorted(SHARED.glob("real-papers*")), SHARED / "real-meetings"]


def _missing(what: str) -> None:
    pytest.fail(
        f"the shared real papers are missing: {what} (CI has them at ../shared; "
        "set PORTAL_SHARED to the shared folder)",
        pytrace=False,
    )


def shared_path(*parts: str) -> Path:
    """A file or folder under the shared folder, e.g. ``shared_path("real-meetings", "kent")``."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        _missing(str(path))
    return path


@functools.cache
def _by_name() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in real_folders():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                found.setdefault(path.name, path)
    return found


def shared_paper(name: str) -> Path:
    """The real paper of this file name under the shared folders of real papers."""
    path = _by_name().get(name)
    if path is None:
        _missing(f"{name} under the real-papers* and real-meetings folders of {SHARED}")
    return path


def real_files() -> list[Path]:
    """Every file under the shared folders of real papers (none of them may be in the project)."""
    files = [p for folder in real_folders() for p in folder.rglob("*") if p.is_file()]
    if not files:
        _missing(f"any file under the real-papers* and real-meetings folders of {SHARED}")
    return files


def paper(name: str) -> Path:
    """A Dorset sample paper from tests/fixtures/papers, or else a real paper by file name."""
    sample = SAMPLES / name
    return sample if sample.is_file() else shared_paper(name)


# The real papers the floors were measured on (their truth names in tests/fixtures/truth/).
REAL_FLOOR_PAPERS = [
    "uk_hertingfordbury-pc_2008-01-09_minutes",
    "uk_hertingfordbury-pc_2015-11-11_minutes",
    "uk_hertingfordbury-pc_2016-02-10_agenda",
    "uk_hertingfordbury-pc_2019-02-13_agenda",
    "uk_hertingfordbury-pc_2019-09-11_minutes",
    "uk_kent_cabinet_2025-01-30_agenda-frontsheet",
    "uk_kent_cabinet_2025-01-30_printed-minutes",
    "uk_kent_cabinet_2025-01-30_supplementary-pack_PROD-24-00096",
    "uk_kent_cabinet_2025-03-13_public-reports-pack",
    "uk_kent_corporate-parenting-panel_2024-12-10_minutes",
    "uk_kent_county-council_2025-03-13_agenda-frontsheet",
    "uk_kent_county-council_2025-03-13_printed-minutes",
    "uk_merton_audit-committee_2009-10-22_agenda-pack",
    "uk_sutton-coldfield-tc_amenities-committee_2018-03-13_minutes",
    "us_alameda_planning-board_2023-07-24_minutes",
    "us_east-palo-alto_planning-commission_2020-01-27_minutes",
]


def floor_papers() -> list[tuple[Path, Path]]:
    """(paper, truth file) for the sample papers and the real floor papers."""
    pairs = [
        (truth.with_name(truth.name.removesuffix(".truth.json")), truth)
        for truth in sorted(SAMPLES.glob("*.pdf.truth.json"))
    ]
    with (TRUTH / "MANIFEST.tsv").open(newline="") as handle:
        listed = {row["truth"]: row for row in csv.DictReader(handle, delimiter="\t")}
    for name in REAL_FLOOR_PAPERS:
        pairs.append((shared_path(listed[name]["shared_path"]), TRUTH / f"{name}.truth.json"))
    return pairs
