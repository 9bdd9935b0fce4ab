"""Filters shared by the API's lists: committee, date range and ``updated_since``."""

from __future__ import annotations

import datetime as dt

import django_filters as filters
from django import forms
from django_filters.fields import IsoDateTimeField
from drf_spectacular.utils import extend_schema_field

from documents.models import Document
from meetings.models import AgendaItem, Attendance, Committee, Meeting, Person, Resolution

MAX_ID = 2**63 - 1
SLUG_PATTERN = r"^[-a-zA-Z0-9_]*$"


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(filters.NumberFilter):
    """A record's id: a whole number the database can hold."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=1, max_value=MAX_ID, **kwargs)


@extend_schema_field({"type": "string", "pattern": SLUG_PATTERN})
class SlugFilter(filters.CharFilter):
    """A committee's slug, as in its address (e.g. ``cabinet``)."""

    field_class = forms.SlugField


class UtcDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time in any offset, queried as UTC (PostgreSQL refuses odd offsets)."""

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return None
        try:
            return value.astimezone(dt.UTC)
        except (OverflowError, ValueError) as exc:
            raise forms.ValidationError("Enter a date-time between years 1 and 9999.") from exc


class UpdatedSinceFilter(filters.IsoDateTimeFilter):
    """Records changed at or after this moment (ISO 8601, e.g. 2025-01-31T09:00:00Z)."""

    field_class = UtcDateTimeField

    def __init__(self, field_name="updated", **kwargs):
        super().__init__(field_name=field_name, lookup_expr="gte", **kwargs)


class CommitteeFilter(filters.FilterSet):
    updated_since = UpdatedSinceFilter("updated")

    class Meta:
        model = Committee
        fields = ["is_active"]


class MeetingFilter(filters.FilterSet):
    """Meetings by committee slug, date range (inclusive) and last change."""

    committee = SlugFilter(field_name="committee__slug")
    date_from = filters.DateFilter(field_name="date", lookup_expr="gte")
    date_to = filters.DateFilter(field_name="date", lookup_expr="lte")
    updated_since = UpdatedSinceFilter("updated")

    class Meta:
        model = Meeting
        fields = ["status"]


class AgendaItemFilter(filters.FilterSet):
    meeting = IdFilter(field_name="meeting_id")
    committee = SlugFilter(field_name="meeting__committee__slug")
    date_from = filters.DateFilter(field_name="meeting__date", lookup_expr="gte")
    date_to = filters.DateFilter(field_name="meeting__date", lookup_expr="lte")
    updated_since = UpdatedSinceFilter("meeting__updated")

    class Meta:
        model = AgendaItem
        fields = []


class DocumentFilter(filters.FilterSet):
    meeting = IdFilter(field_name="meeting_id")
    committee = SlugFilter(field_name="meeting__committee__slug")
    date_from = filters.DateFilter(field_name="meeting__date", lookup_expr="gte")
    date_to = filters.DateFilter(field_name="meeting__date", lookup_expr="lte")
    updated_since = UpdatedSinceFilter("updated")

    class Meta:
        model = Document
        fields = ["kind"]


class ResolutionFilter(filters.FilterSet):
    meeting = IdFilter(field_name="item__meeting_id")
    committee = SlugFilter(field_name="item__meeting__committee__slug")
    date_from = filters.DateFilter(field_name="item__meeting__date", lookup_expr="gte")
    date_to = filters.DateFilter(field_name="item__meeting__date", lookup_expr="lte")
    updated_since = UpdatedSinceFilter("item__meeting__updated")

    class Meta:
        model = Resolution
        fields = []


class PersonFilter(filters.FilterSet):
    committee = SlugFilter(method="attended_committee")

    class Meta:
        model = Person
        fields = ["kind"]

    def attended_committee(self, queryset, name, value):
        public = Attendance.objects.public().filter(meeting__committee__slug=value)
        return queryset.filter(attendance__in=public).distinct()
