"""A meeting's attendance as read from a paper, written in one go (each person once per role)."""

from __future__ import annotations

from collections.abc import Iterable

from meetings.models import Attendance, Meeting, Person
from meetings.people_index import PeopleIndex


class AttendanceRecord:
    def __init__(self, meeting: Meeting, source=None, people: PeopleIndex | None = None) -> None:
        self.meeting = meeting
        self.source = source  # the paper read, or None for another record (Modern.Gov)
        self.rows: list[Attendance] = []
        self.seen: set[tuple[object, str]] = set()
        self.people = people or PeopleIndex(meeting.organisation)

    def expect(self, names: Iterable[str | None]) -> None:
        """Look up, in one query, everyone these printed names may mean."""
        self.people.expect(names)

    def person(self, name: str | None, kind: str) -> Person | None:
        """The person a paper names, by the matching rule (created on first mention)."""
        return self.people.find(name, kind)

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
        if person is None:  # no name a person can be found by ("Mr", "J.")
            return None
        who = person.pk if person.pk is not None else id(person)
        if (who, role) in self.seen:
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

    def save(self, *, replace: bool = True) -> None:
        """Replace the meeting's attendance with what was recorded (``replace=False``: the
        meeting was made in this transaction and has none to replace)."""
        self.people.save()
        if replace:
            self.meeting.attendance.all().delete()
        Attendance.objects.bulk_create(self.rows)
