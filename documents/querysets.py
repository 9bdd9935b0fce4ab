"""QuerySets for stored papers and their pages: what is current, published and public.

What the public may see is decided in ``meetings.disclosure``; these methods name it.
"""

from __future__ import annotations

from django.db import models, transaction

from meetings import disclosure


class DocumentQuerySet(models.QuerySet):
    def delete(self):
        """Delete papers one by one, so each takes what was read from it along."""
        deleted = 0
        with transaction.atomic():
            for document in self:
                deleted += document.delete()[0]
        return deleted, {}

    def current(self):
        """The newest version of each paper (what staff work on)."""
        return self.filter(superseded_by__isnull=True)

    def published(self):
        """Published papers that no published later version replaces."""
        return self.filter(disclosure.published_paper())

    def public(self):
        """Papers the public may open."""
        return self.filter(disclosure.public_paper())

    def versions_of(self, document):
        """Every version of the same paper, newest first."""
        return self.filter(meeting_id=document.meeting_id, identity=document.identity).order_by(
            "-version"
        )


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(disclosure.published_paper("document__"))

    def public(self):
        """Pages a resident may read: of a public paper and not withheld."""
        return self.filter(disclosure.public_page())

    def withheld(self):
        return self.filter(models.Q(document__is_exempt=True) | disclosure.withheld_page())

    def annotate_withheld(self):
        """Mark each page ``withheld`` when it belongs to an exempt item's paper."""
        return self.annotate(withheld=disclosure.withheld_page())


class PageRangeQuerySet(models.QuerySet):
    def public(self):
        return self.filter(disclosure.public_page_range())
