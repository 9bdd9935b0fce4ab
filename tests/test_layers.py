"""The house's layers hold: checked by import-linter's contracts (pyproject.toml) and a size rule.

- the parsers (documents.ingest) import no Django and no project code beyond themselves;
- models and querysets import no views, API or staff pages;
- meetings reaches documents only through its models, citations and importer.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("portal", "meetings", "documents", "staff", "tests", "benchmarks")
MOST_LINES = 500


def test_the_import_contracts_are_kept():
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert command, "import-linter is a development dependency; run `uv sync`"
    run = subprocess.run(
        [command, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_no_module_is_longer_than_a_reader_can_hold():
    modules = [
        path
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    ]
    assert len(modules) > 100
    long = {
        str(path.relative_to(ROOT)): lines
        for path in modules
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert long == {}
