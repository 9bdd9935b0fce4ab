"""Every saved or deleted record marks what holds it as changed, so the export notices.

``public_content_fingerprint()`` (documents.export_file) reads the ``updated`` times of
meetings and papers. Items, resolutions, reports, attendance and declarations have no time of
their own: saving or deleting one touches its meeting's ``updated``; a page or a page range
touches its paper's; a person's name touches the meetings they attended. Bulk ``update()``
calls bypass these signals: they are caught by the fingerprint's own aggregates (publication,
exempt and withheld marks, counts), and staff workflows save row by row.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.utils import timezone


def _touch_meetings(ids) -> None:
    from meetings.models import Meeting

    ids = {pk for pk in ids if pk}
    if ids:
        Meeting.objects.filter(pk__in=ids).update(updated=timezone.now())


def _touch_document(pk) -> None:
    from documents.models import Document

    if pk:
        Document.objects.filter(pk=pk).update(updated=timezone.now())


def _meeting_record_changed(sender, instance, **kwargs) -> None:
    if hasattr(instance, "meeting_id"):
        _touch_meetings([instance.meeting_id])
    elif hasattr(instance, "item_id"):
        from meetings.models import AgendaItem

        _touch_meetings(
            AgendaItem.objects.filter(pk=instance.item_id).values_list("meeting_id", flat=True)
        )


def _paper_record_changed(sender, instance, **kwargs) -> None:
    _touch_document(instance.document_id)


def _person_changed(sender, instance, created=False, **kwargs) -> None:
    if created:
        return
    from meetings.models import Attendance

    meetings = Attendance.objects.filter(person=instance).values_list("meeting_id", flat=True)
    _touch_meetings(list(meetings))


def connect() -> None:
    from documents.models import Page, PageRange
    from meetings.models import AgendaItem, Attendance, Declaration, Person, Report, Resolution

    for model in (AgendaItem, Resolution, Report, Attendance, Declaration):
        post_save.connect(_meeting_record_changed, sender=model, dispatch_uid=f"fresh-{model}")
        post_delete.connect(_meeting_record_changed, sender=model, dispatch_uid=f"gone-{model}")
    # A page is deleted only with its paper (which the fingerprint counts): no delete signal,
    # so deleting a paper stays one query for its pages.
    post_save.connect(_paper_record_changed, sender=Page, dispatch_uid="fresh-page")
    post_save.connect(_paper_record_changed, sender=PageRange, dispatch_uid="fresh-range")
    post_delete.connect(_paper_record_changed, sender=PageRange, dispatch_uid="gone-range")
    post_save.connect(_person_changed, sender=Person, dispatch_uid="fresh-person")
