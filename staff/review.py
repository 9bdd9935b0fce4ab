"""The review screens: check what was read from a meeting's papers, correct it, publish it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from documents.models import Document, Page
from meetings.models import AgendaItem, Meeting, Report
from staff import corrections, publishing
from staff.forms import (
    AttendanceFormSet,
    ItemForm,
    ItemOrderFormSet,
    MeetingForm,
    NewItemForm,
    PageRangeFormSet,
    ReplaceForm,
    ReportForm,
    ResolutionFormSet,
)
from staff.input import check_rows
from staff.models import AuditEntry, IngestJob
from staff.permissions import (
    CORRECT,
    PUBLISH,
    UPLOAD,
    VIEW_PAPERS,
    can,
    staff_required,
)
from staff.uploads import queue_upload


def _agenda(meeting):
    return (
        meeting.items.filter(parent__isnull=True)
        .prefetch_related("page_ranges", "resolutions", "sub_items")
        .select_related("report")
        .order_by("order", "pk")
    )


@never_cache
@staff_required(VIEW_PAPERS)
def meeting_review(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("committee"), pk=pk)
    agenda = ItemOrderFormSet(request.POST or None, queryset=_agenda(meeting), prefix="items")
    if request.method == "POST":
        if not can(request.user, CORRECT):
            raise PermissionDenied
        check_rows(agenda)
        if agenda.is_valid():
            corrections.save_agenda(agenda, request.user, meeting)
            messages.success(request, "Agenda saved.")
            return redirect("staff:meeting", pk=meeting.pk)
    documents = meeting.documents.order_by("superseded_by", "kind", "-version")
    jobs = IngestJob.objects.filter(meeting=meeting).select_related("document")[:20]
    context = {
        "meeting": meeting,
        "agenda": agenda,
        "new_item": NewItemForm(prefix="new"),
        "documents": documents,
        "main_document": meeting.documents.current().order_by("kind").first(),
        "jobs": jobs,
        "waiting": any(not job.is_finished for job in jobs),
        "attendance": meeting.attendance.select_related("person", "substitute_for"),
        "entries": AuditEntry.objects.filter(meeting=meeting)[:30],
        "notice_warning": publishing.notice_warning(meeting),
        "can_publish": can(request.user, PUBLISH),
        "can_correct": can(request.user, CORRECT),
    }
    return render(request, "staff/meeting_review.html", context)


@require_POST
@staff_required(CORRECT)
def add_item(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = NewItemForm(request.POST, prefix="new")
    if form.is_valid():
        item = corrections.add_item(form, meeting, request.user)
        messages.success(request, f"Added item “{item.title}”.")
        return redirect("staff:item", pk=item.pk)
    messages.error(request, "An item needs a title.")
    return redirect("staff:meeting", pk=meeting.pk)


@never_cache
@staff_required("meetings.change_meeting")
def meeting_edit(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        meeting = corrections.save_meeting(form, request.user)
        messages.success(request, "Meeting details saved.")
        return redirect("staff:meeting", pk=meeting.pk)
    return render(request, "staff/meeting_edit.html", {"meeting": meeting, "form": form})


@never_cache
@staff_required("meetings.change_attendance")
def attendance(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    formset = AttendanceFormSet(request.POST or None, instance=meeting, prefix="attendance")
    check_rows(formset)
    if request.method == "POST" and formset.is_valid():
        corrections.save_attendance(formset, meeting, request.user)
        messages.success(request, "Attendance saved.")
        return redirect("staff:meeting", pk=meeting.pk)
    return render(request, "staff/attendance.html", {"meeting": meeting, "formset": formset})


@never_cache
@staff_required(CORRECT)
def item_edit(request, pk):
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__committee"), pk=pk)
    meeting = item.meeting
    data = request.POST or None
    report = Report.objects.filter(item=item).first() or Report(item=item)
    item_form = ItemForm(data, instance=item, prefix="item")
    report_form = ReportForm(data, instance=report, prefix="report")
    resolutions = ResolutionFormSet(data, instance=item, prefix="resolutions")
    ranges = PageRangeFormSet(data, instance=item, prefix="ranges")
    check_rows(resolutions, ranges)
    for form in ranges.forms:
        form.fields["document"].queryset = meeting.documents.current()
    forms_valid = all(f.is_valid() for f in (item_form, report_form, resolutions, ranges))
    if request.method == "POST" and forms_valid:
        corrections.save_item(item_form, report_form, resolutions, ranges, request.user)
        messages.success(request, f"Item “{item.title}” saved.")
        return redirect("staff:meeting", pk=meeting.pk)
    spans = list(item.page_ranges.select_related("document"))
    pages = []
    for span in spans[:3]:
        pages += list(
            Page.objects.filter(
                document=span.document, number__gte=span.start, number__lte=span.end
            ).select_related("document")[:40]
        )
    context = {
        "item": item,
        "meeting": meeting,
        "item_form": item_form,
        "report_form": report_form,
        "resolutions": resolutions,
        "ranges": ranges,
        "first_span": spans[0] if spans else None,
        "pages": pages,
    }
    return render(request, "staff/item_edit.html", context)


@require_POST
@staff_required(PUBLISH)
def publish(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    entry = publishing.publish_meeting(meeting, request.user)
    messages.success(request, f"Published {meeting}. The public can now see its papers.")
    if entry.warning:
        messages.warning(request, entry.warning)
    return redirect("staff:meeting", pk=meeting.pk)


@require_POST
@staff_required(PUBLISH)
def unpublish(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    publishing.unpublish_meeting(meeting, request.user)
    messages.success(request, f"{meeting} is no longer public.")
    return redirect("staff:meeting", pk=meeting.pk)


@never_cache
@staff_required(VIEW_PAPERS)
def document_manage(request, pk):
    document = get_object_or_404(Document.objects.select_related("meeting__committee"), pk=pk)
    form = ReplaceForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not can(request.user, UPLOAD):
            raise PermissionDenied
        if form.is_valid():
            queue_upload(
                request.user,
                form.cleaned_data["file"],
                meeting=document.meeting,
                publish=form.cleaned_data.get("publish"),
                replaces=document,
            )
            messages.success(request, "The new version is being read now.")
            return redirect("staff:meeting", pk=document.meeting_id)
    context = {
        "document": document,
        "meeting": document.meeting,
        "form": form,
        "versions": Document.objects.filter(meeting=document.meeting, kind=document.kind),
        "withheld": Page.objects.filter(document=document).withheld().count(),
        "can_publish": can(request.user, PUBLISH),
        "can_correct": can(request.user, CORRECT),
    }
    return render(request, "staff/document.html", context)


@require_POST
@staff_required(PUBLISH)
def document_publish(request, pk):
    document = get_object_or_404(Document, pk=pk)
    if request.POST.get("publish") == "1":
        try:
            entry = publishing.publish_document(document, request.user)
        except publishing.NotPublishable as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, f"Published {document.title}.")
            if entry.warning:
                messages.warning(request, entry.warning)
    else:
        publishing.unpublish_document(document, request.user)
        messages.success(request, f"{document.title} is no longer public.")
    return redirect("staff:document", pk=document.pk)


@require_POST
@staff_required(CORRECT)
def document_exempt(request, pk):
    document = get_object_or_404(Document, pk=pk)
    exempt = request.POST.get("exempt") == "1"
    publishing.set_wholly_exempt(document, exempt, request.user)
    messages.success(
        request,
        f"{document.title} is {'now withheld in full' if exempt else 'no longer withheld'}.",
    )
    return redirect("staff:document", pk=document.pk)
