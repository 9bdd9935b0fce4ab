"""Read Modern.Gov web-service responses (GetCommittees, GetMeetings, GetMeeting,
GetAttachment) into plain records. Only the standard library's XML parser is used; the
responses come from a council's own site or a folder of saved files."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser

SCHEDULE_12A_PARAGRAPH = re.compile(r"\b(?:para(?:graph)?s?\.?\s*)([1-7])\b", re.I)


@dataclass
class MgCommittee:
    id: str
    title: str
    deleted: bool = False
    expired: bool = False
    category: str = ""


@dataclass
class MgAttachment:
    id: str
    title: str
    url: str = ""
    is_url: bool = False
    restricted: bool = False
    content: bytes | None = None  # a PDF embedded in a GetAttachment response


@dataclass
class MgItem:
    id: str
    title: str
    number: str = ""
    minute_number: str = ""
    restricted: bool = False
    exempt_paragraph: int | None = None
    minutes: str = ""
    attachments: list[MgAttachment] = field(default_factory=list)


@dataclass
class MgAttendee:
    name: str
    role: str
    attendance: str


@dataclass
class MgCouncillor:
    """A councillor as GetCouncillorsByWard lists them."""

    name: str
    party: str = ""
    ward: str = ""
    key_posts: str = ""


@dataclass
class MgMeeting:
    id: str
    committee_id: str = ""
    committee_title: str = ""
    date: dt.date | None = None
    time: dt.time | None = None
    end_time: dt.time | None = None
    status: str = ""
    location: str = ""
    display_allowed: bool = True
    minutes_published: bool = False
    items: list[MgItem] = field(default_factory=list)
    attendees: list[MgAttendee] = field(default_factory=list)
    detailed: bool = False  # read from GetMeeting (with items), not only from GetMeetings


def text(element, tag: str) -> str:
    found = element.find(tag) if element is not None else None
    return html.unescape((found.text or "").strip()) if found is not None else ""


def flag(element, tag: str, default: bool = False) -> bool:
    value = text(element, tag)
    return value.lower() == "true" if value else default


def parse_date(value: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(value.strip(), "%d/%m/%Y").date()
    except ValueError:
        return None


def parse_time(value: str) -> dt.time | None:
    """'6.00 pm', '12.30 pm', '10.00 am', '18:00'."""
    match = re.fullmatch(r"(\d{1,2})[.:](\d{2})\s*([ap]\.?m\.?)?", value.strip().lower())
    if not match:
        return None
    hour, minute, half = int(match[1]), int(match[2]), (match[3] or "").replace(".", "")
    if half == "pm" and hour < 12:
        hour += 12
    if half == "am" and hour == 12:
        hour = 0
    return dt.time(hour, minute) if hour < 24 and minute < 60 else None


class _TextOfHtml(HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "table"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Modern.Gov's Word-made HTML as plain paragraphs."""
    parser = _TextOfHtml()
    parser.feed(markup or "")
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)


def committees(xml: bytes) -> list[MgCommittee]:
    root = ET.fromstring(xml)
    return [
        MgCommittee(
            id=text(c, "committeeid"),
            title=text(c, "committeetitle"),
            deleted=flag(c, "committeedeleted"),
            expired=flag(c, "committeeexpired"),
            category=text(c, "committeecategory"),
        )
        for c in root.iter("committee")
        if text(c, "committeeid") and text(c, "committeetitle")
    ]


def meeting_list(xml: bytes) -> list[MgMeeting]:
    root = ET.fromstring(xml)
    found = []
    for committee in root.iter("committee"):
        for m in committee.iter("meeting"):
            found.append(
                MgMeeting(
                    id=text(m, "meetingid"),
                    committee_id=text(committee, "committeeid"),
                    committee_title=text(committee, "committeetitle"),
                    date=parse_date(text(m, "meetingdate")),
                    time=parse_time(text(m, "meetingtime")),
                    status=text(m, "meetingstatus"),
                )
            )
    return [m for m in found if m.id and m.date]


def _attachment(element) -> MgAttachment:
    return MgAttachment(
        id=text(element, "attachmentid"),
        title=text(element, "title") or "Attachment",
        url=text(element, "url"),
        is_url=flag(element, "isurl"),
        restricted=flag(element, "isrestricted"),
    )


def _item(element, minutes_published: bool) -> MgItem:
    restricted = flag(element, "isrestricted") or not flag(element, "isdisplayallowed", True)
    number = text(element, "agendaitemnumber") + text(element, "agendaitemsubnumber")
    item = MgItem(
        id=text(element, "agendaitemid"),
        title=html.unescape(text(element, "agendaitemtitle")),
        number=number,
        minute_number=text(element, "minutesitemnumber") + text(element, "minutesitemsubnumber"),
        restricted=restricted,
    )
    if restricted:
        paragraph = SCHEDULE_12A_PARAGRAPH.search(text(element, "restrictionsRef"))
        item.exempt_paragraph = int(paragraph[1]) if paragraph else None
        return item  # nothing else of a restricted item is kept
    if minutes_published and flag(element, "isminutepublished", True):
        item.minutes = html_to_text(text(element, "minutesnonemptyhtmlbody"))
    linked = element.find("linkeddocuments")
    if linked is not None:
        item.attachments = [_attachment(d) for d in linked.iter("linkeddoc")]
    return item


def meeting_detail(xml: bytes) -> MgMeeting:
    root = ET.fromstring(xml)
    meeting = MgMeeting(
        id=text(root, "meetingid"),
        date=parse_date(text(root, "meetingdate")),
        time=parse_time(text(root, "meetingtime")),
        end_time=parse_time(text(root, "meetingactualfinishtime"))
        or parse_time(text(root, "meetingplannedfinishtime")),
        status=text(root, "meetingstatus"),
        location=text(root, "meetinglocation"),
        display_allowed=flag(root, "isdisplayallowed", True),
        minutes_published=flag(root, "minutepublished"),
        detailed=True,
    )
    items = root.find("agendaitems")
    if items is not None:
        meeting.items = [_item(e, meeting.minutes_published) for e in items.iter("agendaitem")]
    attendees = root.find("attendees")
    if attendees is not None:
        meeting.attendees = [
            MgAttendee(
                name=a.get("name", "").strip(),
                role=a.get("roledescription", ""),
                attendance=a.get("attendance", ""),
            )
            for a in attendees.iter("attendee")
            if a.get("name")
        ]
    return meeting


def attachment_detail(xml: bytes) -> MgAttachment:
    root = ET.fromstring(xml)
    details = root.find("attachmentdetails")
    attachment = _attachment(details if details is not None else root)
    for element in root.iter():
        if element.tag.lower() in {"attachmentdata", "content", "data", "filedata", "base64"}:
            try:
                decoded = base64.b64decode((element.text or "").strip(), validate=True)
            except (binascii.Error, ValueError):
                continue
            if decoded.startswith(b"%PDF"):
                attachment.content = decoded
    return attachment


def root_tag(xml: bytes) -> str:
    try:
        return ET.fromstring(xml).tag.lower()
    except ET.ParseError:
        return ""


def councillors_by_ward(xml: bytes) -> list[MgCouncillor]:
    """Every councillor of GetCouncillorsByWard, with party, ward and key posts."""
    root = ET.fromstring(xml)
    found = []
    for ward in root.iter("ward"):
        ward_title = text(ward, "wardtitle")
        for councillor in ward.iter("councillor"):
            name = text(councillor, "fullusername")
            if name:
                found.append(
                    MgCouncillor(
                        name=name,
                        party=text(councillor, "politicalpartytitle"),
                        ward=ward_title,
                        key_posts=text(councillor, "keyposts"),
                    )
                )
    return found
