"""API for councillors' records: people with their roles, recorded votes and wards."""

from __future__ import annotations

from django.db.models import Max, Min, Prefetch
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from councillors.models import ItemWard, RecordedVote, VoteCast, Ward
from meetings.models import Attendance, Person
from portal.api.serializers import PersonSerializer, PublicRecordSerializer
from portal.api.views import PublicReadOnlyViewSet

ROLE_NAMES = {
    Attendance.Role.PRESENT: "member",
    Attendance.Role.SUBSTITUTE: "substitute",
    Attendance.Role.OFFICER: "officer",
    Attendance.Role.ATTENDING: "attending",
}


class RoleSerializer(serializers.Serializer):
    committee = serializers.CharField()
    role = serializers.CharField(help_text="chair, member, substitute, officer or attending")
    first = serializers.DateField(help_text="First meeting seen in this role")
    last = serializers.DateField(help_text="Last meeting seen in this role")


def roles_of(person: Person) -> list[dict]:
    """A person's roles over time, per committee, from the public attendance."""
    rows = (
        Attendance.objects.public()
        .filter(person=person)
        .exclude(role=Attendance.Role.APOLOGIES)
        .values("meeting__committee__name", "role", "is_chair")
        .annotate(first=Min("meeting__date"), last=Max("meeting__date"))
        .order_by("meeting__committee__name", "first")
    )
    return [
        {
            "committee": row["meeting__committee__name"],
            "role": "chair" if row["is_chair"] else ROLE_NAMES.get(row["role"], row["role"]),
            "first": row["first"],
            "last": row["last"],
        }
        for row in rows
    ]


class PersonDetailSerializer(PersonSerializer):
    roles = serializers.SerializerMethodField()

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "surname", "party", "ward", "roles"]

    @extend_schema_field(RoleSerializer(many=True))
    def get_roles(self, obj) -> list[dict]:
        return RoleSerializer(roles_of(obj), many=True).data


class CastSerializer(serializers.ModelSerializer):
    person = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = VoteCast
        fields = ["name", "position", "person"]


class RecordedVoteSerializer(serializers.ModelSerializer):
    item = serializers.SerializerMethodField()
    meeting_date = serializers.DateField(source="item.meeting.date")
    committee = serializers.CharField(source="item.meeting.committee.name")
    casts = CastSerializer(many=True)

    class Meta:
        model = RecordedVote
        fields = ["id", "item", "committee", "meeting_date", "question", "result", "casts"]

    def get_item(self, obj) -> str:
        return obj.item.get_absolute_url()


class RecordedVoteViewSet(PublicReadOnlyViewSet):
    """Named votes printed in published public minutes (?person=slug: one person's votes)."""

    serializer_class = RecordedVoteSerializer

    def get_queryset(self):
        votes = (
            RecordedVote.objects.public()
            .select_related("item__meeting__committee")
            .prefetch_related(Prefetch("casts", VoteCast.objects.select_related("person")))
            .order_by("-item__meeting__date", "item__order", "order", "pk")
        )
        person = self.request.query_params.get("person")
        if person:
            votes = votes.filter(casts__person__slug=person).distinct()
        return votes


class WardSerializer(PublicRecordSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:ward-detail", lookup_field="slug")
    items = serializers.SerializerMethodField()

    class Meta:
        model = Ward
        fields = ["url", "site_url", "slug", "name", "is_all", "items"]

    def get_items(self, obj) -> list[str]:
        links = (
            ItemWard.objects.public().filter(ward=obj).select_related("item__meeting__committee")
        )
        return [link.item.get_absolute_url() for link in links.order_by("-item__meeting__date")]


class WardViewSet(PublicReadOnlyViewSet):
    """Wards that public report front sheets name, with the items that affect them."""

    serializer_class = WardSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return Ward.objects.with_public_papers().order_by("-is_all", "name")
