"""Public pages: the decisions register, a decision, and the forward plan. Thin: what is
public is asked of the querysets (``public()``), which ask ``meetings.disclosure``."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from decisions import forward_plan, register
from documents.models import Document
from meetings.views.paging import paginate


@require_safe
def decision_list(request):
    form = register.RegisterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    page = paginate(request, register.register_rows(data), 25)
    page.entries = register.entries_for(page.object_list)
    return render(request, "decisions/decision_list.html", {"filter": {"form": form}, "page": page})


@require_safe
def decision_detail(request, pk: int):
    decision = get_object_or_404(
        register.public_decisions().select_related(
            "item__meeting__committee", "meeting__committee", "status_minute__meeting__committee"
        ),
        pk=pk,
    )
    entry = register.decision_entry(decision)
    status_minute = decision.status_minute
    if (
        status_minute
        and not status_minute.__class__.objects.published().filter(pk=status_minute.pk).exists()
    ):
        status_minute = None
    # The paper it was read from, to open as a PDF or read on the site.
    record = Document.objects.public().filter(pk=decision.source_id).first()
    return render(
        request,
        "decisions/decision_detail.html",
        {"decision": decision, "entry": entry, "status_minute": status_minute, "record": record},
    )


@require_safe
def forward_plan_list(request):
    form = forward_plan.PlanForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    entries = forward_plan.filtered(data)
    page = paginate(request, entries, 50)
    page.faces = forward_plan.faces(page.object_list)
    return render(request, "decisions/forward_plan.html", {"filter": {"form": form}, "page": page})
