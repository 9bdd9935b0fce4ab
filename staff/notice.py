"""Clear working days' notice of a meeting (weekends and England and Wales bank holidays out)."""

from __future__ import annotations

import datetime as dt
from functools import cache

import holidays
from django.conf import settings
from django.utils import timezone

from documents.models import Document


@cache
def _bank_holidays(year: int):
    # England and Wales share their bank holidays; subdivision "ENG" carries them.
    return holidays.country_holidays("GB", subdiv="ENG", years=year)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def clear_working_days(published: dt.date, meeting: dt.date) -> int:
    """Working days strictly between publication and the meeting (neither day counts)."""
    day, count = published + dt.timedelta(days=1), 0
    while day < meeting:
        count += is_working_day(day)
        day += dt.timedelta(days=1)
    return count


def short_notice_warning(meeting, kinds, today: dt.date | None = None) -> str:
    """A warning if publishing an agenda of ``kinds`` today gives too little notice, else ""."""
    today = today or timezone.localdate()
    required = settings.AGENDA_NOTICE_CLEAR_WORKING_DAYS
    if not Document.AGENDA_KINDS & set(kinds) or meeting.date < today:
        return ""
    days = clear_working_days(today, meeting.date)
    if days >= required:
        return ""
    return (
        f"Published with {days} clear working day{'s' if days != 1 else ''} before the meeting "
        f"on {meeting.date:%-d %B %Y}, fewer than the {required} required. Record why the "
        "meeting is being held at short notice."
    )
