"""Publishing and unpublishing a meeting's papers, with the notice check and the audit log."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from documents.meeting_sync import rebuild_meeting
from documents.models import Document
from staff import audit
from staff.notice import short_notice_warning


def notice_warning(meeting) -> str:
    """What publishing the meeting's current papers now would warn about ("" if nothing)."""
    kinds = meeting.documents.current().values_list("kind", flat=True)
    return short_notice_warning(meeting, list(kinds))


def make_public(meeting) -> list[str]:
    """Mark the meeting and its current papers published and rebuild its records from them;
    the titles of the papers. (The staff preview does this in a transaction it rolls back.)"""
    now = timezone.now()
    meeting.is_published = True
    meeting.save(update_fields=["is_published", "updated"])
    papers = meeting.documents.current()
    titles = list(papers.values_list("title", flat=True))
    papers.filter(published_at__isnull=True).update(published_at=now)
    papers.update(is_published=True, updated=now)
    rebuild_meeting(meeting)  # the published versions are now the ones in force
    return titles


@transaction.atomic
def publish_meeting(meeting, user):
    """Make the meeting and its current papers public; returns the audit entry."""
    warning = notice_warning(meeting)
    titles = make_public(meeting)
    detail = "Papers: " + "; ".join(titles) if titles else "No papers yet."
    return audit.record(
        user, audit.Action.PUBLISHED, meeting, meeting=meeting, detail=detail, warning=warning
    )


@transaction.atomic
def unpublish_meeting(meeting, user):
    """Take the meeting and every paper of it off the public site."""
    meeting.is_published = False
    meeting.save(update_fields=["is_published", "updated"])
    meeting.documents.update(is_published=False, updated=timezone.now())
    rebuild_meeting(meeting)
    return audit.record(user, audit.Action.UNPUBLISHED, meeting, meeting=meeting)


class NotPublishable(Exception):
    """A paper that cannot be published; ``str(error)`` says why, for the clerk."""


@transaction.atomic
def publish_document(document: Document, user):
    """Publish one paper (a supplement added later); its meeting must be published to show it.
    A superseded version is never published (``NotPublishable``)."""
    if not document.is_current:
        raise NotPublishable("A superseded version cannot be published.")
    document.is_published = True
    document.published_at = document.published_at or timezone.now()
    document.save(update_fields=["is_published", "published_at", "updated"])
    _rebuild_for(document)
    warning = short_notice_warning(document.meeting, [document.kind])
    detail = "" if document.meeting.is_published else "The meeting itself is not published yet."
    return audit.record(
        user,
        audit.Action.PUBLISHED,
        document,
        meeting=document.meeting,
        detail=detail,
        warning=warning,
    )


@transaction.atomic
def unpublish_document(document: Document, user):
    document.is_published = False
    document.save(update_fields=["is_published", "updated"])
    _rebuild_for(document)
    return audit.record(user, audit.Action.UNPUBLISHED, document, meeting=document.meeting)


def _rebuild_for(document: Document) -> None:
    """Publishing or withdrawing a version changes which version's records are in force."""
    rebuild_meeting(document.meeting)
    if document.minutes_of_id and document.minutes_of_id != document.meeting_id:
        rebuild_meeting(document.minutes_of)


@transaction.atomic
def set_wholly_exempt(document: Document, exempt: bool, user, paragraph_note: str = ""):
    """Withhold (or release) a whole paper: its PDF, pages and text leave every public page."""
    document.is_exempt = exempt
    document.save(update_fields=["is_exempt", "updated"])
    action = audit.Action.MARKED_EXEMPT if exempt else audit.Action.UNMARKED_EXEMPT
    return audit.record(user, action, document, meeting=document.meeting, detail=paragraph_note)
