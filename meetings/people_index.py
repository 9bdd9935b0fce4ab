"""The people a paper names, found (or created) by the rule of ``meetings.person_matching``.

One query loads everyone the paper's names can mean (same surnames, and the spellings staff
merged); names are then resolved in memory, new people are created in one insert and known
people whose name a fuller mention completes ("Haysey" -> "L Haysey") are updated.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q
from django.utils.text import slugify

from meetings.matching import clean_person_name, person_key
from meetings.models import Person, PersonAlias
from meetings.person_matching import Known, NameParts, choose, merged, parse_name


class PeopleIndex:
    def __init__(self, council: str = "") -> None:
        self.council = council or ""
        self.known: dict[str, list[Known]] = defaultdict(list)
        self.loaded: set[str] = set()
        self.new_people: list[Person] = []
        self.changed: dict[int, Person] = {}

    def expect(self, names: Iterable[str | None]) -> None:
        """Load everyone these printed names can mean: one query, two when someone has
        another spelling of one of the surnames."""
        surnames = {p.surname for p in map(parse_name, names) if p is not None} - self.loaded
        if not surnames:
            return
        self.loaded |= surnames
        # One query for the people of these surnames, and whether anyone has another
        # spelling of one of them (the spellings are read only then).
        spelt = PersonAlias.objects.filter(surname__in=surnames)
        found = (
            Person.objects.filter(Q(surname__in=surnames) | Q(pk__in=spelt.values("person_id")))
            .annotate(has_spelling=Exists(spelt.filter(person=OuterRef("pk"))))
            .order_by("pk")
        )
        found = list(found)
        people = {p.pk: p for p in found if p.surname in surnames}
        for person in people.values():
            self.known[person.surname].append(Known(person, person.parts, person.council))
        if not any(p.has_spelling for p in found):
            return
        for alias in spelt.select_related("person"):
            parts = NameParts(alias.surname, tuple(alias.given.split()), alias.gender)
            person = people.get(alias.person_id, alias.person)
            self.known[alias.surname].append(Known(person, parts, person.council))

    def find(
        self, name: str | None, kind: str, *, create: bool = True, strict: bool = False
    ) -> Person | None:
        """The person a printed name means: created when nobody fits (if ``create``); with
        ``strict``, None when two different people fit equally well."""
        parts = parse_name(name)
        cleaned = clean_person_name(name or "")
        if parts is None or not cleaned:
            return None
        self.expect([name])
        known = self.known[parts.surname]
        same_kind = [k for k in known if k.key.kind == kind]
        found = choose(parts, same_kind, self.council, strict=strict) or choose(
            parts, known, self.council, strict=strict
        )
        if found is not None:
            self._complete(found, parts, cleaned)
            return found.key
        if not create:
            return None
        person = Person(name=cleaned[:200], kind=kind, council=self.council[:200])
        person.fill_name_parts(parts)
        person.gender = parts.gender
        known.append(Known(person, parts, person.council))
        self.new_people.append(person)
        return person

    def _complete(self, found: Known, parts: NameParts, cleaned: str) -> None:
        """A fuller mention completes the person's name (and says their gender)."""
        person: Person = found.key
        better = merged(person.parts, parts)
        if better == person.parts and (person.council or not self.council):
            return
        if better.detail() > person.parts.detail() and better.given != person.parts.given:
            person.name = cleaned[:200]
            person.match_key = person_key(person.name)
        person.surname, person.given, person.gender = (
            better.surname,
            " ".join(better.given)[:100],
            better.gender,
        )
        person.council = person.council or self.council[:200]
        known = self.known[person.surname]
        known[known.index(found)] = Known(person, person.parts, person.council)
        if person.pk is not None:
            self.changed[person.pk] = person

    def save(self) -> None:
        """Store the people first named here (one insert) and the ones completed."""
        if self.new_people:
            bases = [(p, slugify(p.name)[:80].strip("-") or "untitled") for p in self.new_people]
            taken = set(
                Person.objects.filter(slug__in={b for _, b in bases}).values_list("slug", flat=True)
            )
            for person, base in bases:
                slug, n = base, 2
                while slug in taken or (slug != base and Person.objects.filter(slug=slug).exists()):
                    slug = f"{base[:76]}-{n}"
                    n += 1
                person.slug = slug
                taken.add(slug)
                person.match_key = person.match_key or ""
            Person.objects.bulk_create(self.new_people)
            self.new_people = []
        if self.changed:
            Person.objects.bulk_update(
                list(self.changed.values()),
                ["name", "match_key", "surname", "given", "gender", "council"],
            )
            self.changed = {}
