"""Where Modern.Gov responses come from: a council's web service, or a folder of saved files.

Both answer the same questions: the committees, a committee's meetings, one meeting, one
attachment's details, and an attachment's PDF (``None`` when it cannot be had).
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from meetings.moderngov import parse

USER_AGENT = "committee-papers-portal (import_moderngov)"
MAX_DOWNLOAD_BYTES = 200 * 1024 * 1024


class SourceError(Exception):
    """A response could not be had or read."""


def urllib_fetch(url: str, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read(MAX_DOWNLOAD_BYTES + 1)
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise SourceError(f"{url}: {exc}") from exc
    if len(body) > MAX_DOWNLOAD_BYTES:
        raise SourceError(f"{url}: larger than {MAX_DOWNLOAD_BYTES // 1024 // 1024} MB")
    return body


class WebServiceSource:
    """A council's Modern.Gov site, e.g. https://democracy.example.gov.uk."""

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 30,
        fetch: Callable[[str, float], bytes] = urllib_fetch,
        date_from: dt.date = dt.date(2000, 1, 1),
        date_to: dt.date | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.fetch = fetch
        self.date_from = date_from
        self.date_to = date_to or dt.date.today() + dt.timedelta(days=366)

    def _service(self, method: str, **params) -> bytes:
        query = urllib.parse.urlencode(params)
        url = f"{self.base_url}/mgWebService.asmx/{method}" + (f"?{query}" if query else "")
        return self.fetch(url, self.timeout)

    def committees(self) -> list[parse.MgCommittee]:
        return parse.committees(self._service("GetCommittees"))

    def councillors(self) -> list[parse.MgCouncillor]:
        """Councillors with party and ward; none when the service does not answer."""
        try:
            return parse.councillors_by_ward(self._service("GetCouncillorsByWard"))
        except (SourceError, parse.ET.ParseError):
            return []

    def meetings(self, committee: parse.MgCommittee) -> list[parse.MgMeeting]:
        xml = self._service(
            "GetMeetings",
            lCommitteeId=committee.id,
            sFromDate=self.date_from.strftime("%d/%m/%Y"),
            sToDate=self.date_to.strftime("%d/%m/%Y"),
        )
        return parse.meeting_list(xml)

    def meeting(self, meeting_id: str) -> parse.MgMeeting | None:
        return parse.meeting_detail(self._service("GetMeeting", lMeetingId=meeting_id))

    def attachment_pdf(self, attachment: parse.MgAttachment) -> bytes | None:
        """The PDF, from the council's own site only (the path of the URL Modern.Gov gives)."""
        if attachment.content:
            return attachment.content
        if not attachment.url:
            details = parse.attachment_detail(
                self._service("GetAttachment", lAttachmentId=attachment.id)
            )
            if details.content:
                return details.content
            attachment.url = details.url
        given = urllib.parse.urlsplit(attachment.url)
        path = given.path + (f"?{given.query}" if given.query else "")
        if not path.startswith("/"):
            return None
        return self.fetch(self.base_url + path, self.timeout)


class FolderSource:
    """A folder of saved responses, recognised by their root element whatever their names,
    and PDFs named by attachment id (``65461.pdf`` or ``anything_65461.pdf``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._committees: list[parse.MgCommittee] = []
        self._meetings: dict[str, list[parse.MgMeeting]] = {}
        self._details: dict[str, parse.MgMeeting] = {}
        self._attachments: dict[str, parse.MgAttachment] = {}
        self._councillors: list[parse.MgCouncillor] = []
        for path in sorted(self.folder.rglob("*.xml")):
            self._read(path.read_bytes())

    def _read(self, xml: bytes) -> None:
        kind = parse.root_tag(xml)
        if kind == "committees":
            self._committees += parse.committees(xml)
        elif kind == "getmeetings":
            for meeting in parse.meeting_list(xml):
                self._meetings.setdefault(meeting.committee_id, []).append(meeting)
        elif kind == "meeting":
            meeting = parse.meeting_detail(xml)
            self._details[meeting.id] = meeting
        elif kind == "attachment":
            attachment = parse.attachment_detail(xml)
            self._attachments[attachment.id] = attachment
        elif kind == "councillorsbyward":
            self._councillors += parse.councillors_by_ward(xml)

    def councillors(self) -> list[parse.MgCouncillor]:
        return list(self._councillors)

    def committees(self) -> list[parse.MgCommittee]:
        if self._committees:
            return self._committees
        # No GetCommittees saved: the committees the meeting lists name.
        return [
            parse.MgCommittee(id=cid, title=meetings[0].committee_title)
            for cid, meetings in self._meetings.items()
        ]

    def meetings(self, committee: parse.MgCommittee) -> list[parse.MgMeeting]:
        return self._meetings.get(committee.id, [])

    def meeting(self, meeting_id: str) -> parse.MgMeeting | None:
        return self._details.get(meeting_id)

    def attachment_pdf(self, attachment: parse.MgAttachment) -> bytes | None:
        saved = self._attachments.get(attachment.id)
        if saved is not None and saved.content:
            return saved.content
        if not re.fullmatch(r"\d+", attachment.id or ""):
            return None
        for path in self.folder.rglob("*.pdf"):
            if re.fullmatch(rf"(?:.*_)?{attachment.id}", path.stem):
                return path.read_bytes()
        return None


def open_source(source: str, **options) -> WebServiceSource | FolderSource:
    if re.match(r"https?://", source):
        return WebServiceSource(source, **options)
    folder = Path(source)
    if not folder.is_dir():
        raise SourceError(f"{source} is neither an http(s) address nor a folder")
    return FolderSource(folder)
