"""RSS and Atom feeds: upcoming meetings, newly published papers and decisions.

Each feed is site-wide, or one committee's when the URL names it. Only public records reach
a feed: published meetings, public papers, and the decisions the public minutes record.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from documents.models import Document
from meetings.models import Committee, Meeting

FEED_LENGTH = 50


class CommitteeScopedFeed(Feed):
    """A feed of the whole site, or of the committee whose slug is in the URL."""

    subject = "updates"

    def get_object(self, request, committee=None):
        if committee is None:
            return None
        return get_object_or_404(Committee.objects.with_listed_meetings(), slug=committee)

    def title(self, committee):
        where = committee.name if committee else settings.PORTAL_ORGANISATION
        return f"{where}: {self.subject}"

    def link(self, committee):
        return committee.get_absolute_url() if committee else "/meetings/"

    def description(self, committee):
        # Feed readers take descriptions and summaries as HTML: the words go in escaped.
        return escape(self.title(committee))


class UpcomingMeetingsFeed(CommitteeScopedFeed):
    subject = "upcoming meetings"

    def items(self, committee):
        meetings = Meeting.objects.listed().upcoming().select_related("committee")
        if committee:
            meetings = meetings.filter(committee=committee)
        return meetings[:FEED_LENGTH]

    def item_title(self, meeting):
        when = meeting.date.strftime("%-d %B %Y")
        if meeting.start_time:
            when += meeting.start_time.strftime(", %-I.%M %p").lower()
        return f"{meeting.committee.name}, {when}"

    def item_description(self, meeting):
        parts = [meeting.get_status_display()]
        if meeting.venue:
            parts.append(meeting.venue)
        return escape(" · ".join(parts))

    def item_pubdate(self, meeting):
        return meeting.created

    def item_updateddate(self, meeting):
        return meeting.updated


class NewPapersFeed(CommitteeScopedFeed):
    subject = "newly published papers"

    def items(self, committee):
        papers = Document.objects.public().select_related("meeting__committee")
        if committee:
            papers = papers.filter(meeting__committee=committee)
        return papers.order_by("-published_at", "-created")[:FEED_LENGTH]

    def item_title(self, document):
        return f"{document.title}: {document.meeting}"

    def item_description(self, document):
        pages = f"{document.page_count} page{'s' if document.page_count != 1 else ''}"
        return f"{document.get_kind_display()}, {pages}"

    def item_pubdate(self, document):
        return document.published_at or document.created

    def item_updateddate(self, document):
        return document.updated

    def item_enclosure_url(self, document):
        return document.get_pdf_url()

    def item_enclosure_length(self, document):
        return document.size

    item_enclosure_mime_type = "application/pdf"


def atom(feed_class):
    """The same feed as Atom 1.0."""
    return type(f"Atom{feed_class.__name__}", (feed_class,), {"feed_type": Atom1Feed})
