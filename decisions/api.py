"""/api/forward-plan/ and /api/decisions/: the forward plan and the decisions register, with
the export's fields (``decisions.export``) and the public pages' filters."""

from __future__ import annotations

import re

import django_filters as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from decisions import export, register
from decisions.models import CallInStatus, DecisionKind, ForwardPlanEntry
from meetings.models import Committee


class PartSerializer(serializers.Serializer):
    number = serializers.CharField(allow_blank=True)
    text = serializers.CharField()


class CallInSerializer(serializers.Serializer):
    deadline = serializers.DateField(allow_null=True)
    status = serializers.ChoiceField(choices=CallInStatus.values, allow_null=True)


class ForwardPlanEntrySerializer(serializers.Serializer):
    """An entry of the forward plan; an exempt entry shows its subject and paragraph only."""

    id = serializers.IntegerField()
    reference = serializers.CharField(allow_null=True)
    subject = serializers.CharField()
    description = serializers.CharField(allow_null=True)
    decision_maker = serializers.CharField(allow_null=True)
    decision_due = serializers.CharField(
        allow_null=True, help_text="YYYY-MM-DD, or YYYY-MM when only a month is planned"
    )
    key_decision = serializers.BooleanField(allow_null=True)
    exempt = serializers.BooleanField(allow_null=True)
    exempt_paragraph = serializers.IntegerField(allow_null=True)
    portfolio_holder = serializers.CharField(allow_null=True)
    officer_contact = serializers.CharField(allow_null=True)
    published = serializers.DateField(allow_null=True, help_text="The plan's publication date")
    meeting_url = serializers.CharField(allow_null=True)

    def to_representation(self, instance):
        return {"id": instance.pk, **export.plan_entry(instance)}


class DecisionSerializer(serializers.Serializer):
    """A decision of the register: a committee resolution, an executive or an officer
    decision, once, with its numbered parts."""

    reference = serializers.CharField(allow_null=True)
    title = serializers.CharField()
    decision_maker = serializers.CharField(allow_null=True)
    decision_maker_role = serializers.CharField(allow_null=True)
    date = serializers.DateField(allow_null=True)
    kind = serializers.ChoiceField(choices=DecisionKind.values)
    parts = PartSerializer(many=True)
    reasons = serializers.CharField(allow_null=True)
    alternatives = serializers.CharField(allow_null=True)
    key_decision = serializers.BooleanField(allow_null=True)
    forward_plan_reference = serializers.CharField(allow_null=True)
    call_in = CallInSerializer()
    item_url = serializers.CharField(allow_null=True)
    url = serializers.CharField(help_text="The decision's public page")

    def to_representation(self, instance):
        return export.decision_entry(instance)


MONTH_PATTERN = r"^(19|20)\d\d-(0[1-9]|1[0-2])$"


@extend_schema_field({"type": "string", "pattern": MONTH_PATTERN, "example": "2021-09"})
class MonthFilter(filters.CharFilter):
    """A month, YYYY-MM."""


def without_nul(params):
    """The query's values less any NUL, which no stored text holds (PostgreSQL refuses it)."""
    params = params.copy()
    for key, values in params.lists():
        params.setlist(key, [value.replace("\x00", "") for value in values])
    return params


class ForwardPlanFilter(filters.FilterSet):
    month = MonthFilter(method="in_month", label="YYYY-MM")
    decision_maker = filters.CharFilter(method="made_by")
    key_decision = filters.BooleanFilter(method="keyed")

    class Meta:
        model = ForwardPlanEntry
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(without_nul(data) if data is not None else None, *args, **kwargs)

    def in_month(self, queryset, name, value):
        if not re.fullmatch(MONTH_PATTERN, value):
            raise ValidationError({"month": ["Give a month as YYYY-MM."]})
        year, month = (int(x) for x in value.split("-"))
        return queryset.filter(exempt=False, decision_due__year=year, decision_due__month=month)

    # Filters on fields an exempt entry withholds match open entries only.
    def made_by(self, queryset, name, value):
        return queryset.filter(exempt=False, decision_maker__icontains=value)

    def keyed(self, queryset, name, value):
        return queryset.filter(exempt=False, key_decision=value)


class ForwardPlanViewSet(viewsets.ReadOnlyModelViewSet):
    """The forward plan: decisions the executive plans to take, by date due."""

    serializer_class = ForwardPlanEntrySerializer
    filterset_class = ForwardPlanFilter
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        return (
            ForwardPlanEntry.objects.public()
            .select_related("item__meeting__committee")
            .order_by("exempt", "decision_due", "order", "pk")
        )


REGISTER_PARAMETERS = [
    OpenApiParameter("committee", OpenApiTypes.STR, description="a committee's slug"),
    OpenApiParameter("decision_maker", OpenApiTypes.STR),
    OpenApiParameter("kind", OpenApiTypes.STR, enum=DecisionKind.values),
    OpenApiParameter("key_decision", OpenApiTypes.STR, enum=["yes", "no"]),
    OpenApiParameter("status", OpenApiTypes.STR, enum=CallInStatus.values),
    OpenApiParameter("date_from", OpenApiTypes.DATE),
    OpenApiParameter("date_to", OpenApiTypes.DATE),
    OpenApiParameter("q", OpenApiTypes.STR, description="words in the title or the parts"),
]


class DecisionViewSet(viewsets.GenericViewSet):
    """The decisions register, newest first: each decided matter once."""

    serializer_class = DecisionSerializer
    filter_backends: list = []

    def get_queryset(self):
        params = without_nul(self.request.query_params)
        slug = params.pop("committee", [""])[-1]
        form = register.RegisterForm(params)
        if not form.is_valid():
            raise ValidationError(form.errors)
        data = dict(form.cleaned_data)
        if slug:  # a committee with no public meeting has no public decisions
            data["committee"] = Committee.objects.filter(slug=slug).first() or Committee(pk=0)
        return register.register_rows(data)

    @extend_schema(parameters=REGISTER_PARAMETERS)
    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        entries = register.entries_for(page)
        return self.get_paginated_response(self.get_serializer(entries, many=True).data)
