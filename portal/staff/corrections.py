"""Saving staff corrections: what was read becomes what staff say, and a re-ingest keeps it."""

from __future__ import annotations

from django.db import transaction

from meetings.models import SCHEDULE_12A_PARAGRAPHS, AgendaItem, ItemRemoval
from portal.staff import audit


def _changed(*forms) -> list[str]:
    names: list[str] = []
    for form in forms:
        if form is None:
            continue
        if hasattr(form, "forms"):  # a formset
            if form.has_changed():
                names.append(form.prefix)
        else:
            names += [name for name in form.changed_data if name not in ("exempt",)]
    return names


@transaction.atomic
def save_item(item_form, report_form, resolutions, page_ranges, user) -> AgendaItem:
    """Save an item's corrections, marking it corrected, and log them (exempt separately)."""
    was_exempt = AgendaItem.objects.filter(pk=item_form.instance.pk, exempt=True).exists()
    item = item_form.save(commit=False)
    item.corrected = True
    item.save()
    if report_form is not None and (report_form.instance.pk or report_form.has_changed()):
        report = report_form.save(commit=False)
        report.item = item
        report.save()
    resolutions.save()
    page_ranges.save()
    changed = _changed(item_form, report_form, resolutions, page_ranges)
    if changed:
        audit.record(
            user,
            audit.Action.CORRECTED,
            item,
            meeting=item.meeting,
            detail="Changed: " + ", ".join(changed),
        )
    if item.exempt and not was_exempt:
        record_exempt(item, user)
    elif was_exempt and not item.exempt:
        audit.record(user, audit.Action.UNMARKED_EXEMPT, item, meeting=item.meeting)
    return item


def record_exempt(item: AgendaItem, user):
    paragraph = item.exempt_paragraph
    reason = SCHEDULE_12A_PARAGRAPHS.get(paragraph, "no paragraph given")
    return audit.record(
        user,
        audit.Action.MARKED_EXEMPT,
        item,
        meeting=item.meeting,
        detail=f"Schedule 12A paragraph {paragraph}: {reason}" if paragraph else reason,
    )


@transaction.atomic
def save_agenda(formset, user, meeting) -> None:
    """Renumber, retitle, reorder or remove items from the review screen's agenda list."""
    for form in formset.forms:
        if form in formset.deleted_forms and form.instance.pk:
            audit.record(user, audit.Action.REMOVED, form.instance, meeting=meeting)
    items = formset.save(commit=False)
    for form in formset.forms:
        if form.instance in items and form.has_changed():
            audit.record(
                user,
                audit.Action.CORRECTED,
                form.instance,
                meeting=meeting,
                detail="Changed: " + ", ".join(form.changed_data),
            )
    for item in items:
        item.corrected = True
        item.save()
    for item in formset.deleted_objects:
        if item.read_key:  # read from a paper: a re-read must not bring it back
            ItemRemoval.objects.get_or_create(
                meeting=meeting, read_key=item.read_key, defaults={"title": item.title}
            )
        item.delete()


@transaction.atomic
def add_item(form, meeting, user) -> AgendaItem:
    item = form.save(commit=False)
    item.meeting = meeting
    last = meeting.items.filter(parent__isnull=True).order_by("-order").first()
    item.order = (last.order + 1) if last else 1
    item.corrected = True
    item.save()
    audit.record(user, audit.Action.ADDED, item, meeting=meeting)
    return item


@transaction.atomic
def save_attendance(formset, meeting, user) -> None:
    formset.save()
    if formset.has_changed():
        meeting.attendance_corrected = True  # a re-read of the minutes keeps it
        meeting.save(update_fields=["attendance_corrected", "updated"])
        audit.record(user, audit.Action.CORRECTED, f"Attendance at {meeting}", meeting=meeting)
