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
from portal.models import AuditEntry, IngestJob
from portal.security import framed_by_portal
from portal.staff import audit
from portal.staff.forms import MeetingChoiceForm, PaperFormSet
from portal.staff.input import check_rows, query_choice, query_id, query_page, query_text
from portal.staff.jobs import queue_job
from portal.staff.permissions import UPLOAD, VIEW_AUDIT, VIEW_JOBS, VIEW_PAPERS, staff_required
from portal.staff.uploads import display_name, keep_upload


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
            meeting = meeting or _chosen_meeting(choice)
            jobs = [
                _queue_upload(request.user, form.cleaned_data, meeting, choice)
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


def _chosen_meeting(choice: MeetingChoiceForm) -> Meeting | None:
    """The existing meeting the clerk chose. A new committee or meeting is made only when a
    paper for it has been read, so a refused file leaves nothing behind."""
    name, date = choice.committee_name(), choice.cleaned_data.get("date")
    if not (name and date):
        return None
    return (
        Meeting.objects.filter(committee__name__iexact=name, date=date)
        .order_by("start_time")
        .first()
    )


def _queue_upload(user, data, meeting, choice, replaces=None) -> IngestJob:
    uploaded = data["file"]
    job = IngestJob.objects.create(
        created_by=user,
        meeting=meeting,
        committee_name=meeting.committee.name if meeting else choice.committee_name(),
        date=meeting.date if meeting else choice.cleaned_data.get("date"),
        kind=replaces.kind if replaces else data.get("kind", ""),
        original_filename=display_name(uploaded),
        upload_path=str(keep_upload(uploaded)),
        size=uploaded.size,
        publish=bool(data.get("publish") if choice is None else choice.cleaned_data["publish"]),
        replaces=replaces,
    )
    audit.record(
        user,
        audit.Action.UPLOADED,
        job.original_filename,
        meeting=meeting,
        detail=f"{job.size:,} bytes" + (f", replacing {replaces}" if replaces else ""),
    )
    queue_job(job)
    return job


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
