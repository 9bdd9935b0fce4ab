"""Read-only API views: each starts from the public queryset of its model."""

from __future__ import annotations

from rest_framework import viewsets

from documents.models import Document
from meetings.models import AgendaItem, Committee, Meeting, Person, Resolution
from portal.api import filters, serializers


class PublicReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """Any one path segment reaches the view, so a bad id or slug gets a JSON 404."""

    lookup_value_regex = "[^/]+"


class CommitteeViewSet(PublicReadOnlyViewSet):
    """Committees with at least one published meeting."""

    serializer_class = serializers.CommitteeSerializer
    filterset_class = filters.CommitteeFilter
    lookup_field = "slug"

    def get_queryset(self):
        return Committee.objects.with_public_meetings().order_by("name")


class MeetingViewSet(PublicReadOnlyViewSet):
    """Published meetings, newest first; one meeting has its agenda and public papers."""

    filterset_class = filters.MeetingFilter

    def get_queryset(self):
        return Meeting.objects.published().select_related("committee").order_by("-date", "-pk")

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.MeetingDetailSerializer
        return serializers.MeetingSerializer


class AgendaItemViewSet(PublicReadOnlyViewSet):
    """Agenda items of published meetings; exempt ones show only number and title."""

    serializer_class = serializers.AgendaItemSerializer
    filterset_class = filters.AgendaItemFilter

    def get_queryset(self):
        items = (
            AgendaItem.objects.published()
            .select_related("parent", "meeting__committee")
            .prefetch_related("resolutions")
            .order_by("-meeting__date", "meeting_id", "order", "pk")
        )
        if self.action == "list":
            # The parts of an exempt item are its withheld business: listed once, as the item.
            items = items.exclude(parent__exempt=True)
        return items


class DocumentViewSet(PublicReadOnlyViewSet):
    """Published papers; one paper has its pages' text (withheld pages have none)."""

    filterset_class = filters.DocumentFilter

    def get_queryset(self):
        return (
            Document.objects.public()
            .select_related("meeting__committee")
            .order_by("-meeting__date", "pk")
        )

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.DocumentDetailSerializer
        return serializers.DocumentSerializer


class ResolutionViewSet(PublicReadOnlyViewSet):
    """Decisions recorded in published minutes, exempt items left out."""

    serializer_class = serializers.PublicResolutionSerializer
    filterset_class = filters.ResolutionFilter

    def get_queryset(self):
        return (
            Resolution.objects.public()
            .select_related("item__meeting__committee")
            .order_by("-item__meeting__date", "item__meeting_id", "item__order", "order", "pk")
        )


class PersonViewSet(PublicReadOnlyViewSet):
    """Councillors and officers recorded at published meetings."""

    serializer_class = serializers.PersonSerializer
    filterset_class = filters.PersonFilter
    lookup_field = "slug"

    def get_queryset(self):
        return Person.objects.with_public_attendance().order_by("name")
