"""Attendance lists that print a role or a bare title where a name would be."""

from __future__ import annotations

import pytest

from documents.importer import Importer, IngestOptions
from meetings.models import Attendance, Meeting
from tests.shared_papers import shared_path

pytestmark = pytest.mark.django_db


def test_minutes_whose_attendance_prints_an_entry_that_is_no_name_still_go_in():
    # Alameda's Civil Service Board minutes of 2 July 2008 list staff by role; one entry
    # gives no name a person can be found by, and once stopped the whole paper.
    paper = shared_path("real-papers-us") / "us_alameda_CivilServiceBoard_2008-07-02.pdf"
    [result] = Importer(IngestOptions(isolate=False)).ingest([paper])
    assert result.status == "ok", result.error
    meeting = Meeting.objects.get()
    assert str(meeting.date) == "2008-07-02"
    present = Attendance.objects.filter(meeting=meeting, role=Attendance.Role.PRESENT)
    assert present.count() >= 3
