"""sitemap.xml: every public page (committees, published meetings, their items, papers, people)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from documents.models import Document
from meetings.models import AgendaItem, Committee, Meeting, Person


class StaticPagesSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return [
            "home",
            "committee-list",
            "meeting-list",
            "meeting-calendar-current",
            "decision-list",
            "person-list",
        ]

    def location(self, name):
        return reverse(name)


class CommitteeSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Committee.objects.with_listed_meetings().order_by("name")

    def lastmod(self, committee):
        return committee.updated


class MeetingSitemap(Sitemap):
    limit = 5000

    def items(self):
        return Meeting.objects.listed().select_related("committee").order_by("-date", "pk")

    def lastmod(self, meeting):
        return meeting.updated


class AgendaItemSitemap(Sitemap):
    """Items a resident may read in full; exempt items have no page of their own to list."""

    limit = 5000

    def items(self):
        return (
            AgendaItem.objects.public()
            .filter(meeting__is_decision_record=False)  # a record's page is its decision's
            .select_related("meeting__committee")
            .order_by("-meeting__date", "meeting_id", "order", "pk")
        )

    def lastmod(self, item):
        return item.meeting.updated


class DocumentSitemap(Sitemap):
    limit = 5000

    def items(self):
        return Document.objects.public().order_by("-pk")

    def lastmod(self, document):
        return document.updated


class PersonSitemap(Sitemap):
    def items(self):
        return Person.objects.with_public_attendance().order_by("slug")


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "committees": CommitteeSitemap,
    "meetings": MeetingSitemap,
    "items": AgendaItemSitemap,
    "papers": DocumentSitemap,
    "people": PersonSitemap,
}


def robots_txt(request):
    from django.shortcuts import render

    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    return render(request, "robots.txt", {"sitemap_url": sitemap_url}, content_type="text/plain")
