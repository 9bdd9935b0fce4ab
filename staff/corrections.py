"""The rules of a correction, wherever it is made (the staff pages or the Django admin).

What staff say replaces what was read, and a re-read of the papers keeps it: a corrected item
is marked ``corrected``, a meeting's corrected time, venue or council ``details_corrected``,
corrected attendance ``attendance_corrected``, and an item removed that was read from a paper
is remembered (``ItemRemoval``) so a re-read does not bring it back. Marking an item exempt,
or not, is logged as such, with the Schedule 12A paragraph. Every correction is in the audit
log under its meeting; those made in the admin say so.
"""

from __future__ import annotations

from django.db import transaction

from meetings.models import SCHEDULE_12A_PARAGRAPHS, AgendaItem, Attendance, ItemRemoval, Meeting
from staff import audit

# A meeting's details that a re-read of its papers would otherwise overwrite.
MEETING_DETAILS = frozenset({"start_time", "venue", "organisation"})
ADMIN = "In the admin"


# -- the rules, for any object -----------------------------------------------------------------
def was_exempt(obj) -> bool:
    """Whether ``obj`` is an agenda item stored as exempt (before a change is saved)."""
    return (
        isinstance(obj, AgendaItem)
        and obj.pk is not None
        and AgendaItem.objects.filter(pk=obj.pk, exempt=True).exists()
    )


def mark_corrected(obj, changed) -> None:
    """Before saving ``obj`` with ``changed`` fields: mark what a re-read must keep."""
    if isinstance(obj, AgendaItem):
        obj.corrected = True
    elif isinstance(obj, Meeting) and MEETING_DETAILS & set(changed):
        obj.details_corrected = True


def record_exempt_change(item, exempt_before: bool, user):
    """Log an item marked exempt (with its paragraph) or no longer exempt; None if neither."""
    if not isinstance(item, AgendaItem) or item.exempt == exempt_before:
        return None
    if not item.exempt:
        return audit.record(user, audit.Action.UNMARKED_EXEMPT, item, meeting=item.meeting)
    paragraph = item.exempt_paragraph
    reason = SCHEDULE_12A_PARAGRAPHS.get(paragraph, "no paragraph given")
    return audit.record(
        user,
        audit.Action.MARKED_EXEMPT,
        item,
        meeting=item.meeting,
        detail=f"Schedule 12A paragraph {paragraph}: {reason}" if paragraph else reason,
    )


def record_exempt(item: AgendaItem, user):
    """Log ``item`` as marked exempt."""
    return record_exempt_change(item, False, user)


def mark_attendance_corrected(meeting: Meeting) -> None:
    meeting.attendance_corrected = True  # a re-read of the minutes keeps it
    meeting.save(update_fields=["attendance_corrected", "updated"])


def remember_removal(item: AgendaItem) -> None:
    """Before deleting ``item``: if it was read from a paper, a re-read must not bring it back."""
    if item.read_key:
        ItemRemoval.objects.get_or_create(
            meeting_id=item.meeting_id, read_key=item.read_key, defaults={"title": item.title}
        )


def meeting_of(obj):
    """The meeting an object belongs to (itself, its item's, its paper's), or None."""
    if isinstance(obj, Meeting):
        return obj
    for path in ("meeting", "item.meeting", "document.meeting"):
        value = obj
        for name in path.split("."):
            value = getattr(value, name, None)
        if isinstance(value, Meeting):
            return value
    return None


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


# -- the staff pages -----------------------------------------------------------------------
@transaction.atomic
def save_item(item_form, report_form, resolutions, page_ranges, user) -> AgendaItem:
    """Save an item's corrections, marking it corrected, and log them (exempt separately)."""
    exempt_before = was_exempt(item_form.instance)
    item = item_form.save(commit=False)
    mark_corrected(item, item_form.changed_data)
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
    record_exempt_change(item, exempt_before, user)
    return item


@transaction.atomic
def save_meeting(form, user) -> Meeting:
    """Save a meeting's corrected details (time, venue...) and log what changed."""
    meeting = form.save(commit=False)
    mark_corrected(meeting, form.changed_data)
    meeting.save()
    if form.changed_data:
        detail = "Changed: " + ", ".join(form.changed_data)
        audit.record(user, audit.Action.CORRECTED, meeting, meeting=meeting, detail=detail)
    return meeting


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
        mark_corrected(item, ())
        item.save()
    for item in formset.deleted_objects:
        remember_removal(item)
        item.delete()


@transaction.atomic
def add_item(form, meeting, user) -> AgendaItem:
    item = form.save(commit=False)
    item.meeting = meeting
    last = meeting.items.filter(parent__isnull=True).order_by("-order").first()
    item.order = (last.order + 1) if last else 1
    mark_corrected(item, ())
    item.save()
    audit.record(user, audit.Action.ADDED, item, meeting=meeting)
    return item


@transaction.atomic
def save_attendance(formset, meeting, user) -> None:
    formset.save()
    if formset.has_changed():
        mark_attendance_corrected(meeting)
        audit.record(user, audit.Action.CORRECTED, f"Attendance at {meeting}", meeting=meeting)


# -- the Django admin ----------------------------------------------------------------------
def _label(obj) -> str:
    return f"{obj._meta.verbose_name} “{obj}”"


def admin_added(user, obj):
    detail = f"{ADMIN}: added {_label(obj)}."
    return audit.record(user, audit.Action.CORRECTED, obj, meeting=meeting_of(obj), detail=detail)


def admin_changed(user, obj, change_message: str):
    detail = f"{ADMIN}: {change_message}"
    return audit.record(user, audit.Action.CORRECTED, obj, meeting=meeting_of(obj), detail=detail)


def admin_deleted(user, obj):
    detail = f"{ADMIN}: deleted {_label(obj)}."
    return audit.record(user, audit.Action.CORRECTED, obj, meeting=meeting_of(obj), detail=detail)


def admin_saving(obj, changed) -> bool:
    """Before the admin saves ``obj``: mark what a re-read must keep; whether it was exempt."""
    exempt_before = was_exempt(obj)
    mark_corrected(obj, changed)
    return exempt_before


def admin_saved(obj, exempt_before: bool, user) -> None:
    """After the admin saved ``obj`` (on its own page or as an inline row)."""
    record_exempt_change(obj, exempt_before, user)
    if isinstance(obj, Attendance) and obj.meeting_id:
        mark_attendance_corrected(obj.meeting)


def admin_deleting(obj) -> None:
    """Before the admin deletes ``obj``."""
    if isinstance(obj, AgendaItem):
        remember_removal(obj)
    elif isinstance(obj, Attendance) and obj.meeting_id:
        mark_attendance_corrected(obj.meeting)
