"""Staff corrections to people: merge two records into one, split meetings off into a new one.

A merge moves everything recorded against one person (attendance, substitutions, declarations,
votes, motions, spellings) to the other and keeps the merged record's spelling as an alias, so
reading the same papers again matches both spellings to the one person. A split moves the
chosen meetings' attendance (and the votes and declarations at those meetings) to a new person;
its spelling is no longer an alias of the old one.
"""

from __future__ import annotations

from django.db import transaction

from councillors.models import Motion, VoteCast
from meetings.models import Attendance, Declaration, Person, PersonAlias


@transaction.atomic
def merge_people(keep: Person, other: Person) -> Person:
    """Move ``other``'s records to ``keep`` and delete ``other``; returns ``keep``."""
    if keep.pk == other.pk:
        return keep
    taken = set(keep.attendance.values_list("meeting_id", "role"))
    for row in Attendance.objects.filter(person=other):
        if (row.meeting_id, row.role) in taken:
            row.delete()  # both listed at one meeting in one role: one row is enough
        else:
            row.person = keep
            row.save(update_fields=["person"])
    Attendance.objects.filter(substitute_for=other).update(substitute_for=keep)
    Declaration.objects.filter(person=other).update(person=keep)
    VoteCast.objects.filter(person=other).update(person=keep)
    Motion.objects.filter(mover_person=other).update(mover_person=keep)
    Motion.objects.filter(seconder_person=other).update(seconder_person=keep)
    PersonAlias.objects.filter(person=other).update(person=keep)
    PersonAlias.objects.create(
        person=keep,
        name=other.name,
        surname=other.surname,
        given=other.given,
        gender=other.gender,
    )
    for field in ("party", "ward", "role", "council"):
        if not getattr(keep, field) and getattr(other, field):
            setattr(keep, field, getattr(other, field))
    keep.save()
    other.delete()
    return keep


@transaction.atomic
def split_person(person: Person, name: str, meeting_ids: list[int]) -> Person:
    """A new person named ``name`` who takes ``person``'s records at the given meetings."""
    new = Person.objects.create(name=name, kind=person.kind, council=person.council)
    Attendance.objects.filter(person=person, meeting_id__in=meeting_ids).update(person=new)
    Declaration.objects.filter(person=person, meeting_id__in=meeting_ids).update(person=new)
    VoteCast.objects.filter(person=person, vote__item__meeting_id__in=meeting_ids).update(
        person=new
    )
    PersonAlias.objects.filter(person=person, surname=new.surname, given=new.given).delete()
    return new
