"""What a subscribe link asks to follow, read from its query string.

``?q=WORDS`` (with any other ``/search/`` parameter) is a saved search, ``?committee=SLUG``
alone a committee, ``?person=SLUG`` a person, ``?item=ID`` an item's matter. Each target must
be public itself: a committee with public meetings, a person on public attendance, a listed
item; anything else is "nothing to follow".
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict
from django.utils.http import urlencode

from documents.search.filters import search_request_from
from documents.search.query import QueryError, parse
from meetings.disclosure import shown_as
from meetings.models import AgendaItem, Committee, Person

SEARCH_KEYS = ("q", "committee", "from", "to", "type")


class NoTarget(ValueError):
    """The link names nothing public to follow; the message says why."""


@dataclass
class Target:
    kind: str
    label: str
    committee: Committee | None = None
    person: Person | None = None
    item: AgendaItem | None = None
    query: str = ""

    def fields(self) -> dict:
        return {
            "kind": self.kind,
            "label": self.label[:400],
            "committee": self.committee,
            "person": self.person,
            "item": self.item,
            "query": self.query,
        }


def saved_query(params: QueryDict) -> str:
    """The search parameters alone, in a fixed order (two links to one search are one)."""
    pairs = [(key, value) for key in SEARCH_KEYS for value in params.getlist(key) if value]
    return urlencode(sorted(pairs, key=lambda pair: SEARCH_KEYS.index(pair[0])))


def describe_search(params: QueryDict) -> str:
    label = f"Search: “{params.get('q', '').strip()}”"
    committees = Committee.objects.with_public_meetings().filter(
        slug__in=params.getlist("committee")
    )
    names = ", ".join(sorted(c.name for c in committees))
    if names:
        label += f" in {names}"
    if params.get("from"):
        label += f" from {params['from']}"
    if params.get("to"):
        label += f" to {params['to']}"
    return label


def target_from(params: QueryDict) -> Target:
    if params.get("q", "").strip():
        try:
            search_request_from(params)
            parse(params["q"])
        except QueryError as error:
            raise NoTarget(f"that search cannot be run: {error}") from None
        return Target("search", describe_search(params), query=saved_query(params))
    if slug := params.get("committee"):
        committee = Committee.objects.with_public_meetings().filter(slug=slug).first()
        if committee is None:
            raise NoTarget("there is no such committee")
        return Target("committee", committee.name, committee=committee)
    if slug := params.get("person"):
        person = Person.objects.with_public_attendance().filter(slug=slug).first()
        if person is None:
            raise NoTarget("there is no such person")
        return Target("person", person.name, person=person)
    if raw := params.get("item"):
        item = AgendaItem.objects.published().filter(pk=raw if raw.isdigit() else None).first()
        if item is None:
            raise NoTarget("there is no such agenda item")
        item = shown_as(item)
        return Target("matter", f"{item.title} (first at {item.meeting})", item=item)
    raise NoTarget("say what to follow: a search, a committee, a person or an agenda item")
