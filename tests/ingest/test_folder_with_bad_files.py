"""A clerk's folder with bad files among a real meeting's good papers, ingested as one folder:
the good papers make their meeting, each bad file is refused in one plain line, and nothing
of a bad file is kept."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from documents.ingest.parser import parse_pdf
from documents.models import Document, Page
from meetings.models import Meeting
from tests.fixtures.bad import build as corpus
from tests.fixtures.bad.expected import assert_clear_reason
from tests.shared_papers import shared_path
from tests.test_ingest_bad_input import ingest_command, stored_files

AGENDA = "Agenda frontsheet 30th-Jan-2025 10.00 Cabinet.pdf"
GOOD = [
    AGENDA,
    "24-00115 - Adoption of Integrated Care Strategy delivery plan - Report.pdf",
    "24-00115 - EqIA.pdf",
]
BAD = Path(corpus.__file__).parent
BAD_FILES = [
    "not-a-pdf.pdf",
    "word-document.pdf",
    "encrypted.pdf",
    "truncated.pdf",
    "zero-byte.pdf",
]


def cabinet() -> Path:
    """Kent Cabinet, 30 January 2025, as the council publishes it."""
    return shared_path("real-meetings", "kent", "cabinet", "2025-01-30")


@pytest.fixture
def folder(tmp_path) -> Path:
    meeting = tmp_path / "papers" / "cabinet" / "2025-01-30"
    meeting.mkdir(parents=True)
    for name in GOOD:
        shutil.copy(cabinet() / name, meeting / name)
    for name in BAD_FILES:  # named as a clerk's files would be, among the good ones
        shutil.copy(BAD / name, meeting / f"Appendix {name}")
    shutil.copy(BAD / "scan-no-text-layer.pdf", meeting / "Signed minutes (scan).pdf")
    return meeting


@pytest.mark.django_db(transaction=True)
def test_bad_files_in_a_clerks_folder_are_refused_and_the_good_papers_make_the_meeting(
    folder, settings
):
    results = ingest_command(folder.parent.parent)  # the command reads the files sandboxed

    assert len(results) == len(GOOD) + len(BAD_FILES) + 1
    for name in BAD_FILES:
        result = results[f"Appendix {name}"]
        assert result["status"] == "failed", result
        assert_clear_reason(name, result["error"])
    went_in = [n for n, r in results.items() if r["status"] == "ok"]
    assert sorted(went_in) == sorted([*GOOD, "Signed minutes (scan).pdf"])

    # The good papers (and the scan, kept with a flag) are one meeting, the folder's.
    meeting = Meeting.objects.get()
    assert (meeting.committee.name.lower(), meeting.date) == ("cabinet", dt.date(2025, 1, 30))
    scan = Document.objects.get(original_filename="Signed minutes (scan).pdf")
    assert scan.has_text_layer is False
    assert {d.meeting_id for d in Document.objects.all()} == {meeting.pk}
    assert all(results[name]["role"] for name in went_in)

    # The agenda alone says what the items are; the report and its appendix attach to one.
    agenda = parse_pdf(cabinet() / AGENDA)
    assert len(agenda.items) >= 8
    items = meeting.items.filter(parent__isnull=True).order_by("order")
    assert [i.number for i in items] == [i.number for i in agenda.items]
    assert [i.title for i in items] == [i.title for i in agenda.items]
    report = Document.objects.get(original_filename=GOOD[1])
    assert meeting.items.filter(page_ranges__document=report).exists()

    # Nothing of a bad file: no paper, no page, no stored file.
    kept = Document.objects.all()
    assert not kept.filter(original_filename__startswith="Appendix ").exists()
    assert sorted(kept.values_list("original_filename", flat=True)) == sorted(went_in)
    for document in kept:
        assert Page.objects.filter(document=document).count() == document.page_count > 0
    assert Page.objects.exclude(document__in=kept).count() == 0
    papers = stored_files(settings)
    assert sorted(p.name for p in papers) == sorted(f"{d.sha256}.pdf" for d in kept)
