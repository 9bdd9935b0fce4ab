"""Filters for the public meeting lists and the decisions register (django-filter)."""

from __future__ import annotations

import django_filters

from meetings.models import Committee, Meeting
from portal.widgets import DayMonthYear


def _public_committees(request):
    return Committee.objects.with_listed_meetings().order_by("name")


_DATE_ERRORS = {"invalid": "Enter a real date, for example 4 10 2017."}


class _CommitteeAndDates(django_filters.FilterSet):
    """A committee chosen by its slug and a date range (both ends optional)."""

    committee = django_filters.ModelChoiceFilter(
        queryset=_public_committees,
        to_field_name="slug",
        empty_label="All committees",
        label="Committee",
    )
    date_from = django_filters.DateFilter(
        field_name="date",
        lookup_expr="gte",
        label="From",
        widget=DayMonthYear,
        error_messages=_DATE_ERRORS,
    )
    date_to = django_filters.DateFilter(
        field_name="date",
        lookup_expr="lte",
        label="To",
        widget=DayMonthYear,
        error_messages=_DATE_ERRORS,
    )


class MeetingFilter(_CommitteeAndDates):
    class Meta:
        model = Meeting
        fields = ["committee", "date_from", "date_to"]
