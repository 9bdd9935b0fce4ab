"""``GET /api/``: every endpoint of the open-data API, a line each.

JSON keeps REST framework's shape (a name and its URL, so clients that read the router's
root still work) and adds the search (with an example query, as ``q`` is required), the
schema, the docs and the bulk export. A browser gets a page of the site listing the same
endpoints with what each one gives: the first line of its view's description, so an
endpoint registered later is listed with no change here.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.renderers import JSONRenderer, TemplateHTMLRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

# Beside the router's endpoints: name, URL name, query, what it gives.
EXTRAS = [
    ("search", "api-search", "?q=council", "Full-text search of items, pages and decisions."),
    ("schema", "api:schema", "", "The OpenAPI 3 schema (YAML; ?format=json for JSON)."),
    ("docs", "api:docs", "", "Browsable documentation of every endpoint, to try them out."),
    ("export", "export-download", "", "Everything public in one JSON file (open-data export)."),
]


def endpoints(router, request=None) -> list[tuple[str, str, str]]:
    """(name, URL, what it gives) for every endpoint: the router's, then the extras."""
    rows = []
    for prefix, viewset, basename in router.registry:
        text = (viewset.__doc__ or "").strip().splitlines()
        url = reverse(f"api:{basename}-list", request=request)
        rows.append((prefix, url, text[0] if text else ""))
    for name, url_name, query, text in EXTRAS:
        rows.append((name, reverse(url_name, request=request) + query, text))
    return rows


class ApiRootView(APIView):
    """Every endpoint of the open-data API."""

    renderer_classes = [JSONRenderer, TemplateHTMLRenderer]
    template_name = "api/root.html"
    router = None  # given by portal.api.urls

    @extend_schema(exclude=True)  # an index of the schema's own paths, not a resource
    def get(self, request, format=None):  # noqa: A002 - REST framework's name
        rows = endpoints(self.router, request)
        if request.accepted_renderer.format == "html":
            return Response({"endpoints": rows})
        return Response({name: url for name, url, _ in rows})
