"""RSS and Atom for any saved search: ``/feeds/search.rss?q=...`` takes every ``/search/``
parameter and lists the best public matches, newest meeting first."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from alerts.targets import describe_search, saved_query
from documents.search.filters import search_request_from
from documents.search.query import QueryError
from documents.search.service import search

FEED_LENGTH = 50


class SavedSearchFeed(Feed):
    def get_object(self, request):
        params = request.GET.copy()
        params["page"], params["page_size"] = "1", str(FEED_LENGTH)
        try:
            results = search(search_request_from(params))
        except QueryError:
            raise Http404("that search cannot be run") from None
        return {
            "label": describe_search(request.GET),
            "query": saved_query(request.GET),
            "results": results.results,
        }

    def title(self, obj):
        return f"{settings.PORTAL_ORGANISATION}: {obj['label']}"

    def link(self, obj):
        return f"/search/?{obj['query']}"

    def description(self, obj):
        return escape(self.title(obj))

    def items(self, obj):
        return sorted(
            obj["results"], key=lambda r: (r["meeting"]["date"], r["score"]), reverse=True
        )

    def item_title(self, result):
        return f"{result['title']} ({result['meeting']['committee']}, {result['meeting']['date']})"

    def item_description(self, result):
        return result["snippet"]  # escaped text with <mark> tags, as on the search page

    def item_link(self, result):
        return result["url"]

    def item_pubdate(self, result):
        day = dt.date.fromisoformat(result["meeting"]["date"])
        return timezone.make_aware(dt.datetime.combine(day, dt.time()))


class AtomSavedSearchFeed(SavedSearchFeed):
    feed_type = Atom1Feed
