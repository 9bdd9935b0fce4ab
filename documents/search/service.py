"""Search: one function the API and the page share.

The work is bounded: each kind's matches are ranked first among the newest rows (an id
window, which both indexes narrow cheaply), and the window widens until it holds enough
matches to rank or covers everything. A rare word is ranked over every match with an exact
count; a word on nearly every page is ranked over the newest few thousand matches, and the
count is estimated from the window.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from documents.search.backends import KINDS, Ranges, Ranked, backend
from documents.search.people import people_for
from documents.search.public import Filters, filter_ranges, public_ids_sql
from documents.search.query import Query, QueryError, parse
from documents.search.results import ResultBuilder
from meetings.models import Committee

FIRST_WINDOW = 500  # ids of the newest rows tried first
CANDIDATES = 300  # matches worth ranking before a window is trusted
INDEX_OR_TEST = 40  # postings read in the time one row's vector is tested
MAX_FILTER_RANGES = 400  # more papers than this: filter after matching instead
MAX_RESULTS = 1_000  # deepest result a page can show
MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class SearchRequest:
    q: str
    committees: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    types: tuple[str, ...] = ()
    page: int = 1
    page_size: int = 20

    def __post_init__(self):
        if self.page < 1:
            raise QueryError("page must be 1 or more")
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise QueryError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
        unknown = set(self.types) - set(KINDS)
        if unknown:
            raise QueryError(f"type must be one of {', '.join(KINDS)}")


@dataclass
class SearchResults:
    query: str
    count: int
    count_is_exact: bool
    page: int
    page_size: int
    results: list[dict] = field(default_factory=list)
    people: list[dict] = field(default_factory=list)  # named people, shown before the results

    @property
    def first_number(self) -> int:
        return (self.page - 1) * self.page_size + 1

    @property
    def num_pages(self) -> int:
        shown = min(self.count, MAX_RESULTS)
        return max(1, math.ceil(shown / self.page_size))

    def as_dict(self) -> dict:
        return {
            "query": self.query,
            "count": self.count,
            "page": self.page,
            "page_size": self.page_size,
            "results": self.results,
            "people": self.people,
        }


def search(request: SearchRequest) -> SearchResults:
    """Ranked public results; raises NothingToSearch when no word is left to search for."""
    query = parse(request.q)
    filters = Filters(
        committee_ids=_committee_ids(request.committees),
        date_from=request.date_from,
        date_to=request.date_to,
    )
    kinds = request.types or KINDS
    if request.committees and not filters.committee_ids:
        kinds = ()  # no such committee: nothing can match
    if request.date_from and request.date_to and request.date_from > request.date_to:
        kinds = ()
    if request.page * request.page_size > MAX_RESULTS:
        kinds = ()  # past the deepest result shown
    engine = backend()
    need = request.page * request.page_size
    merged: list[tuple[float, str, int]] = []
    count, exact = 0, True
    for kind in kinds:
        ranked, total, kind_exact = _bounded(engine, kind, query, filters, need)
        merged.extend((score, kind, row_id) for row_id, score in ranked.rows)
        count += total
        exact = exact and kind_exact
    merged.sort(key=lambda row: (-row[0], KINDS.index(row[1]), -row[2]))
    start = (request.page - 1) * request.page_size
    chosen = merged[start : start + request.page_size]
    results = ResultBuilder(engine, query).build(chosen)
    found = SearchResults(request.q, count, exact, request.page, request.page_size, results)
    if request.page == 1 and not request.committees and not request.types:
        found.people = people_for(request.q)
    return found


def _committee_ids(slugs: tuple[str, ...]) -> tuple[int, ...]:
    if not slugs:
        return ()
    return tuple(Committee.objects.filter(slug__in=slugs).values_list("id", flat=True))


def _bounded(engine, kind: str, query: Query, filters: Filters, need: int):
    """The best ``need`` matches of ``kind``, their count and whether it is exact.

    Ranks the matches in the newest ids first (of the filtered papers' pages, when filtered)
    and widens until the window holds enough matches or covers everything.
    """
    span = engine.span(kind)
    if span is None:
        return Ranked(), 0, True
    ranges = [span]
    public = public_ids_sql(kind, filters)
    if filters:
        ranges = filter_ranges(kind, filters)
        if not ranges:
            return Ranked(), 0, True
        if len(ranges) > MAX_FILTER_RANGES:
            ranges = [span]
    size = sum(high - low + 1 for low, high in ranges)
    width, density = FIRST_WINDOW, 1.0
    while True:
        window = _newest(ranges, width) if width < size else None
        # Reading the word's postings costs about what testing 1/INDEX_OR_TEST rows does.
        use_index = window is None or density * (span[1] - span[0]) / INDEX_OR_TEST < width
        ranked = engine.rank(
            kind, query, public, window or _all(ranges, span), need, use_index=use_index
        )
        if window is None:
            return ranked, ranked.total, True
        if ranked.total >= max(CANDIDATES, need):
            return ranked, int(round(ranked.total * size / width, -2) or ranked.total), False
        density = ranked.total / width
        growth = CANDIDATES / max(ranked.total, CANDIDATES / 64)
        width = int(width * min(64, max(4, growth * 1.5)))


def _all(ranges: Ranges, span: tuple[int, int]) -> Ranges | None:
    return None if ranges == [span] else ranges


def _newest(ranges: Ranges, width: int) -> Ranges:
    """The newest ids of ``ranges``, ``width`` of them."""
    chosen: Ranges = []
    for low, high in reversed(ranges):
        if width <= 0:
            break
        low = max(low, high - width + 1)
        chosen.append((low, high))
        width -= high - low + 1
    return chosen[::-1]
