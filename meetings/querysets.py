"""QuerySet methods for the domain's filters, so views and feeds say what they mean."""

from __future__ import annotations

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone


class CommitteeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def with_public_meetings(self):
        return self.filter(meetings__is_published=True).distinct()


class MeetingQuerySet(models.QuerySet):
    def published(self):
        """Meetings the public may see (staff publish a meeting with its papers)."""
        return self.filter(is_published=True)

    def public(self):
        return self.published()

    def upcoming(self, today=None):
        today = today or timezone.localdate()
        return (
            self.filter(date__gte=today).exclude(status="cancelled").order_by("date", "start_time")
        )

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(date__lt=today).order_by("-date", "-start_time")


class AgendaItemQuerySet(models.QuerySet):
    def published(self):
        return self.filter(meeting__is_published=True)

    def public(self):
        """Items a resident may read in full: published and not exempt (nor under an exempt item).

        Exempt items still appear on a public agenda by title; use ``published()`` for that.
        """
        return self.published().filter(exempt=False).exclude(parent__exempt=True)

    def exempt(self):
        return self.filter(Q(exempt=True) | Q(parent__exempt=True))


class ResolutionQuerySet(models.QuerySet):
    def public(self):
        return self.filter(item__meeting__is_published=True, item__exempt=False).exclude(
            item__parent__exempt=True
        )


class PersonQuerySet(models.QuerySet):
    def councillors(self):
        return self.filter(kind="councillor")

    def officers(self):
        return self.filter(kind="officer")

    def with_public_attendance(self):
        from meetings.models import Attendance

        return self.filter(
            Exists(Attendance.objects.filter(person=OuterRef("pk"), meeting__is_published=True))
        )
