"""``GET /api/search``: ranked public matches as JSON (shared/contracts/search-api.md)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from documents.search.backends import KINDS
from documents.search.filters import search_request_from
from documents.search.query import MAX_QUERY_LENGTH, NothingToSearch, QueryError
from documents.search.service import MAX_PAGE_SIZE, SearchResults, search


class _MeetingRef(serializers.Serializer):
    committee = serializers.CharField()
    date = serializers.DateField()
    url = serializers.CharField()


class _ItemRef(serializers.Serializer):
    number = serializers.CharField(allow_null=True)
    minute_number = serializers.CharField(allow_null=True)
    title = serializers.CharField()
    url = serializers.CharField()


class _DocumentRef(serializers.Serializer):
    title = serializers.CharField()
    kind = serializers.CharField()
    url = serializers.CharField()
    page = serializers.IntegerField()


class SearchResultSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=KINDS)
    title = serializers.CharField()
    url = serializers.CharField(help_text="The exact place: the item, or the page's anchor.")
    meeting = _MeetingRef()
    item = _ItemRef(allow_null=True)
    document = _DocumentRef(allow_null=True)
    snippet = serializers.CharField(
        help_text="HTML-escaped text with the matched words in <mark> tags."
    )
    score = serializers.FloatField()


class PersonResultSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["person"])
    title = serializers.CharField(help_text="The person's name.")
    url = serializers.CharField(help_text="The person's page.")
    summary = serializers.CharField(help_text="Councillor or officer, party, ward, role.")


class SearchResponseSerializer(serializers.Serializer):
    query = serializers.CharField()
    count = serializers.IntegerField(help_text="Matches (estimated for very common words).")
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    results = SearchResultSerializer(many=True)
    people = PersonResultSerializer(
        many=True,
        help_text="People the words name (first page only), to show before the results; "
        "not counted in count.",
    )


class SearchErrorSerializer(serializers.Serializer):
    error = serializers.CharField()


PARAMETERS = [
    OpenApiParameter(
        "q",
        {"type": "string", "maxLength": MAX_QUERY_LENGTH},
        required=True,
        description='Words; "exact phrase", -excluded, or. English stemming.',
    ),
    OpenApiParameter("committee", str, many=True, description="Committee slug (repeatable)."),
    OpenApiParameter("from", OpenApiTypes.DATE, description="Meetings on or after (YYYY-MM-DD)."),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Meetings on or before (YYYY-MM-DD)."),
    OpenApiParameter("type", str, many=True, enum=list(KINDS), description="Result types."),
    OpenApiParameter(
        "page", {"type": "integer", "minimum": 1}, description="Page of results, from 1."
    ),
    OpenApiParameter(
        "page_size",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
        description=f"Results per page, 1 to {MAX_PAGE_SIZE} (default 20).",
    ),
]


class SearchView(APIView):
    """Full-text search of published agenda items, pages of papers and resolutions."""

    @extend_schema(
        operation_id="search",
        parameters=PARAMETERS,
        responses={200: SearchResponseSerializer, 400: SearchErrorSerializer},
    )
    def get(self, request):
        if "q" not in request.query_params:
            return Response({"error": "q: give the words to search for"}, status=400)
        try:
            search_request = search_request_from(request.query_params)
            results = search(search_request)
        except NothingToSearch:  # e.g. only common words: a valid search that finds nothing
            results = SearchResults(
                search_request.q, 0, True, search_request.page, search_request.page_size
            )
        except QueryError as error:
            return Response({"error": str(error)}, status=400)
        return Response(results.as_dict())
