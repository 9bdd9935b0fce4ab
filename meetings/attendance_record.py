"""A meeting's attendance as read from a paper, written in one go (each person once per role)."""

from __future__ import annotations

from meetings.models import Attendance, Meeting, Person


class AttendanceRecord:
    def __init__(self, meeting: Meeting, source=None) -> None:
        self.meeting = meeting
        self.source = source  # the paper read, or None for another record (Modern.Gov)
        self.rows: list[Attendance] = []
        self.seen: set[tuple[int, str]] = set()

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
        person = Person.objects.for_printed_name(name, kind)
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
