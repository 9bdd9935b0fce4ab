"""The importer: real papers in, records out; failures leave nothing behind; idempotent."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from documents.importer import Importer, IngestOptions
from documents.models import Document, Page, PageRange
from meetings.models import AgendaItem, Attendance, Meeting
from tests.shared_papers import shared_paper
from tests.storage import stored_papers

pytestmark = pytest.mark.django_db(transaction=True)

PACK = "dorset-people-and-health-2021-09-02-agenda-pack.pdf"
MINUTES = "dorset-cabinet-2017-10-04-minutes.pdf"


def ingest(*paths, **options):
    options.setdefault("isolate", False)
    return list(Importer(IngestOptions(**options)).ingest(paths))


def stored_files(settings) -> list[Path]:
    return stored_papers(settings.MEDIA_ROOT)


def test_it_reads_an_agenda_pack_into_a_meeting_with_items_and_pages(papers):
    [result] = ingest(papers / PACK)
    assert result.status == "ok", result.error
    meeting = Meeting.objects.get()
    assert meeting.committee.name == "People and Health Overview Committee"
    assert str(meeting.date) == "2021-09-02"
    assert result.meeting == "/meetings/people-and-health-overview-committee/2021-09-02/"
    document = Document.objects.get()
    assert (document.kind, document.page_count, document.is_published) == ("agenda-pack", 90, True)
    assert Page.objects.filter(document=document).count() == 90
    titles = [i.title.lower() for i in AgendaItem.objects.filter(parent__isnull=True)]
    assert any("apologies" in t for t in titles)
    assert PageRange.objects.filter(document=document).count() >= 5


def test_it_reads_minutes_with_attendance_and_resolutions(papers):
    [result] = ingest(papers / MINUTES)
    assert result.status == "ok", result.error
    meeting = Meeting.objects.get()
    assert meeting.status == "held"
    present = set(
        Attendance.objects.filter(meeting=meeting, role="present").values_list(
            "person__name", flat=True
        )
    )
    assert {"Rebecca Knox", "Tony Ferrari"} <= present
    fostering = AgendaItem.objects.get(title__icontains="Fostering")
    assert fostering.minute_number == "89"
    assert fostering.resolutions.count() >= 3


def test_it_reports_unchanged_for_a_file_already_stored(papers):
    ingest(papers / MINUTES)
    counts = (AgendaItem.objects.count(), Page.objects.count(), Attendance.objects.count())
    [again] = ingest(papers / MINUTES)
    assert again.status == "unchanged"
    assert (AgendaItem.objects.count(), Page.objects.count(), Attendance.objects.count()) == counts


def test_a_file_that_fails_leaves_no_rows_and_no_stored_file(tmp_path, settings, papers):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes((papers / MINUTES).read_bytes()[:4000])
    results = ingest(broken, papers / MINUTES)
    assert [r.status for r in results] == ["failed", "ok"]
    assert results[0].error
    assert Document.objects.count() == 1
    assert len(stored_files(settings)) == 1


def test_a_failure_while_writing_rolls_back_and_removes_the_file(papers, settings, monkeypatch):
    from documents import writer

    def explode(meeting, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(writer, "meeting_records", explode)
    with pytest.raises(RuntimeError):
        ingest(papers / MINUTES)
    assert Meeting.objects.count() == Document.objects.count() == Page.objects.count() == 0
    assert stored_files(settings) == []


def test_a_new_version_supersedes_the_old_one(papers, tmp_path):
    ingest(papers / MINUTES)
    changed = tmp_path / "minutes-v2.pdf"
    shutil.copy(papers / MINUTES, changed)
    with changed.open("ab") as handle:
        handle.write(b"\n% corrected and re-issued\n")
    [result] = ingest(changed)
    assert result.status == "ok", result.error
    old, new = Document.objects.order_by("version")
    assert old.superseded_by == new and new.version == 2
    assert Page.objects.public().filter(document=old).count() == 0
    assert Meeting.objects.count() == 1


def test_draft_leaves_the_meeting_and_papers_unpublished(papers):
    [result] = ingest(papers / MINUTES, publish=False)
    assert result.status == "ok"
    assert Meeting.objects.published().count() == 0
    assert Document.objects.public().count() == 0


def test_overrides_beat_what_was_read(papers):
    import datetime as dt

    ingest(papers / MINUTES, committee="Executive", date=dt.date(2017, 10, 5))
    meeting = Meeting.objects.get()
    assert (meeting.committee.name, str(meeting.date)) == ("Executive", "2017-10-05")


def test_isolated_parsing_gives_the_same_result(papers):
    [result] = ingest(papers / MINUTES, isolate=True)
    assert result.status == "ok", result.error
    assert AgendaItem.objects.filter(minute_number="89").exists()


def test_minutes_join_the_agenda_of_the_same_meeting():
    agenda = shared_paper("uk_kent_cabinet_2025-01-30_agenda-frontsheet.pdf")
    minutes = shared_paper("uk_kent_cabinet_2025-01-30_printed-minutes.pdf")
    results = ingest(agenda, minutes)
    assert [r.status for r in results] == ["ok", "ok"]
    assert results[0].meeting == results[1].meeting == "/meetings/cabinet/2025-01-30/"
    items = list(AgendaItem.objects.filter(parent__isnull=True).order_by("order"))
    assert len(items) == 9
    assert [(i.number, i.minute_number) for i in items[:3]] == [
        ("1", "84"),
        ("2", "85"),
        ("3", "86"),
    ]
    budget = next(i for i in items if i.number == "8")
    assert budget.minute_number == "91" and budget.resolutions.exists()
    assert Document.objects.filter(meeting=items[0].meeting).count() == 2


def test_a_batch_asks_for_one_new_export_after_its_last_paper(papers, monkeypatch):
    from documents import importer

    asked: list[int] = []
    monkeypatch.setattr(
        importer, "schedule_export_rebuild", lambda: asked.append(Document.objects.count())
    )
    results = ingest(papers / PACK, papers / MINUTES)
    assert [r.status for r in results] == ["ok", "ok"]
    assert asked == [2]  # once, with both papers stored

    asked.clear()
    assert [r.status for r in ingest(papers / PACK)] == ["unchanged"]
    assert asked == []  # nothing new was published
