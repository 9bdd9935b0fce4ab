"""Bad files get one clear line each, leave no rows and no stored file, and the batch goes on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from documents.importer import Importer, IngestOptions
from documents.models import Document, Page
from meetings.models import Meeting
from tests.fixtures.bad.build import GOOD, build

pytestmark = pytest.mark.django_db(transaction=True)

REASONS = {
    "zero-byte.pdf": "empty",
    "truncated.pdf": "damaged",
    "encrypted.pdf": "password-protected",
    "web-page.pdf": "HTML",
    "word-document.pdf": "Word",
    "old-word-document.pdf": "Word",
    "not-a-pdf.pdf": "not a PDF",
}


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_every_bad_file_fails_with_a_clear_reason_and_the_good_one_goes_in(
    tmp_path, settings, capsys
):
    bad = build(tmp_path / "bad")
    good = shutil.copy(GOOD, tmp_path / "good.pdf")
    code = 0
    try:
        call_command("ingest", *map(str, [*bad, good]), "--json")
    except SystemExit as exc:
        code = exc.code
    results = {
        Path(r["path"]).name: r for r in map(json.loads, capsys.readouterr().out.split("\n")[:-1])
    }
    assert code == 1
    assert results["good.pdf"]["status"] == "ok"
    for name, words in REASONS.items():
        assert results[name]["status"] == "failed", name
        assert words.lower() in results[name]["error"].lower(), (name, results[name]["error"])
        assert "\n" not in results[name]["error"] and "Traceback" not in results[name]["error"]
    assert Document.objects.count() == 1 and Meeting.objects.count() == 1
    assert len(stored_files(settings)) == 1


def test_a_file_over_the_size_or_page_limit_is_refused(tmp_path, settings):
    [too_big] = Importer(IngestOptions(isolate=False, max_bytes=10_000)).ingest([GOOD])
    assert too_big.status == "failed" and "over the" in too_big.error and "MB" in too_big.error
    [too_long] = Importer(IngestOptions(isolate=False, max_pages=5)).ingest([GOOD])
    assert too_long.status == "failed" and "5-page limit" in too_long.error
    assert Document.objects.count() == 0 and stored_files(settings) == []


def test_a_file_that_takes_too_long_is_stopped(settings):
    [result] = Importer(IngestOptions(isolate=True, timeout=0.01)).ingest([GOOD])
    assert result.status == "failed"
    assert "took longer than" in result.error
    assert Document.objects.count() == 0 and stored_files(settings) == []


def test_re_ingesting_the_same_file_changes_nothing(tmp_path):
    Importer(IngestOptions(isolate=False)).ingest_file(GOOD)
    before = list(Page.objects.values_list("pk", "text"))
    [again] = Importer(IngestOptions(isolate=False)).ingest(
        [shutil.copy(GOOD, tmp_path / "copy.pdf")]
    )
    assert again.status == "unchanged"
    assert list(Page.objects.values_list("pk", "text")) == before


def test_a_scan_without_a_text_layer_is_ingested_and_flagged(papers):
    scan = papers / "us_alameda_planning-board_2007-01-31_minutes.pdf"
    [result] = Importer(IngestOptions(isolate=False, committee="Planning Board")).ingest([scan])
    assert result.status == "ok", result.error
    document = Document.objects.get()
    assert document.has_text_layer is False
    if shutil.which("tesseract"):
        assert document.ocr_used is True
        assert "planning" in " ".join(Page.objects.values_list("text", flat=True)).lower()
