"""The truth files of real papers agree with their manifest, and the benchmark lays them out flat.

The papers themselves live in the shared folder beside the project (``../shared``), read
through tests/shared_papers.py; the checks that need them fail where that folder is absent.
"""

from __future__ import annotations

import csv
import json
import re

import pypdfium2 as pdfium
import pytest

from benchmarks.score_truth import (
    TRUTH,
    Paper,
    SetupError,
    fixture_papers,
    lay_out,
    manifest_papers,
)
from tests.shared_papers import shared_path

MANIFEST = TRUTH / "MANIFEST.tsv"
KINDS = {"agenda-pack", "agenda", "minutes", "supplement", "report", "decision", "other"}
COLUMNS = ["truth", "shared_path", "council", "half", "kind", "notes"]


def rows() -> list[dict]:
    with MANIFEST.open(newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def truth_rows() -> list[dict]:
    return [row for row in rows() if row["truth"]]


def test_manifest_columns_and_halves():
    with MANIFEST.open(newline="") as handle:
        assert next(csv.reader(handle, delimiter="\t")) == COLUMNS
    for row in rows():
        assert row["half"] in ("dev", "test"), row
        assert row["shared_path"] and not row["shared_path"].startswith("/"), row
        if not row["truth"]:
            assert "skip" in row["notes"].lower(), f"a row without truth says why: {row}"


def test_every_truth_file_is_listed_once_and_every_listed_one_exists():
    listed = [row["truth"] for row in truth_rows()]
    assert len(listed) == len(set(listed)), "a truth name is listed twice"
    on_disk = sorted(p.name.removesuffix(".truth.json") for p in TRUTH.glob("*.truth.json"))
    assert sorted(listed) == on_disk


@pytest.mark.parametrize("row", truth_rows(), ids=lambda row: row["truth"])
def test_truth_file_is_well_formed(row):
    truth = json.loads((TRUTH / f"{row['truth']}.truth.json").read_text())
    assert truth["body"] and truth["organisation"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", truth["meeting_date"])
    assert truth["start_time"] is None or re.fullmatch(r"\d{2}:\d{2}", truth["start_time"])
    assert truth["kind"] in KINDS
    assert truth["kind"] == row["kind"]
    assert truth["items"], "every paper has at least one item"
    for item in truth["items"]:
        assert item["title"]
        assert 1 <= item["page_start"] <= item["page_end"] <= truth["pages"], item["title"]
        for resolution in item.get("resolutions") or []:
            assert resolution["text_starts"], item["title"]


@pytest.mark.parametrize("row", truth_rows(), ids=lambda row: row["truth"])
def test_truth_file_matches_its_paper(row):
    pdf = pdfium.PdfDocument(str(shared_path(row["shared_path"])))
    try:
        pages = len(pdf)
    finally:
        pdf.close()
    assert json.loads((TRUTH / f"{row['truth']}.truth.json").read_text())["pages"] == pages


def write_manifest(path, *lines):
    path.write_text("\t".join(COLUMNS) + "\n" + "".join("\t".join(line) + "\n" for line in lines))


def test_a_missing_paper_is_named(tmp_path):
    (tmp_path / "a.truth.json").write_text("{}")
    write_manifest(
        tmp_path / "MANIFEST.tsv",
        ("a", "real-papers/a.pdf", "Somewhere", "dev", "minutes", ""),
        ("", "real-papers/b.pdf", "Somewhere", "dev", "other", "skipped: appendix"),
    )
    with pytest.raises(SetupError, match=r"(?s)1 paper\(s\).*a: .*real-papers/a\.pdf"):
        manifest_papers(tmp_path / "shared", "dev", tmp_path / "MANIFEST.tsv")


def test_the_half_picks_rows(tmp_path):
    shared = tmp_path / "shared"
    (shared / "p").mkdir(parents=True)
    for name in ("a", "b"):
        (shared / "p" / f"{name}.pdf").write_bytes(b"%PDF-1.4")
        (tmp_path / f"{name}.truth.json").write_text("{}")
    write_manifest(
        tmp_path / "MANIFEST.tsv",
        ("a", "p/a.pdf", "One", "dev", "minutes", ""),
        ("b", "p/b.pdf", "Two", "test", "agenda", ""),
    )
    manifest = tmp_path / "MANIFEST.tsv"
    assert [p.name for p in manifest_papers(shared, "dev", manifest)] == ["a"]
    assert [p.name for p in manifest_papers(shared, "test", manifest)] == ["b"]
    assert [p.name for p in manifest_papers(shared, "all", manifest)] == ["a", "b"]


def test_papers_are_laid_out_flat_without_their_folders(tmp_path):
    source = tmp_path / "shared" / "kent" / "cabinet" / "2025-01-30"
    source.mkdir(parents=True)
    (source / "Report.pdf").write_bytes(b"%PDF-1.4 report")
    (tmp_path / "t.truth.json").write_text('{"body": "Cabinet"}')
    out = tmp_path / "out"
    out.mkdir()
    lay_out([Paper("uk_kent_report", source / "Report.pdf", tmp_path / "t.truth.json")], out)
    assert sorted(p.name for p in out.iterdir()) == [
        "uk_kent_report.pdf",
        "uk_kent_report.pdf.truth.json",
    ]
    laid = out / "uk_kent_report.pdf"
    assert not laid.is_symlink() and laid.read_bytes() == b"%PDF-1.4 report"
    assert json.loads((out / "uk_kent_report.pdf.truth.json").read_text()) == {"body": "Cabinet"}


def test_fixture_papers_have_their_truth_beside_them():
    papers = fixture_papers()
    assert papers
    for paper in papers:
        assert paper.pdf.is_file() and paper.truth.name == paper.pdf.name + ".truth.json"
