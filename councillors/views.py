"""Ward pages: the papers and decisions that affect a ward, as report front sheets name it."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from councillors.models import ItemWard, Ward
from meetings.models import Resolution
from meetings.views.paging import paginate


@require_safe
def ward_list(request):
    wards = Ward.objects.with_public_papers().annotate(
        papers=Count("items", filter=Q(items__in=ItemWard.objects.public()), distinct=True)
    )
    return render(request, "councillors/ward_list.html", {"wards": wards})


@require_safe
def ward_detail(request, slug):
    ward = get_object_or_404(Ward.objects.with_public_papers(), slug=slug)
    links = (
        ItemWard.objects.public()
        .filter(ward=ward)
        .select_related("item__meeting__committee")
        .prefetch_related(
            Prefetch(
                "item__resolutions",
                queryset=Resolution.objects.public().order_by("order"),
                to_attr="public_resolutions",
            )
        )
        .order_by("-item__meeting__date", "item__meeting_id", "item__order")
    )
    all_wards = None if ward.is_all else Ward.objects.with_public_papers().filter(is_all=True)
    return render(
        request,
        "councillors/ward_detail.html",
        {"ward": ward, "page": paginate(request, links), "all_wards": all_wards},
    )
