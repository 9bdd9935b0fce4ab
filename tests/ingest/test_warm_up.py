"""The fork server reads two small papers of its own before any child starts, so that every
child begins with the parser's modules imported and its patterns compiled. Were the warm-up
to stop reading them (it swallows its own errors), children would silently start cold."""

from documents.ingest import warm_up
from documents.ingest.parser import parse_pdf


def test_the_warm_up_agenda_is_read_as_an_agenda_with_its_items(tmp_path):
    path = tmp_path / "agenda.pdf"
    warm_up._paper(path, warm_up.AGENDA)
    parsed = parse_pdf(path, ocr=False)
    assert parsed.kind == "agenda"
    assert parsed.meeting.committee == "Planning Committee"
    assert [item.number for item in parsed.items] == ["1", "2", "3", "4", "5"]
    assert [item.exempt for item in parsed.items][-1] is True


def test_the_warm_up_minutes_are_read_as_minutes_with_attendance(tmp_path):
    path = tmp_path / "minutes.pdf"
    warm_up._paper(path, warm_up.MINUTES)
    parsed = parse_pdf(path, ocr=False)
    assert parsed.kind == "minutes"
    assert parsed.attendance.present == ["A Smith", "B Jones", "C Patel"]
    assert parsed.attendance.apologies == ["D Brown"]
