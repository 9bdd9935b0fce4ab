"""The staff preview of a meeting: its public page as it will be once published.

The meeting and its current papers are marked published, and its records rebuilt, inside a
transaction that is always rolled back, and the public page is drawn from that: the preview
shows exactly what the disclosure rules (meetings/disclosure.py) will let the public see,
exempt items as the public sees them, without a second copy of those rules. Nothing of it is
ever committed, so nothing becomes public and no export or feed moves. Only signed-in staff
reach it (under /staff/, never cached); the page says it is a preview.
"""

from __future__ import annotations

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from meetings.models import Meeting
from meetings.views import meeting_detail
from staff.permissions import CORRECT, staff_required
from staff.publishing import make_public


@require_safe
@never_cache
@staff_required(CORRECT)
def meeting_preview(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("committee"), pk=pk)
    request.portal_preview = meeting
    with transaction.atomic():
        try:
            make_public(meeting)
            response = meeting_detail(request, meeting.committee.slug, meeting.url_key)
        finally:
            transaction.set_rollback(True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
