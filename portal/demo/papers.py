"""The layout of a council's papers, as UK councils print them: an agenda reports pack (front
sheet with the summons and membership, the agenda with page references, then each report
with its front sheet, stamped ``Agenda Item N`` on its first page and ``Page N`` on every
page), a supplementary pack, and minutes with attendance, numbered minutes and resolutions.

Pure functions from plain data to lists of pages (each page a list of lines); no Django.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass, field

from portal.demo.pdf import LINES_PER_PAGE

WRAP = 86  # characters a line at 11 pt across the page
EXEMPT_REASONS = {
    1: "information relating to any individual",
    3: "information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information)",
    5: "information in respect of which a claim to legal professional privilege could be "
    "maintained in legal proceedings",
}


@dataclass(frozen=True)
class Council:
    name: str
    venue: str
    contact: str
    chief_executive: str


@dataclass
class Report:
    title: str
    purpose: str  # "For Decision", "For Review and Consultation" or "For Information"
    portfolio: str
    director: str
    author: str
    author_title: str
    recommendation: str
    reason: str
    summary: list[str]
    sections: list[tuple[str, list[str]]]
    resolutions: list[str]
    discussion: str
    exempt_paragraph: int | None = None  # Schedule 12A paragraph when not for publication


@dataclass
class Meeting:
    committee: str
    date: dt.date
    time: str
    members: list[str]  # chair first, then vice-chair
    reports: list[Report]
    apologies: list[str] = field(default_factory=list)
    substitutes: list[tuple[str, str]] = field(default_factory=list)  # (who, for whom)
    officers: list[str] = field(default_factory=list)
    declarations: list[str] = field(default_factory=list)
    previous: dt.date | None = None
    first_minute: int = 1
    supplement: list[Report] = field(default_factory=list)
    end_time: str = ""


def long_date(day: dt.date) -> str:
    return f"{day:%A}, {day.day} {day:%B %Y}"


def wrap(text: str) -> list[str]:
    return textwrap.wrap(text, WRAP) or [""]


def paginate(lines: list[str], room: int = LINES_PER_PAGE - 2) -> list[list[str]]:
    """Split running text into pages of at most ``room`` lines."""
    return [lines[i : i + room] for i in range(0, len(lines), room)] or [[]]


def exempt_notice(paragraph: int) -> list[str]:
    return wrap(
        f"NOT FOR PUBLICATION - this item is exempt under paragraph {paragraph} of "
        f"Schedule 12A to the Local Government Act 1972 ({EXEMPT_REASONS[paragraph]})."
    )


def standard_items(meeting: Meeting) -> list[tuple[str, list[str]]]:
    previous = (
        f"To confirm the minutes of the meeting held on {meeting.previous.day} "
        f"{meeting.previous:%B %Y}."
        if meeting.previous
        else "There are no minutes to confirm at this meeting."
    )
    return [
        ("APOLOGIES", ["To receive any apologies for absence."]),
        ("MINUTES", wrap(previous)),
        (
            "DECLARATIONS OF INTEREST",
            wrap(
                "To disclose any pecuniary, other registrable or personal interest as set "
                "out in the adopted Code of Conduct."
            ),
        ),
        (
            "PUBLIC PARTICIPATION",
            wrap(
                "To receive questions and statements from members of the public and town "
                "and parish councils, submitted in advance."
            ),
        ),
    ]


def report_pages(council: Council, meeting: Meeting, report: Report) -> list[list[str]]:
    """A report: its front sheet, then its sections, without page stamps."""
    head = [meeting.committee, f"{meeting.date.day} {meeting.date:%B %Y}", report.title]
    if report.exempt_paragraph:
        head += exempt_notice(report.exempt_paragraph)
    head += [
        report.purpose,
        f"Portfolio Holder: {report.portfolio}",
        "Local Councillor(s): All",
        f"Executive Director: {report.director}",
        f"Report Author: {report.author}",
        f"Title: {report.author_title}",
        "Tel: 01632 960" + str(100 + len(report.author) * 7)[-3:],
        f"Email: {report.author.lower().replace(' ', '.')}@{council.contact}",
        f"Report Status: {'Exempt' if report.exempt_paragraph else 'Public'}",
        *wrap(f"Recommendation: {report.recommendation}"),
        *wrap(f"Reason for Recommendation: {report.reason}"),
        "1. Executive Summary",
    ]
    for paragraph in report.summary:
        head += wrap(paragraph)
    body: list[str] = []
    for number, (heading, paragraphs) in enumerate(report.sections, start=2):
        body.append(f"{number}. {heading}")
        for paragraph in paragraphs:
            body += wrap(paragraph)
    return paginate(head) + paginate(body)


def agenda_pack(council: Council, meeting: Meeting, members_line: list[str]) -> list[list[str]]:
    """The agenda reports pack of a meeting, stamped with page numbers and agenda items."""
    front = [
        meeting.committee,
        f"Date: {long_date(meeting.date)}",
        f"Time: {meeting.time}",
        f"Venue: {council.venue}",
        "Membership: (Quorum 3)",
        *members_line,
        f"Chief Executive: {council.chief_executive}, {council.venue}",
        "For more information about this agenda please contact Democratic Services",
        f"01632 960000 - democratic.services@{council.contact}",
        *wrap(
            "Members of the public are welcome to attend this meeting, apart from any "
            "items listed in the exempt part of this agenda. Anyone may film, record or "
            f"report the meeting when it is open to the public. {council.name} publishes "
            "its agendas, reports and decisions on this portal."
        ),
    ]
    standard = standard_items(meeting)
    public = [r for r in meeting.reports if not r.exempt_paragraph]
    exempt = [r for r in meeting.reports if r.exempt_paragraph]
    reports = {id(r): report_pages(council, meeting, r) for r in meeting.reports}
    first_report_page = 3
    starts, page = {}, first_report_page
    for report in [*public, *exempt]:
        starts[id(report)] = page
        page += len(reports[id(report)])
    agenda = ["A G E N D A", "Page No."]
    number = 0
    for title, lines in standard:
        number += 1
        agenda += [f"{number}. {title}", *lines]
    numbers = {}
    for report in public:
        number += 1
        numbers[id(report)] = number
        first, last = starts[id(report)], starts[id(report)] + len(reports[id(report)]) - 1
        agenda += [f"{number}. {report.title}"]
        agenda += wrap(f"To consider a report by the Portfolio Holder, {report.portfolio}.")
        agenda.append(f"{first} - {last}")
    if exempt:
        number += 1
        agenda += [f"{number}. EXEMPT BUSINESS"]
        paragraphs = " and ".join(sorted({str(r.exempt_paragraph) for r in exempt}))
        agenda += wrap(
            "To move the exclusion of the press and the public for the following item in "
            "view of the likely disclosure of exempt information within the meaning of "
            f"paragraph {paragraphs} of Schedule 12A to the Local Government Act 1972."
        )
        for report in exempt:
            number += 1
            numbers[id(report)] = number
            first, last = starts[id(report)], starts[id(report)] + len(reports[id(report)]) - 1
            agenda += [f"{number}. {report.title}"]
            agenda += wrap(f"To consider a report by the Portfolio Holder, {report.portfolio}.")
            agenda += exempt_notice(report.exempt_paragraph)
            agenda.append(f"{first} - {last}")
    pages = [front, agenda[: LINES_PER_PAGE - 1]]
    for report in [*public, *exempt]:
        for index, lines in enumerate(reports[id(report)]):
            mark = [f"Agenda Item {numbers[id(report)]}"] if index == 0 else []
            pages.append(lines + mark)
    return [lines + [f"Page {n}"] for n, lines in enumerate(pages, start=1)]


def supplement_pack(council: Council, meeting: Meeting, first_number: int) -> list[list[str]]:
    """A supplementary agenda: a covering sheet listing the late reports, then the reports."""
    cover = [
        meeting.committee,
        f"Date: {long_date(meeting.date)}",
        f"Time: {meeting.time}",
        f"Venue: {council.venue}",
        "SUPPLEMENTARY AGENDA",
        *wrap(
            "The following report was not available when the agenda was published and is "
            "to be considered at the meeting as a matter of urgency."
        ),
    ]
    pages: list[list[str]] = [cover]
    page = 2
    body: list[list[str]] = []
    for offset, report in enumerate(meeting.supplement):
        number = first_number + offset
        report_lines = report_pages(council, meeting, report)
        cover += [f"{number}. {report.title}", f"{page} - {page + len(report_lines) - 1}"]
        for index, lines in enumerate(report_lines):
            body.append(lines + ([f"Agenda Item {number}"] if index == 0 else []))
        page += len(report_lines)
    pages += body
    return [lines + [f"Page {n}"] for n, lines in enumerate(pages, start=1)]


def minutes(council: Council, meeting: Meeting) -> list[list[str]]:
    """The printed minutes: attendance, then every item with its minute number."""
    present = [m for m in meeting.members if m not in meeting.apologies]
    present += [who for who, _ in meeting.substitutes]
    chair, rest = present[0], present[1:]
    lines = [
        council.name,
        meeting.committee,
        f"Minutes of the meeting held at {council.venue} on",
        long_date(meeting.date),
        "Present:",
        f"{chair} (Chairman)",
        *wrap(", ".join(rest[:-1]) + f" and {rest[-1]}."),
    ]
    if meeting.officers:
        lines += wrap("Officers Attending: " + ", ".join(meeting.officers) + ".")
    number = meeting.first_minute

    def minute(title: str, text: list[str]) -> None:
        nonlocal number
        lines.append(f"{number}. {title}")
        for paragraph in text:
            lines.extend(wrap(paragraph))
        number += 1

    if meeting.apologies:
        said = "Apologies for absence were received from Cllrs " + " and ".join(
            name.removeprefix("Cllr ") for name in meeting.apologies
        )
        said += "." + "".join(
            f" {who} attended the meeting for {whom}." for who, whom in meeting.substitutes
        )
    else:
        said = "There were no apologies for absence."
    minute("Apologies for Absence", [said])
    if meeting.previous:
        held = f"{meeting.previous.day} {meeting.previous:%B %Y}"
        confirmed = f"The minutes of the meeting held on {held} were confirmed and signed."
    else:
        confirmed = "There were no minutes to confirm."
    minute("Minutes", [confirmed])
    minute(
        "Declarations of Interest",
        meeting.declarations
        or ["No declarations of disclosable pecuniary interests were made at the meeting."],
    )
    minute(
        "Public Participation",
        [
            "There were no questions or statements from members of the public or town and "
            "parish councils."
        ],
    )
    reports = [*meeting.reports, *meeting.supplement]
    public = [r for r in reports if not r.exempt_paragraph]
    exempt = [r for r in reports if r.exempt_paragraph]

    def decided(report: Report) -> list[str]:
        text = [report.discussion, "Resolved"]
        if len(report.resolutions) == 1:
            text.append(report.resolutions[0])
        else:
            text += [f"{n}. {r}" for n, r in enumerate(report.resolutions, start=1)]
        return [*text, "Reason for Decision", report.reason]

    for report in public:
        minute(report.title, decided(report))
    if exempt:
        paragraphs = " and ".join(sorted({str(r.exempt_paragraph) for r in exempt}))
        minute(
            "Exempt Business",
            [
                "Resolved",
                "That in accordance with Section 100A(4) of the Local Government Act 1972 the "
                "public be excluded from the meeting for the following item as it was likely "
                "that there would be disclosure of exempt information as defined in paragraph "
                f"{paragraphs} of Part 1 of Schedule 12A to the Act.",
            ],
        )
        for report in exempt:
            notice = (
                "NOT FOR PUBLICATION - exempt information under paragraph "
                f"{report.exempt_paragraph} of Part 1 of Schedule 12A to the Local "
                "Government Act 1972"
            )
            minute(report.title, [notice, *decided(report)])
    lines += [f"Duration of meeting: {meeting.time} - {meeting.end_time}", "Chairman", "." * 40]
    pages = paginate(lines, LINES_PER_PAGE - 1)
    return [page + [str(n)] for n, page in enumerate(pages, start=1)]
