"""People in search: a search for a councillor's name shows their page before any paper.

A person is found when a word of the search is their surname (or the words hold their whole
name as the portal keeps it); only people with a public record (attendance at a published
meeting) are found. People come on the first page of results, before the ranked matches.
"""

from __future__ import annotations

import re

from django.db.models import Q

from meetings.models import Person
from meetings.person_matching import agreement, compatible, parse_name

MAX_PEOPLE = 5


def _words(q: str) -> list[str]:
    """The search's words, without operators, quotes or excluded words."""
    q = re.sub(r"(?:^|\s)-\S+", " ", q or "")
    words = re.findall(r"[^\W\d_][\w'’-]*", q)
    return [w.replace("’", "'").lower() for w in words if w.lower() not in {"or", "and"}]


def people_for(q: str) -> list[dict]:
    """The people a search names, as search results (best first, at most a few)."""
    words = [w for w in _words(q) if len(w) > 1]
    if not words or len(words) > 4:
        return []
    people = Person.objects.with_public_attendance().filter(surname__in=words)
    if not people.exists():
        whole = " ".join(words)
        people = Person.objects.with_public_attendance().filter(
            Q(name__iexact=whole) | Q(surname__in=[w.rstrip("s") for w in words])
        )
    found = list(people.order_by("surname", "given", "pk")[:50])
    # The rest of the search agrees with the person: "roger gough" before "p gough".
    printed = parse_name(" ".join(_words(q)))

    def fit(person: Person) -> tuple[int, int]:
        if printed is None or printed.surname != person.surname:
            return (1, 0)
        return (0 if compatible(printed, person.parts) else 1, -agreement(printed, person.parts))

    found.sort(key=fit)
    return [_result(person) for person in found[:MAX_PEOPLE]]


def _result(person: Person) -> dict:
    details = [person.get_kind_display()]
    if person.party:
        details.append(person.party)
    if person.ward:
        details.append(person.ward)
    if person.role:
        details.append(person.role)
    return {
        "type": "person",
        "title": person.name,
        "url": person.get_absolute_url(),
        "summary": ", ".join(details),
    }
