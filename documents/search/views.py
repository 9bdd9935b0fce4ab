"""The search page: the same search as ``/api/search``, with its filters as a form."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from documents.search.filters import SearchFilter, search_request_from
from documents.search.grouping import group_results
from documents.search.query import NothingToSearch, QueryError
from documents.search.service import search
from documents.search.suggest import near_matches, respelled
from meetings.models import Committee


def _query_without_page(params) -> str:
    return urlencode([(k, v) for k, values in params.lists() for v in values if k != "page"])


@require_safe
def search_page(request):
    params = request.GET
    filterset = SearchFilter(params or None, queryset=Committee.objects.none())
    context = {
        "filter": filterset,
        "q": params.get("q", "").strip(),
        "results": None,
        "filtered": any(value for key, value in params.items() if key not in ("q", "page")),
    }
    if context["q"]:
        try:
            context["results"] = search(search_request_from(params))
        except NothingToSearch as error:
            context["hint"] = str(error)
        except QueryError as error:
            context["error"] = str(error)
        else:
            context["query_string"] = _query_without_page(params)
            context["groups"] = group_results(context["results"].results)
            if not context["results"].results and context["results"].page == 1:
                context["respelled"] = respelled(context["q"])
                context["near_matches"] = near_matches(context["q"])
    status = 400 if context.get("error") else 200
    return render(request, "search/search.html", context, status=status)
