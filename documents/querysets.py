"""QuerySets for stored papers and their pages: what is current, published and public."""

from __future__ import annotations

from django.db import models
from django.db.models import Exists, OuterRef, Q


class DocumentQuerySet(models.QuerySet):
    def current(self):
        """Not replaced by a newer version."""
        return self.filter(superseded_by__isnull=True)

    def published(self):
        return self.current().filter(is_published=True, meeting__is_published=True)

    def public(self):
        """Papers the public may open: published, current and not wholly exempt."""
        return self.published().filter(is_exempt=False)


def exempt_range_covering_page():
    """An Exists() for a page inside the page range of an exempt item (or its sub-item)."""
    from documents.models import PageRange

    return Exists(
        PageRange.objects.filter(
            Q(item__exempt=True) | Q(item__parent__exempt=True),
            holds_paper=True,
            document_id=OuterRef("document_id"),
            start__lte=OuterRef("number"),
            end__gte=OuterRef("number"),
        )
    )


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(
            document__superseded_by__isnull=True,
            document__is_published=True,
            document__meeting__is_published=True,
        )

    def public(self):
        """Pages a resident may read: published and not part of an exempt item's paper."""
        return (
            self.published().filter(document__is_exempt=False).exclude(exempt_range_covering_page())
        )

    def withheld(self):
        return self.filter(Q(document__is_exempt=True) | exempt_range_covering_page())

    def annotate_withheld(self):
        """Mark each page ``withheld`` when it belongs to an exempt item's paper."""
        return self.annotate(withheld=exempt_range_covering_page())
