"""What the API shows of each record: public content only.

What is public is decided in ``meetings.disclosure``. An exempt item is shown as a public
agenda shows it (its number, title, ``exempt: true`` and Schedule 12A paragraph) with the
minute the council printed, unless a clerk withheld that minute; a part of exempt business
shows only the exempt item's face. A minute read from a paper not yet published is left out.
"""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from documents.models import Document, Page
from meetings import disclosure
from meetings.models import AgendaItem, Committee, Meeting, Person, Resolution

WITHHELD_ITEM_FIELDS = ("number", "title", "exempt", "exempt_paragraph")


class SiteUrlField(serializers.SerializerMethodField):
    """The absolute address of the record's public page."""

    def __init__(self, **kwargs):
        super().__init__(method_name="get_site_url", **kwargs)


@extend_schema_field(
    {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$", "nullable": True, "example": "10:00"}
)
class HourMinuteField(serializers.TimeField):
    """A local time of day as HH:MM (Europe/London), like the bulk export."""

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", read_only=True, allow_null=True, **kwargs)


class PublicRecordSerializer(serializers.ModelSerializer):
    site_url = SiteUrlField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_site_url(self, obj) -> str:
        request = self.context.get("request")
        path = obj.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class CommitteeSerializer(PublicRecordSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:committee-detail", lookup_field="slug"
    )

    class Meta:
        model = Committee
        fields = ["url", "site_url", "slug", "name", "purpose", "is_active", "updated"]


class MeetingSerializer(PublicRecordSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:meeting-detail")
    committee = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    committee_name = serializers.CharField(source="committee.name", read_only=True)
    calendar_url = serializers.SerializerMethodField()
    start_time = HourMinuteField()
    end_time = HourMinuteField()

    class Meta:
        model = Meeting
        fields = [
            "url",
            "id",
            "site_url",
            "calendar_url",
            "committee",
            "committee_name",
            "organisation",
            "date",
            "start_time",
            "end_time",
            "venue",
            "status",
            "webcast_url",
            "updated",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_calendar_url(self, obj) -> str:
        from django.urls import reverse

        path = reverse("meeting-ical", kwargs={"pk": obj.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class ResolutionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Resolution
        fields = ["number", "text"]


class AgendaItemSerializer(PublicRecordSerializer):
    """An agenda item; withheld items keep only ``WITHHELD_ITEM_FIELDS`` (see the schema hook)."""

    url = serializers.HyperlinkedIdentityField(view_name="api:agendaitem-detail")
    meeting = serializers.HyperlinkedRelatedField(view_name="api:meeting-detail", read_only=True)
    exempt = serializers.SerializerMethodField()
    parent = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    resolutions = serializers.SerializerMethodField()

    class Meta:
        model = AgendaItem
        fields = [
            "url",
            "id",
            "site_url",
            "meeting",
            "parent",
            "number",
            "minute_number",
            "title",
            "exempt",
            "exempt_paragraph",
            "narrative",
            "reasons",
            "resolutions",
        ]

    def get_exempt(self, obj) -> bool:
        return obj.is_withheld

    @extend_schema_field(ResolutionSerializer(many=True))
    def get_resolutions(self, obj):
        resolutions = getattr(obj, "public_resolutions", None)
        if resolutions is None:
            resolutions = Resolution.objects.public().filter(item=obj).order_by("order")
        return ResolutionSerializer(resolutions, many=True, context=self.context).data

    def to_representation(self, instance):
        minute_is_public = getattr(instance, "minute_is_public", None)
        if minute_is_public is None:
            public = AgendaItem.objects.with_public_minute()
            minute_is_public = public.filter(pk=instance.pk).exists()
        shown = disclosure.shown_as(instance)
        if shown is not instance or (instance.exempt and not minute_is_public):
            # Under exempt business even a part's title is withheld: show the exempt item's.
            return {
                "number": shown.number or (shown.minute_number if minute_is_public else "") or "",
                "title": shown.title,
                "exempt": True,
                "exempt_paragraph": shown.exempt_paragraph,
            }
        data = super().to_representation(instance)
        if not minute_is_public:
            data.update(minute_number="", narrative="", reasons="", resolutions=[])
        return data


def public_items(items):
    """Items with what the serializer needs to show only their public parts."""
    return items.with_disclosure().prefetch_related(
        Prefetch(
            "resolutions",
            queryset=Resolution.objects.public().order_by("order"),
            to_attr="public_resolutions",
        )
    )


class DocumentSerializer(PublicRecordSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:document-detail")
    meeting = serializers.HyperlinkedRelatedField(view_name="api:meeting-detail", read_only=True)
    pdf_url = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "url",
            "id",
            "site_url",
            "pdf_url",
            "meeting",
            "kind",
            "title",
            "page_count",
            "sha256",
            "size",
            "has_text_layer",
            "version",
            "published_at",
            "updated",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_pdf_url(self, obj) -> str:
        request = self.context.get("request")
        path = obj.get_pdf_url()
        return request.build_absolute_uri(path) if request else path


class PageSerializer(serializers.ModelSerializer):
    """A page's text, or ``withheld: true`` and no text when it holds exempt content."""

    withheld = serializers.BooleanField(read_only=True)
    text = serializers.SerializerMethodField()

    class Meta:
        model = Page
        fields = ["number", "withheld", "text"]

    def get_text(self, obj) -> str | None:
        return None if obj.withheld else obj.text


class DocumentDetailSerializer(DocumentSerializer):
    pages = serializers.SerializerMethodField()

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "pages"]

    @extend_schema_field(PageSerializer(many=True))
    def get_pages(self, obj):
        pages = Page.objects.filter(document=obj).annotate_withheld().order_by("number")
        return PageSerializer(pages, many=True, context=self.context).data


class PublicResolutionSerializer(serializers.ModelSerializer):
    item = serializers.HyperlinkedRelatedField(view_name="api:agendaitem-detail", read_only=True)
    item_title = serializers.CharField(source="item.title", read_only=True)
    meeting = serializers.HyperlinkedRelatedField(
        source="item.meeting", view_name="api:meeting-detail", read_only=True
    )
    committee = serializers.CharField(source="item.meeting.committee.slug", read_only=True)
    date = serializers.DateField(source="item.meeting.date", read_only=True)

    class Meta:
        model = Resolution
        fields = ["id", "number", "text", "item", "item_title", "meeting", "committee", "date"]


class PersonSerializer(PublicRecordSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:person-detail", lookup_field="slug")

    class Meta:
        model = Person
        fields = ["url", "site_url", "slug", "name", "kind", "role"]


class MeetingDetailSerializer(MeetingSerializer):
    items = serializers.SerializerMethodField()
    documents = serializers.SerializerMethodField()

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "items", "documents"]

    @extend_schema_field(AgendaItemSerializer(many=True))
    def get_items(self, obj):
        items = public_items(AgendaItem.objects.published().filter(meeting=obj))
        return AgendaItemSerializer(
            items.order_by("order", "pk"), many=True, context=self.context
        ).data

    @extend_schema_field(DocumentSerializer(many=True))
    def get_documents(self, obj):
        documents = obj.documents.public().order_by("kind", "pk")
        return DocumentSerializer(documents, many=True, context=self.context).data
