"""What search may show: the public rows of each kind, from the disclosure querysets.

The backends rank matches by id and score only; they keep the ids found here (compiled to
SQL by the ORM), so what is public is decided in ``meetings.disclosure`` alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max, Min, Q, QuerySet

from documents.models import Page
from meetings import disclosure
from meetings.models import AgendaItem, Report, Resolution

Ranges = list[tuple[int, int]]  # inclusive id ranges, ascending


def searchable_items() -> QuerySet:
    """Open items every indexed word of which is public. An item's row in the index holds its
    minute (narrative, reasons) and its report's front sheet too, which may come from a draft
    paper: such an item is searchable once they are public (its title stays on the agenda)."""
    minute = disclosure.public_minute() | Q(narrative="", reasons="")
    report = Q(report__isnull=True) | Q(report__in=Report.objects.public())
    return AgendaItem.objects.public().filter(minute, report)


# Per kind: the public rows, the path to their meeting, and what holds a run of ids (a
# paper's pages, a meeting's items and their resolutions are written together).
_KINDS = {
    "page": (lambda: Page.objects.public(), "document__meeting__", "document_id"),
    "item": (searchable_items, "meeting__", "meeting_id"),
    "resolution": (lambda: Resolution.objects.public(), "item__meeting__", "item__meeting_id"),
}


@dataclass(frozen=True)
class Filters:
    committee_ids: tuple[int, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def __bool__(self) -> bool:
        return bool(self.committee_ids or self.date_from or self.date_to)

    def apply(self, rows: QuerySet, meeting: str) -> QuerySet:
        if self.committee_ids:
            rows = rows.filter(**{f"{meeting}committee_id__in": self.committee_ids})
        if self.date_from:
            rows = rows.filter(**{f"{meeting}date__gte": self.date_from})
        if self.date_to:
            rows = rows.filter(**{f"{meeting}date__lte": self.date_to})
        return rows


def public_rows(kind: str, filters: Filters) -> QuerySet:
    """The ids of the public rows of ``kind`` in the filtered meetings."""
    rows, meeting, _ = _KINDS[kind]
    return filters.apply(rows(), meeting).order_by().values("id")


def public_ids_sql(kind: str, filters: Filters) -> tuple[str, tuple]:
    """``public_rows`` as SQL and parameters, for a backend to keep its matches by."""
    return public_rows(kind, filters).query.sql_with_params()


def filter_ranges(kind: str, filters: Filters) -> Ranges:
    """The ids of the public rows of ``kind`` in the filtered meetings, as ranges, adjacent
    ones merged: the committee and date filters become id ranges that both indexes narrow
    as cheaply as a window."""
    _, _, group = _KINDS[kind]
    runs = (
        public_rows(kind, filters)
        .values(group)
        .annotate(low=Min("id"), high=Max("id"))
        .values_list("low", "high")
    )
    merged: list[list[int]] = []
    for low, high in sorted(runs):
        if merged and low <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return [(low, high) for low, high in merged]
