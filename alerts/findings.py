"""What a newly public paper tells one subscription: the findings an alert lists.

Everything is read through the public querysets (``meetings.disclosure``) and, for a saved
search, the public search's own ranking and snippets, kept to the rows read from the paper.
No findings means no alert: the same function decides whether a paper matches and what the
email says, so an email can only quote what is public when it is written.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from django.db.models import Q
from django.http import QueryDict

from councillors.models import VoteCast
from documents.models import Document, Page
from documents.search.backends import KINDS, backend
from documents.search.filters import search_request_from
from documents.search.public import Filters, searchable_items
from documents.search.query import QueryError, parse
from documents.search.results import ResultBuilder
from meetings.models import AgendaItem, Attendance, Committee, Declaration, Resolution

MAX_FINDINGS = 10


@dataclass(frozen=True)
class Finding:
    title: str
    url: str  # a path on this site
    snippet: str = ""  # plain text; a saved search's matched words are marked **so**


def findings(subscription, document: Document) -> list[Finding]:
    """What ``document`` (if it is public now) holds for ``subscription``, best first."""
    if not Document.objects.public().filter(pk=document.pk).exists():
        return []
    finder = {
        "committee": _committee,
        "search": _search,
        "person": _person,
        "matter": _matter,
    }[subscription.kind]
    return finder(subscription, document)[:MAX_FINDINGS]


def _decisions(resolutions) -> list[Finding]:
    return [
        Finding(
            f"Decision: {r.item.title}",
            f"{r.item.get_absolute_url()}#minute",
            f"{r.number} {r.text}".strip()[:400],
        )
        for r in resolutions.select_related("item__meeting__committee").order_by(
            "item__order", "order"
        )[:MAX_FINDINGS]
    ]


def _committee(subscription, document) -> list[Finding]:
    if document.meeting.committee_id != subscription.committee_id:
        return []
    paper = Finding(f"{document.get_kind_display()}: {document.title}", document.get_absolute_url())
    return [paper, *_decisions(Resolution.objects.public().filter(source=document))]


_ROWS = {
    "page": lambda ids: Page.objects.public().filter(document_id__in=ids),
    "item": lambda ids: searchable_items().filter(
        Q(source_id__in=ids) | Q(minutes_source_id__in=ids)
    ),
    "resolution": lambda ids: Resolution.objects.public().filter(source_id__in=ids),
}
_MEETING = {"page": "document__meeting__", "item": "meeting__", "resolution": "item__meeting__"}
_PAPERS = {  # the papers a row was read from
    "page": (Page, ("document_id",)),
    "item": (AgendaItem, ("source_id", "minutes_source_id")),
    "resolution": (Resolution, ("source_id",)),
}


def _ranges(ids: list[int]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for row_id in sorted(ids):
        if merged and row_id == merged[-1][1] + 1:
            merged[-1][1] = row_id
        else:
            merged.append([row_id, row_id])
    return [(low, high) for low, high in merged]


def _ranked(subscription, document_ids: list[int], limit: int):
    """The saved search's best public matches among the rows read from the papers:
    ``(engine, query, [(score, kind, row id)])``, or None when the search cannot run."""
    params = QueryDict(subscription.query)
    try:
        request = search_request_from(params)
        query = parse(request.q)
    except QueryError:
        return None
    committees = Committee.objects.filter(slug__in=request.committees)
    filters = Filters(
        tuple(committees.values_list("id", flat=True)), request.date_from, request.date_to
    )
    if request.committees and not filters.committee_ids:
        return None
    engine = backend()
    chosen = []
    for kind in request.types or KINDS:
        rows = filters.apply(_ROWS[kind](document_ids), _MEETING[kind]).order_by().values("id")
        ids = list(rows.values_list("id", flat=True))
        if not ids:
            continue
        public = rows.query.sql_with_params()
        ranked = engine.rank(kind, query, public, _ranges(ids), limit, use_index=False)
        chosen.extend((score, kind, row_id) for row_id, score in ranked.rows)
    chosen.sort(key=lambda row: (-row[0], KINDS.index(row[1]), -row[2]))
    return engine, query, chosen


def _search(subscription, document) -> list[Finding]:
    ranked = _ranked(subscription, [document.pk], MAX_FINDINGS)
    if ranked is None:
        return []
    engine, query, chosen = ranked
    results = ResultBuilder(engine, query).build(chosen[:MAX_FINDINGS])
    return [Finding(_result_title(r), r["url"], _plain(r["snippet"])) for r in results]


def search_hits(subscription, document_ids: list[int]) -> set[int]:
    """Which of the papers hold a public match for the saved search (one pass for all)."""
    ranked = _ranked(subscription, document_ids, 100_000)
    if ranked is None:
        return set()
    papers = set()
    for kind in KINDS:
        ids = [row_id for _, k, row_id in ranked[2] if k == kind]
        model, fields = _PAPERS[kind]
        for row in model.objects.filter(pk__in=ids).values_list(*fields):
            papers.update(row)
    return papers & set(document_ids)


def _result_title(result: dict) -> str:
    if result["type"] == "page":
        return f"{result['title']}, page {result['document']['page']}"
    if result["type"] == "resolution":
        return f"Decision: {result['title']}"
    return f"Agenda item: {result['title']}"


def _plain(snippet: str) -> str:
    """A search snippet (escaped HTML with <mark>) as plain text, matches marked **so**."""
    text = snippet.replace("<mark>", "**").replace("</mark>", "**")
    return html.unescape(text)


def _person(subscription, document) -> list[Finding]:
    if subscription.person_id is None:
        return []
    found = []
    attendance = Attendance.objects.public().filter(source=document, person=subscription.person)
    for row in attendance.select_related("meeting__committee", "person"):
        found.append(
            Finding(f"{row.person.name}: {row.get_role_display()}", row.meeting.get_absolute_url())
        )
    votes = VoteCast.objects.public().filter(vote__source=document, person=subscription.person)
    for cast in votes.select_related("vote__item__meeting__committee"):
        item = cast.vote.item
        found.append(
            Finding(
                f"Voted {cast.get_position_display().lower()}: {item.title}",
                f"{item.get_absolute_url()}#minute",
                str(cast.vote)[:400],
            )
        )
    declarations = Declaration.objects.public().filter(source=document, person=subscription.person)
    for row in declarations.select_related("meeting__committee", "item__meeting__committee"):
        where = row.item.get_absolute_url() if row.item_id else row.meeting.get_absolute_url()
        found.append(Finding("Declaration of interest", where, row.text[:400]))
    return found


def _matter(subscription, document) -> list[Finding]:
    if subscription.item_id is None:
        return []
    followed = subscription.item
    same = AgendaItem.objects.same_matter_as(followed) | AgendaItem.objects.filter(pk=followed.pk)
    items = (
        AgendaItem.objects.published()
        .filter(pk__in=same.values("pk"))
        .filter(Q(source=document) | Q(minutes_source=document))
        .select_related("meeting__committee")
    )
    found = [Finding(f"{item.title} ({item.meeting})", item.get_absolute_url()) for item in items]
    decided = Resolution.objects.public().filter(source=document, item__in=items)
    return found + _decisions(decided)
