"""QuerySet methods for the domain's filters, so views and feeds say what they mean."""

from __future__ import annotations

import re

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from meetings import disclosure

# Titles every meeting has: the same words at two meetings are not the same matter.
_STANDARD_TITLE = re.compile(
    r"^\W*(apolog|declaration|minutes|public (participation|questions)|matters arising|"
    r"chair(man)?.?s? announcements|code of conduct|exempt business|urgent|any other business|"
    r"aob|(date of )?next meeting|questions)",
    re.I,
)
# A decision's reference, e.g. "24/00093" (Kent) - the surest sign a matter came back.
_DECISION_REFERENCE = re.compile(r"\b\d{2}/\d{5}\b")


class CommitteeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def with_public_meetings(self):
        return self.filter(disclosure.public_meeting("meetings__")).distinct()

    def with_listed_meetings(self):
        """Committees with a public meeting held as such (not only records of decision)."""
        return self.filter(disclosure.listed_meeting("meetings__")).distinct()


class MeetingQuerySet(models.QuerySet):
    def published(self):
        """Meetings the public may see (staff publish a meeting with its papers)."""
        return self.filter(disclosure.public_meeting())

    def public(self):
        return self.published()

    def listed(self):
        """Published meetings that were meetings: what the meeting lists, calendars, feeds
        and committee pages show (a record of decision's container is left out)."""
        return self.filter(disclosure.listed_meeting())

    def upcoming(self, today=None):
        today = today or timezone.localdate()
        return (
            self.filter(date__gte=today)
            .exclude(status=self.model.Status.CANCELLED)
            .order_by("date", "start_time")
        )

    def in_month(self, year: int, month: int):
        return self.filter(date__year=year, date__month=month).order_by("date", "start_time")

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(date__lt=today).order_by("-date", "-start_time")


class AgendaItemQuerySet(models.QuerySet):
    def published(self):
        """Items a public agenda lists (exempt ones by their title), from published papers."""
        return self.filter(disclosure.listed_item())

    def public(self):
        """Items a resident may read in full: listed and not exempt.

        Exempt items still appear on a public agenda by title; use ``published()`` for that.
        """
        return self.filter(disclosure.open_item())

    def with_public_minute(self):
        """Listed items whose minute (text, number, reasons) the public may read."""
        return self.filter(disclosure.public_minute())

    def reachable(self):
        """Items with a public address (a part of exempt business shows its exempt item)."""
        return self.filter(disclosure.reachable_item())

    def with_disclosure(self):
        """Annotate ``minute_is_public`` and ``is_open`` (report and papers public)."""
        from meetings.models import AgendaItem

        same = AgendaItem.objects.filter(pk=OuterRef("pk"))
        return self.annotate(
            minute_is_public=Exists(same.filter(disclosure.public_minute())),
            is_open=Exists(same.filter(disclosure.open_item())),
        )

    def exempt(self):
        return self.filter(disclosure.withheld_item())

    def listed(self):
        """Items as an agenda lists them: an exempt item's parts are its withheld business,
        listed only as the exempt item itself."""
        return self.exclude(disclosure.part_of_exempt())

    def same_matter_as(self, item):
        """Published top-level items at other meetings about the same matter, oldest first.

        The same matter: the same decision reference in the title, or the same title when it
        is not one every meeting has (apologies, minutes, ...).
        """
        same = Q(pk=None)  # matches nothing: a query all the same, so every page costs the same
        for reference in set(_DECISION_REFERENCE.findall(item.title)):
            same |= Q(title__contains=reference)
        title = item.title.strip()
        if len(title) > 6 and not _STANDARD_TITLE.match(title):
            same |= Q(title__iexact=title)
        return (
            self.published()
            .filter(same, parent__isnull=True)
            .exclude(meeting_id=item.meeting_id)
            .order_by("meeting__date", "order")
        )


class ResolutionQuerySet(models.QuerySet):
    def public(self):
        return self.filter(disclosure.public_resolution())

    def newest_first(self):
        return self.order_by("-item__meeting__date", "item__meeting_id", "item__order", "order")


class ReportQuerySet(models.QuerySet):
    def public(self):
        return self.filter(disclosure.public_report())


class AttendanceQuerySet(models.QuerySet):
    def public(self):
        return self.filter(disclosure.public_attendance())


class DeclarationQuerySet(models.QuerySet):
    def public(self):
        return self.filter(disclosure.public_declaration())


class PersonQuerySet(models.QuerySet):
    def for_printed_name(self, name: str | None, kind: str, council: str = ""):
        """The person a paper names ("Cllr R W Gough (Leader)"), created on first mention.

        Matched by the rule of ``meetings.person_matching``; None when the text holds no name.
        """
        from meetings.people_index import PeopleIndex

        index = PeopleIndex(council)
        person = index.find(name, kind)
        index.save()
        return person

    def named(self, words: str):
        """People whose name holds every word given ("gough", "roger gough", "R Gough")."""
        from meetings.person_matching import parse_name

        query = self
        parts = parse_name(words)
        if parts is None:
            return self.none()
        query = query.filter(Q(surname__istartswith=parts.surname) | Q(name__icontains=words))
        for given in parts.given:
            query = query.filter(given__icontains=given[:1]) if len(given) == 1 else query
        return query

    def councillors(self):
        return self.filter(kind=self.model.Kind.COUNCILLOR)

    def officers(self):
        return self.filter(kind=self.model.Kind.OFFICER)

    def with_public_attendance(self):
        from meetings.models import Attendance

        public = Attendance.objects.filter(disclosure.public_attendance())
        return self.filter(Exists(public.filter(person=OuterRef("pk"))))
