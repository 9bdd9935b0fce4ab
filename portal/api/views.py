"""Read-only API views: each starts from the public queryset of its model."""

from __future__ import annotations

from rest_framework import viewsets

from documents.models import Document
from meetings.models import AgendaItem, Committee, Meeting, Person, Resolution
from portal.api import filters, serializers


class PublicReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """Any one path segment reaches the view, so a bad id or slug gets a JSON 404.

    ``detail_serializer_class``, where set, shows one record more fully than the list does.
    """

    lookup_value_regex = "[^/]+"
    detail_serializer_class = None

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return super().get_serializer_class()


class CommitteeViewSet(PublicReadOnlyViewSet):
    """Committees with at least one published meeting."""

    serializer_class = serializers.CommitteeSerializer
    filterset_class = filters.CommitteeFilter
    lookup_field = "slug"

    def get_queryset(self):
        return Committee.objects.with_public_meetings().order_by("name")


class MeetingViewSet(PublicReadOnlyViewSet):
    """Published meetings, newest first; one meeting has its agenda and public papers."""

    serializer_class = serializers.MeetingSerializer
    detail_serializer_class = serializers.MeetingDetailSerializer
    filterset_class = filters.MeetingFilter

    def get_queryset(self):
        return Meeting.objects.published().select_related("committee").order_by("-date", "-pk")


class AgendaItemViewSet(PublicReadOnlyViewSet):
    """Agenda items of published meetings; exempt ones show their number, title and the
    minute the council printed (see meetings.disclosure)."""

    serializer_class = serializers.AgendaItemSerializer
    filterset_class = filters.AgendaItemFilter

    def get_queryset(self):
        items = (
            serializers.public_items(AgendaItem.objects.reachable())
            .select_related("parent", "meeting__committee")
            .order_by("-meeting__date", "meeting_id", "order", "pk")
        )
        return items.listed() if self.action == "list" else items


class DocumentViewSet(PublicReadOnlyViewSet):
    """Published papers; one paper has its pages' text (withheld pages have none)."""

    serializer_class = serializers.DocumentSerializer
    detail_serializer_class = serializers.DocumentDetailSerializer
    filterset_class = filters.DocumentFilter

    def get_queryset(self):
        return (
            Document.objects.public()
            .select_related("meeting__committee")
            .order_by("-meeting__date", "pk")
        )


class ResolutionViewSet(PublicReadOnlyViewSet):
    """Decisions recorded in published minutes (an exempt item's printed ones included)."""

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

    def get_serializer_class(self):
        if self.action == "retrieve":
            from portal.api.councillors import PersonDetailSerializer

            return PersonDetailSerializer
        return super().get_serializer_class()

    def get_queryset(self):
        return Person.objects.with_public_attendance().order_by("surname", "given", "name", "pk")
