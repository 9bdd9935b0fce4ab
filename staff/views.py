"""Staff pages: the dashboard, uploads and their progress, the audit log."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from documents.models import Document
from meetings.models import Meeting
from portal.security import framed_by_portal
from staff.forms import MeetingChoiceForm, PaperFormSet
from staff.input import check_rows, query_choice, query_id, query_page, query_text
from staff.models import AuditEntry, IngestJob
from staff.permissions import UPLOAD, VIEW_AUDIT, VIEW_JOBS, VIEW_PAPERS, staff_required
from staff.uploads import queue_upload


@require_safe
@staff_required(VIEW_PAPERS)
def dashboard(request):
    today = timezone.localdate()
    meetings = Meeting.objects.select_related("committee")
    query = query_text(request, "q")
    if query:
        meetings = meetings.filter(committee__name__icontains=query)
    context = {
        "query": query,
        "upcoming": meetings.filter(date__gte=today).order_by("date", "start_time")[:30],
        "recent": meetings.filter(date__lt=today).order_by("-date")[:30],
        "jobs": IngestJob.objects.select_related("meeting__committee")[:10],
    }
    return render(request, "staff/dashboard.html", context)


@never_cache
@staff_required(UPLOAD)
def upload(request, meeting_pk=None):
    meeting = get_object_or_404(Meeting, pk=meeting_pk) if meeting_pk else None
    choice = MeetingChoiceForm(request.POST or None, prefix="meeting")
    papers = PaperFormSet(request.POST or None, request.FILES or None, prefix="papers")
    check_rows(papers)
    if request.method == "POST" and papers.is_valid() and choice.is_valid():
        with transaction.atomic():
            meeting = meeting or choice.chosen_meeting()
            jobs = [
                queue_upload(
                    request.user,
                    form.cleaned_data["file"],
                    meeting=meeting,
                    committee_name=choice.committee_name(),
                    date=choice.cleaned_data.get("date"),
                    kind=form.cleaned_data.get("kind", ""),
                    publish=choice.cleaned_data["publish"],
                )
                for form in papers
                if form.cleaned_data.get("file")
            ]
        messages.success(request, f"{len(jobs)} paper(s) uploaded: they are being read now.")
        if meeting is not None:
            return redirect("staff:meeting", pk=meeting.pk)
        return redirect("staff:jobs")
    context = {
        "meeting": meeting,
        "choice": choice,
        "papers": papers,
        "max_mb": settings.INGEST_MAX_BYTES // (1024 * 1024),
    }
    return render(request, "staff/upload.html", context)


@never_cache
@require_safe
@staff_required(VIEW_JOBS)
def jobs(request):
    page = Paginator(
        IngestJob.objects.select_related("meeting__committee", "document", "created_by"), 50
    ).get_page(query_page(request))
    waiting = any(not job.is_finished for job in page)
    return render(request, "staff/jobs.html", {"page": page, "waiting": waiting})


@require_safe
@staff_required(VIEW_AUDIT)
def audit_log(request):
    entries = AuditEntry.objects.select_related("meeting__committee")
    meeting = query_id(request, "meeting", "meeting")
    if meeting is not None:
        entries = entries.filter(meeting_id=meeting)
    action = query_choice(request, "action", AuditEntry.Action.values)
    if action:
        entries = entries.filter(action=action)
    page = Paginator(entries, 100).get_page(query_page(request))
    return render(request, "staff/audit.html", {"page": page, "actions": AuditEntry.Action.choices})


@require_safe
@framed_by_portal
@staff_required(VIEW_PAPERS)
def document_pdf(request, pk):
    """The original PDF, withheld pages and all: for staff only, never cached."""
    document = get_object_or_404(Document, pk=pk)
    response = FileResponse(
        document.file.open("rb"),
        content_type="application/pdf",
        filename=f"{document.meeting.committee.slug}-{document.meeting.date}-{document.kind}"
        f"-v{document.version}.pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response
