"""Pagination shared by the public lists: keeps the other query parameters in page links."""

from __future__ import annotations

from django.core.paginator import Page, Paginator


def paginate(request, queryset, per_page: int = 50) -> Page:
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    page.query = query.urlencode()
    return page
