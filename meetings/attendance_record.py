"""A meeting's attendance as read from a paper, written in one go (each person once per role)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from meetings.matching import clean_person_name, person_key
from meetings.models import Attendance, Meeting, Person


class AttendanceRecord:
    def __init__(self, meeting: Meeting, source=None) -> None:
        self.meeting = meeting
        self.source = source  # the paper read, or None for another record (Modern.Gov)
        self.rows: list[Attendance] = []
        self.seen: set[tuple[int, str]] = set()
        self.people: dict[str, list[Person]] | None = None

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
            person = Person.objects.create(name=cleaned[:200], kind=kind)
            self.people[key].append(person)
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
        if person is None or (person.pk, role) in self.seen:
            return None
        self.seen.add((person.pk, role))
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
        self.meeting.attendance.all().delete()
        Attendance.objects.bulk_create(self.rows)
