"""The meeting a clerk says a paper is for, and the committee that name means.

A clerk always knows which meeting a paper belongs to; the portal takes that from the
upload form, from ``--committee``/``--date``, or from the folder the file lies in: any PDF
under a folder whose name starts with a date (``YYYY-MM-DD``, anything may follow) belongs to
that date's meeting of the committee named by the date folder's parent
(``papers/cabinet/2025-01-30/originals/Appendix A.pdf`` -> Cabinet, 30 January 2025).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import slugify

from meetings.models import Committee, CommitteeAlias

DATE_FOLDER = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_FILLER = {"the", "of", "and", "meeting", "committee"}


@dataclass(frozen=True)
class MeetingContext:
    committee: str | None = None
    date: dt.date | None = None
    origin: str = ""  # where it came from, for messages: "the folder …", "--committee/--date"

    def __bool__(self) -> bool:
        return bool(self.committee or self.date)


def folder_context(path: Path) -> MeetingContext:
    """The meeting a file's folders name, if they follow the layout."""
    for folder in Path(path).parents:
        found = DATE_FOLDER.match(folder.name)
        if not found:
            continue
        try:
            date = dt.date(*map(int, found.groups()))
        except ValueError:
            continue
        committee = folder.parent.name if folder.parent != folder else ""
        if not committee or DATE_FOLDER.match(committee):
            return MeetingContext(None, date, f"the folder {folder.name}")
        return MeetingContext(
            pretty_name(committee), date, f"the folder {folder.parent.name}/{folder.name}"
        )
    return MeetingContext()


def pretty_name(folder_name: str) -> str:
    """'county-council' -> 'County Council'; a name already in capitals is kept."""
    name = " ".join(re.split(r"[-_\s]+", folder_name.strip()))
    return name if any(c.isupper() for c in name) else name.title()


def name_key(name: str | None) -> str:
    text = re.sub(r"[^a-z0-9]+", " ", (name or "").lower())
    return " ".join(text.split())


def agrees(printed: str | None, context: str | None) -> bool:
    """Whether the committee a paper prints is the one the context names."""
    a = [w for w in name_key(printed).split() if w not in _FILLER]
    b = [w for w in name_key(context).split() if w not in _FILLER]
    if not a or not b:
        return False
    return a == b or set(b) <= set(a) or set(a) <= set(b)


def find_committee(name: str) -> Committee | None:
    key = name_key(name)
    if not key:
        return None
    # One query for the three ways a committee is known; the name wins, then the slug,
    # then an alias (each in the model's order, as three queries in turn would find them).
    name, slug = name.strip(), key.replace(" ", "-")
    found = list(
        Committee.objects.filter(Q(name__iexact=name) | Q(slug=slug) | Q(aliases__key=key))
        .distinct()
        .order_by("name", "pk")
    )
    for matches in (
        lambda c: c.name.casefold() == name.casefold(),
        lambda c: c.slug == slug,
        lambda c: True,
    ):
        hit = next((c for c in found if matches(c)), None)
        if hit is not None:
            return hit
    return None


def committee_for(context_name: str | None, printed: str | None) -> Committee:
    """The committee a paper is filed under: the context's, named as the agenda or minutes
    print it when they agree with the context; the context's name is then an alias."""
    return place_committee(context_name, printed)[0]


def place_committee(
    context_name: str | None, printed: str | None
) -> tuple[Committee, list[str] | None]:
    """``committee_for``, and all the names of the committee when it was made now (it has
    no meetings yet, and no other names than these); None when it was there before."""
    if not context_name:
        committee = find_committee(printed)
        if committee is not None:
            return committee, None
        committee = _new_committee(printed)
        return committee, [committee.name]
    display = printed.strip()[:200] if printed and agrees(printed, context_name) else None
    committee = find_committee(context_name)
    made = False
    if committee is None:
        committee = find_committee(display) if display else None
        if committee is None:
            committee = _new_committee(display or context_name)
            made = True
    elif (
        display
        and committee.name == pretty_name(context_name) != display
        and not Committee.objects.filter(name__iexact=display).exclude(pk=committee.pk).exists()
    ):
        # Named after a folder until a paper printed the name: take the printed one.
        committee.name = display
        committee.save(update_fields=["name", "updated"])
    alias = remember_alias(committee, context_name)
    if not made:
        return committee, None
    return committee, [committee.name, *([alias] if alias else [])]


def _new_committee(name: str) -> Committee:
    """A committee of the name ``find_committee`` has just not found. No committee has the
    slug it looked for, so the slug the name makes is free when it is that one (else it is
    chosen by ``Committee.save``, as for any new committee)."""
    searched = name_key(name).replace(" ", "-")
    name = name.strip()[:200]
    slug = slugify(name)[:80].strip("-")
    return Committee.objects.create(name=name, slug=slug if slug == searched else "")


def remember_alias(committee: Committee, name: str) -> str | None:
    """Keep ``name`` as another name of the committee; the key, when it was added now."""
    key = name_key(name)
    if not key or key == name_key(committee.name):
        return None
    if CommitteeAlias.objects.filter(key=key).exists():
        return None
    try:
        with transaction.atomic():
            CommitteeAlias.objects.create(committee=committee, key=key[:200])
    except IntegrityError:
        return None  # another ingest named it at the same moment
    return key[:200]
