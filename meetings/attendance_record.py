"""A meeting's attendance as read from a paper, written in one go (each person once per role)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.utils.text import slugify

from meetings.matching import clean_person_name, person_key
from meetings.models import Attendance, Meeting, Person


class AttendanceRecord:
    def __init__(self, meeting: Meeting, source=None) -> None:
        self.meeting = meeting
        self.source = source  # the paper read, or None for another record (Modern.Gov)
        self.rows: list[Attendance] = []
        self.seen: set[tuple[object, str]] = set()
        self.people: dict[str, list[Person]] | None = None
        self.new_people: list[Person] = []  # first named here: stored in one go by save()

    def expect(self, names: Iterable[str | None]) -> None:
        """Look up, in one query, everyone these printed names may mean."""
        keys = {person_key(clean_person_name(name or "")) for name in names} - {""}
        self.people = defaultdict(list)
        for person in Person.objects.filter(match_key__in=keys):  # in name order, as first()
            self.people[person.match_key].append(person)

    def person(self, name: str | None, kind: str) -> Person | None:
        """The person a paper names, as ``Person.objects.for_printed_name`` finds them."""
        if self.people is None:
            return Person.objects.for_printed_name(name, kind)
        cleaned = clean_person_name(name or "")
        key = person_key(cleaned)
        if not key:
            return None
        found = self.people.get(key) or []
        person = next((p for p in found if p.kind == kind), None) or next(iter(found), None)
        if person is None:
            person = Person(name=cleaned[:200], kind=kind, match_key=person_key(cleaned[:200]))
            self.people[key].append(person)
            self.new_people.append(person)
        return person

    def add(
        self,
        name: str | None,
        role: str,
        kind: str,
        *,
        substitute_for: Person | None = None,
        is_chair: bool = False,
    ) -> Person | None:
        """Record the person a paper names in ``role``; a repeat or an empty name is skipped."""
        person = self.person(name, kind)
        who = person.pk if person is None or person.pk is not None else id(person)
        if person is None or (who, role) in self.seen:
            return None
        self.seen.add((who, role))
        self.rows.append(
            Attendance(
                meeting=self.meeting,
                person=person,
                role=role,
                substitute_for=substitute_for,
                is_chair=is_chair,
                order=len(self.rows),
                source=self.source,
            )
        )
        return person

    def save(self) -> None:
        """Replace the meeting's attendance with what was recorded."""
        self._store_new_people()
        self.meeting.attendance.all().delete()
        Attendance.objects.bulk_create(self.rows)

    def _store_new_people(self) -> None:
        """The people first named here, each with a slug of their own, in one insert."""
        if not self.new_people:
            return
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
        Person.objects.bulk_create(self.new_people)
