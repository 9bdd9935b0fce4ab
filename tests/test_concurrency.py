"""Ingests racing each other, and an ingest killed halfway, in real processes.

Each test gets a database of its own (a copy of one migrated per run) on the suite's kind of
database, so on PostgreSQL the races are real races between connections.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import subprocess_ingest as sub


@pytest.fixture
def db(tmp_path):
    yield from sub.fresh_database(tmp_path / "site")


@pytest.fixture
def agenda(tmp_path) -> Path:
    return sub.agenda_pdf(tmp_path / "agenda.pdf")


@pytest.fixture
def minutes(tmp_path) -> Path:
    return sub.minutes_pdf(tmp_path / "minutes.pdf")


def ingest_together(db, tmp_path, *files: Path) -> list[tuple[int, str, str]]:
    """One ``manage.py ingest`` per file, all writing at the same moment."""
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    processes = [
        sub.start(db, "ingest", str(f), SUBPROCESS_BARRIER=f"{barrier}:{len(files)}") for f in files
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=sub.WAIT_SECONDS)
        results.append((process.returncode, out.strip(), err))
    return results


def test_two_ingests_of_the_same_file_give_one_document(db, tmp_path, agenda):
    results = ingest_together(db, tmp_path, agenda, agenda)
    for code, _, err in results:
        assert code == 0, err
        assert "Traceback" not in err, err
    assert sorted(out.split(" ", 1)[0] for _, out, _ in results) == ["ok", "unchanged"]
    assert db.count("documents_document") == 1
    assert db.count("meetings_meeting") == 1
    assert db.count("meetings_committee") == 1
    assert len(db.stored_papers()) == 1


def test_an_agenda_and_minutes_of_one_meeting_at_once_give_one_meeting(
    db, tmp_path, agenda, minutes
):
    results = ingest_together(db, tmp_path, agenda, minutes)
    for code, out, err in results:
        assert code == 0, err
        assert out.startswith("ok ") and sub.MEETING_URL in out, (out, err)
    assert db.count("meetings_meeting") == 1
    assert db.count("meetings_committee") == 1
    assert sorted(r[0] for r in db.rows("SELECT kind FROM documents_document")) == [
        "agenda",
        "minutes",
    ]
    assert len(db.stored_papers()) == 2


@pytest.mark.parametrize(
    ("pause", "file_left"),
    [
        # The meeting, document and page rows are written, the PDF is not stored yet.
        ("_pages:after", False),
        # The PDF is stored too; only the commit is left to do.
        ("_store:after", True),
    ],
)
def test_an_ingest_killed_while_writing_leaves_no_rows_and_can_run_again(
    db, tmp_path, agenda, pause, file_left
):
    marker = tmp_path / "paused"
    process = sub.start(db, "ingest", str(agenda), SUBPROCESS_PAUSE=f"{pause}:{marker}")
    sub.wait_for(marker.exists, "the ingest to stop inside its transaction", process=process)
    sub.kill(process)

    for table in ("meetings_committee", "meetings_meeting", "documents_document", "documents_page"):
        assert db.count(table) == 0, table
    assert len(db.stored_papers()) == int(file_left)

    out = sub.run(db, "ingest", str(agenda))
    assert out.startswith("ok ") and sub.MEETING_URL in out, out
    assert db.count("meetings_meeting") == db.count("documents_document") == 1
    assert db.count("documents_page") == 1
    [(name,)] = db.rows("SELECT file FROM documents_document")
    # The file left behind was replaced, not kept beside a second copy.
    assert db.stored_papers() == [db.folder / "papers" / name]
    assert name.endswith(f"/{sub.sha256_of(agenda)}.pdf")


# -- the same in this process, step by step --------------------------------------------------
@pytest.mark.django_db(transaction=True)
def test_a_paper_stored_by_another_ingest_while_it_was_read_is_unchanged(agenda):
    from documents.importer import Importer, IngestOptions

    importer = Importer(IngestOptions(isolate=False))
    started, sha, known, error = importer._check(agenda)  # checked: not stored yet
    parsed, error = importer._parse(agenda)  # and read
    assert not known and error is None
    first = importer.ingest_file(agenda)  # meanwhile another ingest stores it
    late = importer._finish(agenda, started, sha, parsed, error)
    assert (first.status, late.status) == ("ok", "unchanged")
    assert (late.document_id, late.meeting, late.pages) == (first.document_id, sub.MEETING_URL, 1)


@pytest.mark.django_db(transaction=True)
def test_a_clash_with_a_row_added_meanwhile_is_written_again(agenda, monkeypatch, settings):
    from django.db import IntegrityError

    from documents.importer import Importer, IngestOptions
    from documents.models import Document
    from documents.writer import DocumentWriter

    pages, clashes = DocumentWriter._pages, []

    def clash_once(self, document):
        stored = pages(self, document)
        if not clashes:
            clashes.append(document.pk)
            raise IntegrityError("duplicate key value violates unique constraint")
        return stored

    monkeypatch.setattr(DocumentWriter, "_pages", clash_once)
    [result] = Importer(IngestOptions(isolate=False)).ingest([agenda])
    assert result.status == "ok" and clashes
    document = Document.objects.get()
    stored = [p for p in (settings.MEDIA_ROOT / "papers").rglob("*") if p.is_file()]
    assert stored == [settings.MEDIA_ROOT / document.file.name]
