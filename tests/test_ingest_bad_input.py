"""Bad and hostile files through ``manage.py ingest``: one clear line each, or a safe ingest.

The corpus is kept in tests/fixtures/bad/ (built by its build.py). A refused file leaves no
rows and no stored file and the good file beside it in the batch still goes in; a hostile
paper goes in with every word kept as text, escaped wherever a resident sees it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import shutil
import time
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from documents.importer import Importer, IngestOptions
from documents.ingest.active_content import (
    EMBEDDED,
    FORM_ACTIONS,
    JAVASCRIPT,
    LAUNCH,
    NESTED,
    RICH_MEDIA,
    XFA,
    find_active_content,
)
from documents.ingest.sandbox import run_limited
from documents.models import Document, Page
from meetings.models import AgendaItem, Meeting, Resolution
from tests.fixtures.bad import build as corpus
from tests.fixtures.bad.build import GOOD, JS_LINK, SCRIPT, TAG, TEMPLATE
from tests.fixtures.bad.expected import INGESTED, REFUSED, assert_clear_reason
from tests.fixtures.bad.pdfwriter import Writer
from tests.fixtures.bad.probes import read_every_object
from tests.fixtures.bad.surfaces import markup_problems, problems
from tests.shared_papers import floor_papers, shared_paper
from tests.storage import stored_papers

# Files are read in child processes and written as the command does: real transactions.
with_db = pytest.mark.django_db(transaction=True)

BAD = Path(corpus.__file__).parent


def stored_files(settings) -> list[Path]:
    return stored_papers(settings.MEDIA_ROOT)


def ingest_command(*paths, options=()) -> dict[str, dict]:
    """Run ``manage.py ingest --json``; each file's result by file name."""
    out = io.StringIO()
    with contextlib.suppress(SystemExit):  # it exits 1 when a file failed
        call_command("ingest", *map(str, paths), "--json", *options, stdout=out)
    lines = out.getvalue().splitlines()
    return {Path(r["path"]).name: r for r in map(json.loads, lines)}


def test_the_kept_corpus_is_what_the_script_builds(tmp_path):
    built = corpus.build(tmp_path)
    assert sorted(p.name for p in built) == sorted([*REFUSED, *INGESTED])
    assert sorted(p.name for p in BAD.glob("*.pdf")) == sorted(p.name for p in built)
    for path in built:
        assert path.read_bytes() == (BAD / path.name).read_bytes(), f"rebuild {path.name}"


def test_the_hostile_files_are_what_they_say():
    long = pdfium.PdfDocument(str(BAD / "thousands-of-pages.pdf"))
    assert len(long) == 6000 and (BAD / "thousands-of-pages.pdf").stat().st_size < 1024 * 1024
    long.close()
    mixed = pdfium.PdfDocument(str(BAD / "embedded-file-and-javascript.pdf"))
    assert pdfium_c.FPDFDoc_GetAttachmentCount(mixed.raw) == 1
    mixed.close()
    hidden = (BAD / "javascript-in-object-stream.pdf").read_bytes()
    assert b"JavaScript" not in hidden and b"/JS" not in hidden  # no byte scan finds it
    assert b"[" * 100_000 not in (BAD / "deeply-nested.pdf").read_bytes()  # compressed
    scan = pdfium.PdfDocument(str(BAD / "scan-no-text-layer.pdf"))
    assert scan[0].get_textpage().get_text_bounded().strip() == ""
    scan.close()
    text = "".join(
        pdfium.PdfDocument(str(BAD / "hostile-minutes.pdf"))[0].get_textpage().get_text_bounded()
    )
    assert all(part in text for part in (SCRIPT, TEMPLATE, TAG, JS_LINK))


@with_db
@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_bad_file_is_refused_with_a_clear_reason_and_the_batch_goes_on(name, tmp_path, settings):
    good = shutil.copy(GOOD, tmp_path / "good.pdf")
    started = time.monotonic()
    results = ingest_command(BAD / name, good)
    assert time.monotonic() - started < 60
    assert results[name]["status"] == "failed"
    assert_clear_reason(name, results[name]["error"])
    assert results["good.pdf"]["status"] == "ok", results["good.pdf"]
    assert Document.objects.count() == 1 and Meeting.objects.count() == 1
    assert len(stored_files(settings)) == 1


def test_the_escaping_checks_catch_what_they_look_for():
    assert (
        markup_problems('<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;a href="javascript:"</p>')
        == []
    )
    for html in (
        "<p><script>alert(1)</script></p>",
        '<a href=" javascript:alert(1)">x</a>',
        '<input value="" onmouseover="alert(1)">',
        "<img src=x onerror=alert(1)>",
    ):
        assert markup_problems(html), html


@with_db
def test_the_page_limit_is_checked_before_anything_slow():
    started = time.monotonic()
    [result] = Importer(IngestOptions(isolate=False)).ingest([BAD / "thousands-of-pages.pdf"])
    assert "6,000 pages, over the 5,000-page limit" in result.error
    assert time.monotonic() - started < 5  # reading 6,000 pages would take far longer


@with_db
def test_the_whole_corpus_in_one_batch(tmp_path, settings):
    good = shutil.copy(GOOD, tmp_path / "good.pdf")
    # Two files at once on PostgreSQL. The SQLite test database is shared in memory, where a
    # worker thread's read fails outright ("table is locked") while the batch writes.
    workers = "2" if connection.vendor == "postgresql" else "1"
    results = ingest_command(*sorted(BAD.glob("*.pdf")), good, options=("--workers", workers))
    went_in = ["good.pdf", "hostile-agenda.pdf", "hostile-minutes.pdf"]
    scan = results["scan-no-text-layer.pdf"]
    if shutil.which("tesseract"):  # read by OCR, the scan names its meeting
        went_in.append("scan-no-text-layer.pdf")
    else:
        assert "committee's name could not be read" in scan["error"], scan
    assert sorted(n for n, r in results.items() if r["status"] == "ok") == sorted(went_in)
    for name in REFUSED:
        assert_clear_reason(name, results[name]["error"])
    assert Document.objects.count() == len(went_in) == len(stored_files(settings))


@pytest.mark.parametrize(
    "name", sorted(n for n in REFUSED if n.startswith(("javascript", "launch", "embedded")))
)
def test_active_content_is_found_whichever_way_it_is_written(name):
    assert find_active_content(BAD / name)  # without pdfium's counts: every object is read


def _link(action: bytes) -> bytes:
    return b" /Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A %s >>]" % action


SCRIPT_ACTION = b"<< /S /JavaScript /JS (app.alert(1)) >>"
# Where active content can sit: (extra for the page, extra for the catalogue) -> the finding.
HIDING_PLACES = {
    "page-open-action": (b" /AA << /O %s >>" % SCRIPT_ACTION, b"", JAVASCRIPT),
    "document-will-close": (b"", b" /AA << /WC %s >>" % SCRIPT_ACTION, JAVASCRIPT),
    "form-field-keystroke": (
        b" /Annots [<< /Type /Annot /Subtype /Widget /FT /Tx /T (a) /Rect [0 0 9 9]"
        b" /AA << /K %s >> >>]" % SCRIPT_ACTION,
        b" /AcroForm << /Fields [] >>",
        JAVASCRIPT,
    ),
    "bookmark": (
        b"",
        b" /Outlines << /First << /Title (x) /A %s >> >>" % SCRIPT_ACTION,
        JAVASCRIPT,
    ),
    "named-scripts": (
        b"",
        b" /Names << /JavaScript << /Names [(a) %s] >> >>" % SCRIPT_ACTION,
        JAVASCRIPT,
    ),
    "hex-string-link": (
        _link(b"<< /S /URI /URI <6A6176617363726970743A616C657274283129> >>"),
        b"",
        JAVASCRIPT,
    ),
    "utf-16-link": (
        _link(b"<< /S /URI /URI <FEFF006A006100760061007300630072006900700074003A0031> >>"),
        b"",
        JAVASCRIPT,
    ),
    "link-split-by-a-tab": (
        _link(b"<< /S /URI /URI ( java\\tscript:alert\\(1\\)) >>"),
        b"",
        JAVASCRIPT,
    ),
    "escaped-launch": (_link(b"<< /S /L#61unch /F (calc.exe) >>"), b"", LAUNCH),
    "file-attachment-note": (
        b" /Annots [<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 9 9]"
        b" /FS << /Type /Filespec /F (a.exe) >> >>]",
        b"",
        EMBEDDED,
    ),
    "xfa-form": (b"", b" /AcroForm << /Fields [] /XFA (<xdp/>) >>", XFA),
    "submit-button": (
        b" /Annots [<< /Type /Annot /Subtype /Widget /FT /Btn /T (b) /Rect [0 0 9 9]"
        b" /A << /S /Submit#46orm /F (https://example.invalid/) >> >>]",
        b" /AcroForm << /Fields [] >>",
        FORM_ACTIONS,
    ),
    "rich-media": (
        b" /Annots [<< /Type /Annot /Subtype /RichMedia /Rect [0 0 9 9] >>]",
        b"",
        RICH_MEDIA,
    ),
    "movie-link": (_link(b"<< /S /Rendition /OP 0 >>"), b"", RICH_MEDIA),
    "attachment-link": (_link(b"<< /S /GoToE /T << /R /C /N (a) >> >>"), b"", EMBEDDED),
    "ordinary-web-link": (
        _link(b"<< /S /URI /URI (https://example.org/a?b=javascript:) >>"),
        b"",
        None,
    ),
}


@pytest.mark.parametrize("place", sorted(HIDING_PLACES))
def test_active_content_is_found_wherever_it_sits(place, tmp_path):
    page_extra, catalog_extra, finding = HIDING_PLACES[place]
    pdf = Writer()
    tree = pdf.text_pages([["Agenda"]], extra=[page_extra])
    path = tmp_path / f"{place}.pdf"
    path.write_bytes(
        pdf.write(pdf.add(b"<< /Type /Catalog /Pages %d 0 R%s >>" % (tree, catalog_extra)))
    )
    assert find_active_content(path) == ({finding} if finding else set())
    packed = tmp_path / f"{place}-packed.pdf"
    packed.write_bytes(pdf.write(len(pdf.objects), packed=True))
    assert find_active_content(packed) == ({finding} if finding else set())


def test_deep_nesting_is_found_however_it_is_spaced(tmp_path):
    pdf = Writer()
    nested = b"[1 " * 150 + b"]" * 150  # never two brackets in a row
    tree = pdf.text_pages([["Agenda"]], extra=[b" /Nested " + nested])
    path = tmp_path / "spaced.pdf"
    path.write_bytes(pdf.write(pdf.add(b"<< /Type /Catalog /Pages %d 0 R >>" % tree)))
    assert find_active_content(path) == {NESTED}


def test_an_object_that_is_only_itself_reads_as_null_not_for_ever():
    # pdfminer's own document follows "5 0 obj 5 0 R endobj" for ever, here as a stream's length.
    kinds = run_limited(read_every_object, BAD / "self-referencing.pdf", timeout=20)
    assert kinds[4:6] == ["NoneType", "PDFStream"]


def test_the_sample_papers_hold_no_active_content(papers):
    real = [pdf for pdf, _ in floor_papers()]
    for paper in sorted({*papers.glob("*.pdf"), *real}):
        assert find_active_content(paper) == set(), paper.name


@with_db
def test_a_scan_without_a_text_layer_is_ingested_and_flagged(tmp_path):
    results = ingest_command(
        BAD / "scan-no-text-layer.pdf", options=("--committee", "Cabinet", "--date", "2025-05-14")
    )
    assert results["scan-no-text-layer.pdf"]["status"] == "ok", results
    document = Document.objects.get()
    assert document.has_text_layer is False
    if shutil.which("tesseract"):
        assert document.ocr_used is True
        assert "apologies" in " ".join(Page.objects.values_list("text", flat=True)).lower()


@with_db
def test_hostile_minutes_go_in_as_text_and_show_escaped_everywhere(client):
    results = ingest_command(BAD / "hostile-minutes.pdf")
    assert results["hostile-minutes.pdf"]["status"] == "ok", results
    meeting = Meeting.objects.get()
    titles = list(AgendaItem.objects.filter(meeting=meeting).values_list("title", flat=True))
    assert f"Library Opening Hours {SCRIPT}" in titles
    assert f"Road Safety Scheme {TEMPLATE} {TAG}" in titles
    texts = list(Resolution.objects.values_list("text", flat=True))
    assert f"that the {SCRIPT} report be noted and {TEMPLATE} hours agreed." in texts
    assert f"that {JS_LINK} be approved" in texts
    found = problems(client, meeting)
    assert not found, "\n".join(found)


@with_db
def test_a_hostile_agenda_goes_in_and_its_venue_shows_escaped(client):
    results = ingest_command(BAD / "hostile-agenda.pdf")
    assert results["hostile-agenda.pdf"]["status"] == "ok", results
    meeting = Meeting.objects.get()
    assert meeting.venue.startswith(SCRIPT)
    # Upcoming, so that the meetings feed and calendar carry it too.
    Meeting.objects.filter(pk=meeting.pk).update(date=timezone.localdate() + dt.timedelta(days=9))
    meeting.refresh_from_db()
    found = problems(client, meeting)
    assert not found, "\n".join(found)


@with_db
def test_a_file_over_the_size_or_page_limit_is_refused(settings):
    [too_big] = Importer(IngestOptions(isolate=False, max_bytes=10_000)).ingest([GOOD])
    assert too_big.status == "failed" and "over the" in too_big.error and "MB" in too_big.error
    [too_long] = Importer(IngestOptions(isolate=False, max_pages=5)).ingest([GOOD])
    assert too_long.status == "failed" and "5-page limit" in too_long.error
    assert Document.objects.count() == 0 and stored_files(settings) == []


@with_db
def test_a_file_that_takes_too_long_is_stopped(settings):
    [result] = Importer(IngestOptions(isolate=True, timeout=0.01)).ingest([GOOD])
    assert result.status == "failed"
    assert "took longer than" in result.error
    assert Document.objects.count() == 0 and stored_files(settings) == []


@with_db
def test_re_ingesting_the_same_file_changes_nothing(tmp_path):
    Importer(IngestOptions(isolate=False)).ingest_file(GOOD)
    before = list(Page.objects.values_list("pk", "text"))
    [again] = Importer(IngestOptions(isolate=False)).ingest(
        [shutil.copy(GOOD, tmp_path / "copy.pdf")]
    )
    assert again.status == "unchanged"
    assert list(Page.objects.values_list("pk", "text")) == before


@with_db
def test_a_real_scan_without_a_text_layer_is_ingested_and_flagged():
    scan = shared_paper("us_alameda_planning-board_2007-01-31_minutes.pdf")
    [result] = Importer(IngestOptions(isolate=False, committee="Planning Board")).ingest([scan])
    assert result.status == "ok", result.error
    document = Document.objects.get()
    assert document.has_text_layer is False
    if shutil.which("tesseract"):
        assert document.ocr_used is True
        assert "planning" in " ".join(Page.objects.values_list("text", flat=True)).lower()
