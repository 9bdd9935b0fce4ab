"""Checks that need no truth files: what the ingest made that cannot be right.

Each check returns ``(label, offenders)``, the offenders as short lines a reader can look up.
Used by ``benchmarks/corpus.py`` on a scratch database.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

EARLIEST, LATEST = dt.date(1990, 1, 1), dt.date(2030, 12, 31)
LONG_TITLE = 250  # characters: a paragraph, not an item's title
FURNITURE = re.compile(
    r"^(?:page\s*\d+|\d+\s+of\s+\d+|table of contents|contents|index|agenda(?: item)?|minutes"
    r"|appendix\b.*|annex\b.*|report\b.*|item\s*\d+.*|background(?: papers| documents)?"
    r"|recommendations?|summary|introduction|present|apologies|public (?:document )?pack"
    r"|not for publication|exempt)\W*$",
    re.I,
)
SENTENCE_WORDS = re.compile(
    r"\b(?:is|are|was|were|will|would|shall|should|has|have|had|be|been|that|which|this"
    r"|these|those|please|we|you|our|your)\b",
    re.I,
)
CUT_OFF = re.compile(r"\b(?:of|the|and|for|on|to|in|at|by|with|&)$", re.I)
DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def committee_name_problem(name: str) -> str | None:
    """Why a committee name looks like something else (a heading, a sentence), or None."""
    text = " ".join((name or "").split())
    if not text:
        return "empty"
    if FURNITURE.match(text):
        return "a heading or page furniture"
    if len(text) > 90 or len(text.split()) > 12:
        return "too long for a name"
    if text[0].islower():
        return "starts in lower case"
    if text[-1] in ".,;:":
        return "ends like a sentence"
    if CUT_OFF.search(text):
        return "cut off mid-name"
    if SENTENCE_WORDS.search(text):
        return "reads like a sentence"
    letters = sum(c.isalpha() for c in text)
    if letters < max(3, len(text) // 2):
        return "mostly not letters"
    return None


def committee_names():
    from meetings.models import Committee

    offenders = []
    for committee in Committee.objects.order_by("name"):
        problem = committee_name_problem(committee.name)
        if problem:
            offenders.append(f"{committee.name!r}: {problem}")
    return "committee names that are not names", offenders


def meeting_dates():
    from meetings.models import Meeting

    outside = Meeting.objects.exclude(date__range=(EARLIEST, LATEST)).select_related("committee")
    return f"meeting dates outside {EARLIEST.year}-{LATEST.year}", [
        f"{m.committee.name} {m.date}" for m in outside
    ]


def dates_against_file_names():
    """A paper whose file or folder name carries a date, filed under another date (a hint:
    previous minutes and forward plans name other dates on purpose)."""
    from documents.models import Document

    offenders = []
    for document in Document.objects.select_related("meeting", "meeting__committee"):
        found = DATE_IN_NAME.findall(document.original_filename)
        if not found:
            continue
        try:
            named = dt.date(*map(int, found[0]))
        except ValueError:
            continue
        if named != document.meeting.date:
            offenders.append(
                f"{document.original_filename}: filed under {document.meeting.date} "
                f"({document.meeting.committee.name})"
            )
    return "papers filed under a date other than their file name's", offenders


def empty_meetings():
    from django.db.models import Count

    from meetings.models import Meeting

    empty = (
        Meeting.objects.annotate(n=Count("items"))
        .filter(n=0)
        .select_related("committee")
        .order_by("date")
    )
    return "meetings with 0 items", [f"{m.committee.name} {m.date}" for m in empty]


def item_titles():
    from meetings.models import AgendaItem

    offenders = []
    for item in AgendaItem.objects.select_related("meeting", "meeting__committee"):
        title = (item.title or "").strip()
        where = f"{item.meeting.committee.name} {item.meeting.date} item {item.number or '?'}"
        if not title:
            offenders.append(f"{where}: empty title")
        elif len(title) > LONG_TITLE:
            offenders.append(f"{where}: title of {len(title)} characters")
    return f"items with an empty title or one over {LONG_TITLE} characters", offenders


def duplicate_numbers():
    from meetings.models import AgendaItem

    counts = Counter(
        (item.meeting_id, item.parent_id, item.number.strip().rstrip(".").lower())
        for item in AgendaItem.objects.only("meeting_id", "parent_id", "number")
        if item.number.strip()
    )
    offenders = []
    from meetings.models import Meeting

    for (meeting_id, _parent, number), n in sorted(counts.items(), key=lambda kv: kv[0][:1]):
        if n > 1:
            meeting = Meeting.objects.select_related("committee").get(pk=meeting_id)
            offenders.append(f"{meeting.committee.name} {meeting.date}: number {number!r} x{n}")
    return "item numbers repeated in one meeting", offenders


def items_from_reports():
    """Items that a report, appendix or decision record made in a meeting that has an
    agenda: only the agenda defines the items."""
    from documents.models import Document
    from meetings.models import AgendaItem

    with_agenda = set(
        Document.objects.filter(kind__in=Document.AGENDA_KINDS).values_list("meeting_id", flat=True)
    )
    made = AgendaItem.objects.filter(
        meeting_id__in=with_agenda, source__kind__in=["report", "decision", "other"]
    ).select_related("meeting", "meeting__committee", "source")
    return "items made by a report in a meeting with an agenda", [
        f"{i.meeting.committee.name} {i.meeting.date}: {i.title[:60]!r} from "
        f"{i.source.original_filename}"
        for i in made
    ]


CHECKS = [
    committee_names,
    meeting_dates,
    dates_against_file_names,
    empty_meetings,
    item_titles,
    duplicate_numbers,
    items_from_reports,
]


def run_checks() -> list[tuple[str, list[str]]]:
    return [check() for check in CHECKS]
