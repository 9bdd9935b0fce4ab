"""A meeting's recorded votes, motions and declarations as records of people.

Run after ``meeting_sync`` has written the meeting's items: the votes and motions read from
its minutes replace those read before (staff-corrected items keep theirs), each printed name
linked to its person by the matching rule (``meetings.person_matching``; a name that could
mean two people links no one), and each declaration's member, kind, leaving the room and
dispensation are read from its text.
"""

from __future__ import annotations

import re

from django.utils.text import slugify

from councillors.models import ItemWard, Motion, RecordedVote, VoteCast, Ward
from documents.ingest.interests import interests_in
from documents.ingest.votes import SIDES
from documents.ingest.wards import ALL_WARDS, wards_in
from meetings.models import Declaration, Person
from meetings.people_index import PeopleIndex


class CouncillorsRecord:
    def __init__(
        self, meeting, written, documents, *, new: bool = False, declarations=None
    ) -> None:
        self.meeting = meeting
        self.new = new  # made in this transaction: none of its items has a row to replace
        # A new meeting's declarations, as just written (read back from the database else).
        self.declarations = declarations
        self.written = [(item, plan) for item, plan in written if not item.corrected]
        self.documents = documents
        self.people = PeopleIndex(meeting.organisation)

    def save(self) -> None:
        if not self.new:
            ids = [item.pk for item, _ in self.written]
            RecordedVote.objects.filter(item_id__in=ids).exclude(source=None).delete()
            Motion.objects.filter(item_id__in=ids).exclude(source=None).delete()
        if self.declarations is not None:
            declarations = sorted(
                (d for d in self.declarations if d.source_id is not None), key=lambda d: d.pk
            )
        else:
            declarations = list(
                Declaration.objects.filter(meeting=self.meeting).exclude(source=None).order_by("pk")
            )
        found = _without_repeats(declarations, {d.pk: interests_in(d.text) for d in declarations})
        self.people.expect(
            [name for _, plan in self.written for vote, _ in plan.votes for name in _names(vote)]
            + [
                n
                for _, plan in self.written
                for m, _ in plan.motions
                for n in (m.mover, m.seconder)
            ]
            + [i.member for interests in found.values() for i in interests]
        )
        self._votes()
        self._motions()
        self._wards()
        self._interests(declarations, found)

    def _person(self, name: str | None) -> Person | None:
        person = self.people.find(name, Person.Kind.COUNCILLOR, create=False, strict=True)
        return person if person is not None and person.pk is not None else None

    def _ref(self, ref: int | None) -> int | None:
        return ref if ref in self.documents else None

    def _votes(self) -> None:
        votes, casts = [], []
        for item, plan in self.written:
            for order, (parsed, ref) in enumerate(plan.votes, start=1):
                vote = RecordedVote(
                    item=item,
                    order=order,
                    question=parsed.question[:300],
                    result=parsed.result[:40],
                    source_id=self._ref(ref),
                )
                votes.append(vote)
                for side in SIDES:
                    for name in parsed.side(side):
                        cast = VoteCast(vote=vote, position=side, name=name[:200])
                        cast.person = self._person(name)
                        cast.order = len(casts)
                        casts.append(cast)
        RecordedVote.objects.bulk_create(votes)
        for cast in casts:
            cast.vote_id = cast.vote.pk
        VoteCast.objects.bulk_create(casts)

    def _motions(self) -> None:
        rows = []
        for item, plan in self.written:
            for order, (parsed, ref) in enumerate(plan.motions, start=1):
                rows.append(
                    Motion(
                        item=item,
                        order=order,
                        kind=parsed.kind if parsed.kind in Motion.Kind.values else "motion",
                        mover=(parsed.mover or "")[:200],
                        seconder=(parsed.seconder or "")[:200],
                        mover_person=self._person(parsed.mover),
                        seconder_person=self._person(parsed.seconder),
                        result=(parsed.result or "")[:40],
                        tally=(parsed.tally or "")[:40],
                        source_id=self._ref(ref),
                    )
                )
        Motion.objects.bulk_create(rows)

    def _wards(self) -> None:
        """Links from items to the wards their report's front sheet names."""
        if not self.new:
            ItemWard.objects.filter(item_id__in=[i.pk for i, _ in self.written]).delete()
        named = {
            (item.pk, name, plan.report_source)
            for item, plan in self.written
            if plan.report is not None
            for name in wards_in(plan.report.local_councillors)
        }
        wards = {}
        for name in sorted({name for _, name, _ in named}):
            wards[name] = Ward.objects.get_or_create(
                name=name[:100],
                defaults={"slug": slugify(name)[:100] or "ward", "is_all": name == ALL_WARDS},
            )[0]
        ItemWard.objects.bulk_create(
            ItemWard(item_id=item, ward=wards[name], source_id=self._ref(ref))
            for item, name, ref in sorted(named, key=lambda row: (row[0], row[1]))
        )

    def _interests(self, declarations: list[Declaration], found: dict) -> None:
        changed, extra = [], []
        for declaration in declarations:
            for n, interest in enumerate(found[declaration.pk]):
                row = (
                    declaration
                    if n == 0
                    else Declaration(
                        meeting_id=declaration.meeting_id,
                        item_id=declaration.item_id,
                        text=declaration.text,
                        order=declaration.order,
                        source_id=declaration.source_id,
                    )
                )
                row.member = interest.member[:200]
                row.kind = interest.kind
                row.left_room = interest.left_room
                row.dispensation = interest.dispensation
                row.person = self._person(interest.member)
                (changed if n == 0 else extra).append(row)
        fields = ["member", "kind", "left_room", "dispensation", "person"]
        Declaration.objects.bulk_update(changed, fields)
        Declaration.objects.bulk_create(extra)


def _names(vote) -> list[str]:
    return [name for side in SIDES for name in vote.side(side)]


def _without_repeats(declarations: list[Declaration], found: dict) -> dict:
    """A declaration noted "later in the meeting" in the declarations minute and printed again
    at the item it was made on is one declaration, kept at the item."""
    members = {}
    for d in declarations:
        for interest in found[d.pk]:
            members.setdefault(interest.member, set()).add(d.pk)
    for d in declarations:
        if re.search(r"later\s+in\s+the\s+meeting", d.text, re.I):
            found[d.pk] = [i for i in found[d.pk] if len(members[i.member]) < 2]
    return found
