"""The decisions register: every public resolution, newest first, filterable."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_safe

from meetings.filters import DecisionFilter
from meetings.models import Resolution
from meetings.views.paging import paginate


@require_safe
def decision_list(request):
    resolutions = (
        Resolution.objects.public().newest_first().select_related("item__meeting__committee")
    )
    filtered = DecisionFilter(request.GET or None, queryset=resolutions, request=request)
    return render(
        request,
        "meetings/decision_list.html",
        {"filter": filtered, "page": paginate(request, filtered.qs, 25)},
    )
