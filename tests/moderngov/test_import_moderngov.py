"""import_moderngov brings a council's Modern.Gov history across, from saved real responses
(Gloucester City Council, Manchester City Council) or from a live web service."""

from __future__ import annotations

import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from documents.models import Document
from meetings.models import AgendaItem, Attendance, Committee, Meeting, Person
from tests.api.world import assert_no_secrets
from tests.shared_papers import shared_paper, shared_path

pytestmark = pytest.mark.django_db(transaction=True)
# The saved responses are read from the shared folder (tests/fixtures/moderngov/MANIFEST.tsv).
SAVED = {
    "gloucester": [
        "gloucester_GetAttachment_65461.xml",
        "gloucester_GetCommittees.xml",
        "gloucester_GetMeeting_7837.xml",
        "gloucester_GetMeetings.xml",
    ],
    "manchester": [
        "manchester_lgsf_committees.xml",
        "manchester_lgsf_meeting_no_minutes.xml",
        "manchester_lgsf_meeting_with_minutes.xml",
        "manchester_lgsf_meetings.xml",
    ],
}
# No saved copy of the attachment's PDF exists, so a real council paper stands in for it.
STAND_IN_PDF = "uk_kent_corporate-parenting-panel_2024-12-10_minutes.pdf"


def saved_response(name: str) -> Path:
    return shared_path("real-papers", "moderngov-xml", name)


@pytest.fixture
def saved(tmp_path):
    """A folder of one council's saved responses, as a clerk would have saved them."""

    def folder(council: str) -> Path:
        target = tmp_path / "saved" / council
        target.mkdir(parents=True)
        for name in SAVED[council]:
            shutil.copyfile(saved_response(name), target / name)
        return target

    return folder


def run(source, *args, problems: int = 0) -> str:
    out = StringIO()
    if problems:
        with pytest.raises(CommandError, match=f"0 papers failed, {problems} problems"):
            call_command("import_moderngov", str(source), *args, stdout=out)
    else:
        call_command("import_moderngov", str(source), *args, stdout=out)
    return out.getvalue()


def test_it_brings_gloucester_cabinet_meetings_items_and_attendance_across(saved):
    output = run(saved("gloucester"), "--no-papers")
    cabinet = Committee.objects.get(name="Cabinet")
    meetings = Meeting.objects.filter(committee=cabinet)
    assert meetings.count() == 20
    assert Committee.objects.count() == 1, "committees without meetings are not created"
    cancelled = meetings.get(date="2024-06-12")
    assert cancelled.status == "cancelled"
    special = meetings.get(date="2025-11-21")
    assert special.start_time.strftime("%H:%M") == "12:30"
    assert special.end_time.strftime("%H:%M") == "17:05"
    assert special.venue.startswith("Civic Suite, North Warehouse")
    assert special.is_published
    titles = list(special.items.order_by("order").values_list("title", flat=True))
    assert titles[0] == "Declarations of Interest"
    assert "Leader and Cabinet Members' Question Time (15 minutes)" in titles
    declarations = special.items.get(title="Declarations of Interest")
    assert declarations.number == "2" and declarations.minute_number == "51"
    assert declarations.narrative == "There were no declarations of interest."
    present = Attendance.objects.filter(meeting=special, role="present")
    assert present.count() == 7
    assert present.get(is_chair=True).person.name == "Jeremy Hilton"
    assert Attendance.objects.filter(meeting=special, role="officer").count() == 6
    assert "20 meetings created" in output


def test_it_is_idempotent(saved):
    folder = saved("gloucester")
    run(folder, "--no-papers")
    counts = (Meeting.objects.count(), AgendaItem.objects.count(), Attendance.objects.count())
    output = run(folder, "--no-papers")
    assert "0 meetings created, 0 updated" in output
    after = (Meeting.objects.count(), AgendaItem.objects.count(), Attendance.objects.count())
    assert after == counts


def test_it_reads_manchester_and_does_not_take_expected_attendance_for_a_record(saved):
    run(saved("manchester"), "--no-papers")
    audit = Committee.objects.get(name="Audit Committee")
    assert audit.meetings.get(date="2026-01-13").status == "cancelled"
    held = audit.meetings.get(date="2026-02-10")
    assert [i.title for i in held.items.order_by("order")] == ["Minutes", "Work Programme"]
    assert not Attendance.objects.exists()


def test_it_keeps_a_restricted_items_details_and_papers_out(saved):
    folder = saved("gloucester")
    meeting_xml = folder / "gloucester_GetMeeting_7837.xml"
    text = meeting_xml.read_text()
    marker = "MARKER-restricted-minutes-text-3e1f"
    first_item = text.index("<agendaitemid>44463</agendaitemid>")
    end = text.index("</agendaitem>", first_item)
    restricted = (
        text[first_item:end]
        .replace("<isrestricted>False</isrestricted>", "<isrestricted>True</isrestricted>", 1)
        .replace("In respect of question 1", marker)
    )
    meeting_xml.write_text(text[:first_item] + restricted + text[end:])
    shutil.copy(shared_paper(STAND_IN_PDF), folder / "65461.pdf")
    run(folder)
    item = AgendaItem.objects.get(title="Public Question Time (15 minutes)")
    assert item.exempt and item.narrative == ""
    assert not Document.objects.exists(), "a restricted item's attachment is not fetched"
    assert marker not in str(list(AgendaItem.objects.values()))


def test_it_ingests_an_attached_pdf_into_its_meeting_once(saved):
    folder = saved("gloucester")
    shutil.copy(shared_paper(STAND_IN_PDF), folder / "65461.pdf")
    output = run(folder)
    assert "ok attachment 65461 Cabinet - Public Questions" in output
    document = Document.objects.get()
    assert document.meeting.date.isoformat() == "2025-11-21"
    assert document.meeting.committee.name == "Cabinet"
    assert document.original_filename == "Cabinet - Public Questions.pdf"
    again = run(folder)
    assert "unchanged attachment 65461" in again
    assert Document.objects.count() == 1


class ModernGovSite(SimpleHTTPRequestHandler):
    """Gloucester's saved responses served as its mgWebService would, on 127.0.0.1."""

    pdf: bytes = b""

    def do_GET(self):
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        files = {
            "/mgWebService.asmx/GetCommittees": "gloucester_GetCommittees.xml",
            "/mgWebService.asmx/GetMeetings": "gloucester_GetMeetings.xml"
            if query.get("lCommitteeId") == "129"
            else None,
            "/mgWebService.asmx/GetMeeting": f"gloucester_GetMeeting_{query.get('lMeetingId')}.xml",
        }
        if url.path == "/mgConvert2PDF.aspx" and query.get("ID") == "65461":
            return self._send(self.pdf, "application/pdf")
        name = files.get(url.path)
        path = saved_response(name) if name in SAVED["gloucester"] else None
        if url.path == "/mgWebService.asmx/GetMeeting" and path is None:
            # Only one meeting's details were saved; the others answer with no agenda.
            return self._send(b"<meeting><meetingid>0</meetingid></meeting>", "text/xml")
        if path is None:
            if url.path == "/mgWebService.asmx/GetMeetings":
                empty = b"<?xml version='1.0'?><getmeetings><meetingscount>0</meetingscount>"
                return self._send(empty + b"</getmeetings>", "text/xml")
            return self.send_error(404)
        return self._send(path.read_bytes(), "text/xml")

    def _send(self, body: bytes, content_type: str):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    handler = type("Site", (ModernGovSite,), {"pdf": shared_paper(STAND_IN_PDF).read_bytes()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_it_imports_from_a_live_web_service(client, site):
    # The six report attachments of item 55 were not saved: each is reported, not fatal.
    output = run(
        site, "--committee", "Cabinet", "--from", "2024-01-01", "--timeout", "5", problems=6
    )
    assert output.count("PROBLEM attachment 6541") == 6
    assert "20 meetings created" in output
    assert "ok attachment 65461" in output
    meeting = Meeting.objects.get(date="2025-11-21")
    assert meeting.documents.count() == 1
    page = client.get(meeting.get_absolute_url())
    assert page.status_code == 200 and b"Public Question Time" in page.content
    assert_no_secrets(page.content)


def test_it_explains_a_source_it_cannot_read(tmp_path):
    with pytest.raises(CommandError, match="neither an http"):
        run(tmp_path / "missing")


def test_councillors_by_ward_give_party_and_ward_to_the_same_people(saved):
    folder = saved("gloucester")
    shutil.copyfile(
        saved_response("gloucester_GetCouncillorsByWard.xml"),
        folder / "gloucester_GetCouncillorsByWard.xml",
    )
    run(folder, "--no-papers")
    hilton = Person.objects.get(surname="hilton")  # in the attendance and the ward list: one
    assert (hilton.party, hilton.ward) == ("Liberal Democrat", "Kingsholm and Wotton")
    assert hilton.attendance.exists()
    assert Person.objects.exclude(party="").count() >= 39
