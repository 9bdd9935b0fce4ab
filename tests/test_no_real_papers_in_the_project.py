"""The project ships no copy of a real paper: no file under its tree is byte-identical to a file
under ../shared/real-papers* or ../shared/real-meetings (the Dorset sample papers, from
../shared/sample-papers, are the only papers it may ship)."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from tests.shared_papers import ROOT, real_files

# Not the project: version control, the virtual environment, caches and local state (the
# demo's database and stored papers, collected static files, benchmark output), all ignored
# by .gitignore.
NOT_THE_PROJECT = {
    ".git",
    ".venv",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    "node_modules",
}
LOCAL_STATE = {Path("data"), Path("media"), Path("staticfiles"), Path("benchmarks/out")}


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def project_files(root: Path):
    for folder, subfolders, files in os.walk(root):
        here = Path(folder).relative_to(root)
        subfolders[:] = [
            name
            for name in subfolders
            if name not in NOT_THE_PROJECT and here / name not in LOCAL_STATE
        ]
        for name in files:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                yield path


def copies_of_real_papers(root: Path, real: list[Path]) -> dict[str, str]:
    """{project file: the real paper it copies}, comparing sha256 where the sizes agree."""
    by_size: dict[int, list[Path]] = {}
    for path in real:
        by_size.setdefault(path.stat().st_size, []).append(path)
    hashed: set[Path] = set()
    papers_by_digest: dict[str, Path] = {}
    copies = {}
    for path in project_files(root):
        candidates = by_size.get(path.stat().st_size, [])
        for candidate in candidates:
            if candidate not in hashed:
                hashed.add(candidate)
                papers_by_digest.setdefault(sha256(candidate), candidate)
        if candidates and (digest := sha256(path)) in papers_by_digest:
            copies[str(path.relative_to(root))] = str(papers_by_digest[digest])
    return copies


def test_no_file_in_the_project_is_a_copy_of_a_real_paper():
    real = real_files()
    assert len(real) > 100, "the shared folders of real papers look empty"
    assert copies_of_real_papers(ROOT, real) == {}


def test_a_copied_paper_is_found_under_any_name(tmp_path):
    real = real_files()
    project = tmp_path / "project"
    (project / "tests" / "fixtures").mkdir(parents=True)
    (project / "data").mkdir()
    (project / "README.md").write_text("a project\n")
    paper = next(p for p in real if p.suffix == ".pdf")
    shutil.copyfile(paper, project / "tests" / "fixtures" / "renamed.pdf")
    shutil.copyfile(paper, project / "data" / "stored.pdf")  # local state, not the project
    assert copies_of_real_papers(project, real) == {"tests/fixtures/renamed.pdf": str(paper)}
