"""A clerk's folder of a whole real meeting goes in as one meeting (Kent County Council,
13 March 2025: 37 papers, among them the previous meeting's minutes up for approval)."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.importer import Importer, IngestOptions
from documents.models import Document
from meetings.models import Meeting
from tests.shared_papers import shared_path


def council_folder():
    return shared_path("real-meetings", "kent", "county-council", "2025-03-13")


@pytest.fixture
def results(db):
    return list(Importer(IngestOptions(isolate=False)).ingest([council_folder().parent]))


def test_the_folder_gives_one_right_meeting(results):
    """One ingest of the folder (it takes a while), then what a clerk would check."""
    every_paper_goes_into_its_meeting(results)
    the_agenda_alone_defines_the_items()
    distinct_papers_never_supersede_each_other()
    the_previous_minutes_are_read_as_the_minutes_of_the_meeting_they_name()


def every_paper_goes_into_its_meeting(results):
    assert len(results) == len(list(council_folder().glob("*.pdf")))
    assert [r.path for r in results if r.status == "failed"] == []
    # The same questions paper saved twice under two names is one paper.
    assert [r.status for r in results].count("unchanged") == 1
    assert all(r.role for r in results)
    meeting = Meeting.objects.get(date=dt.date(2025, 3, 13))
    assert meeting.committee.name == "County Council"
    assert Document.objects.filter(meeting=meeting).count() == len(results) - 1


def the_agenda_alone_defines_the_items():
    meeting = Meeting.objects.get(date=dt.date(2025, 3, 13))
    items = meeting.items.filter(parent__isnull=True).order_by("order")
    assert [i.number for i in items] == [str(n) for n in range(1, 18)]
    assert items[0].title == "Apologies for Absence"
    assert items[16].title == "Motion for Time Limited Debate"
    # The minutes joined them (minutes 292 to 308), and no appendix renamed one.
    assert [i.minute_number for i in items] == [str(n) for n in range(292, 309)]


def distinct_papers_never_supersede_each_other():
    assert not Document.objects.exclude(superseded_by=None).exists()
    identities = list(Document.objects.values_list("meeting_id", "identity"))
    assert len(identities) == len(set(identities))


def the_previous_minutes_are_read_as_the_minutes_of_the_meeting_they_name():
    previous = Document.objects.get(original_filename="Minutes of Previous Meeting.pdf")
    assert previous.meeting.date == dt.date(2025, 3, 13)
    assert previous.minutes_of.date == dt.date(2025, 2, 13)
    earlier = previous.minutes_of
    assert earlier.committee == previous.meeting.committee
    assert earlier.items.filter(minutes_source=previous).count() >= 5
    assert earlier.attendance.filter(source=previous).count() > 20
    approving = previous.meeting.items.get(number="3")
    assert approving.page_ranges.filter(document=previous).exists()
