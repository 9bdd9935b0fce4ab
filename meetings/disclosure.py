"""What the public may see: the one rule, as ORM expressions every public surface uses.

Pages, the API, the export, feeds, calendars, the sitemap and search all ask here, so what
"public" means is decided in one place:

- A **paper** is public when it is published, its meeting is published, it is not withheld in
  full, and no later version of the same paper has been published (a draft new version leaves
  the published one in place until the draft itself is published).
- Every **record** read from a paper (an item, a minute, a resolution, a report's front sheet,
  attendance, a declaration) knows the paper it came from (``source``) and is public only
  when that paper is published and not withheld in full, and its meeting is published. Records
  staff typed in (no source) are public with their meeting.
- An **exempt item** (Schedule 12A) shows the public its number and title, and what the
  council printed in its public minutes (the minute's text and resolutions), unless a clerk
  withheld the minute; its report's front sheet and the pages of its paper are withheld, and
  so are its parts (sub-items), which the public sees only as the exempt item itself.
- A **page** is public when its paper is, unless it lies in the paper of an exempt item, or in
  the minute of an item whose minute is withheld.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q


def is_withheld_item(item) -> bool:
    """In Python, for an item in hand: exempt, or a part of exempt business."""
    return item.exempt or bool(item.parent_id and item.parent.exempt)


def shown_as(item):
    """The item whose number and title the public sees at ``item``'s place: a part of
    exempt business shows only its exempt item."""
    return item.parent if item.parent_id and item.parent.exempt else item


def _at(prefix: str, **lookups) -> Q:
    return Q(**{f"{prefix}{name}": value for name, value in lookups.items()})


def public_meeting(prefix: str = "") -> Q:
    """The meeting at ``prefix`` is published (staff publish a meeting with its papers)."""
    return _at(prefix, is_published=True)


def listed_meeting(prefix: str = "") -> Q:
    """The meeting at ``prefix`` is public and was held as a meeting: not the container of
    a record of one person's decision (``Meeting.is_decision_record``), which the public
    sees as a decision in the register (its papers stay public)."""
    return public_meeting(prefix) & _at(prefix, is_decision_record=False)


def withheld_item(prefix: str = "") -> Q:
    """An exempt item, or a part of exempt business."""
    return _at(prefix, exempt=True) | _at(prefix, parent__exempt=True)


def part_of_exempt(prefix: str = "") -> Q:
    """A part (sub-item) of an exempt item: its withheld business."""
    return _at(prefix, parent__exempt=True)


def later_published_version(prefix: str = "") -> Exists:
    """A published later version of the paper at ``prefix`` (an OuterRef path)."""
    from documents.models import Document

    return Exists(
        Document.objects.filter(
            meeting_id=OuterRef(f"{prefix}meeting_id"),
            identity=OuterRef(f"{prefix}identity"),
            version__gt=OuterRef(f"{prefix}version"),
            is_published=True,
        ).exclude(identity="")  # a paper with no identity has no other versions
    )


def replaced(prefix: str = "") -> Q:
    """The paper at ``prefix`` has a published later version (by identity, or the newest
    version its ``superseded_by`` names)."""
    return Q(later_published_version(prefix)) | _at(prefix, superseded_by__is_published=True)


def published_paper(prefix: str = "") -> Q:
    """The paper at ``prefix`` and its meeting are published, and no published later version
    replaces it (exempt or not: staff and the pages' own withholding decide the rest)."""
    return _at(prefix, is_published=True, meeting__is_published=True) & ~replaced(prefix)


def public_paper() -> Q:
    """For Document querysets: the papers the public may open."""
    return Q(is_published=True, is_exempt=False, meeting__is_published=True) & ~replaced()


def published_source(prefix: str = "source__") -> Q:
    """The record at ``prefix`` came from a published paper, or was typed in by staff."""
    field = prefix.removesuffix("__")
    return Q(**{f"{field}__isnull": True}) | _at(prefix, is_published=True, is_exempt=False)


def listed_item(prefix: str = "") -> Q:
    """An item a public agenda lists (by title at least): its paper and meeting are
    published, and it is not a part of exempt business."""
    return (
        _at(prefix, meeting__is_published=True)
        & published_source(f"{prefix}source__")
        & ~_at(prefix, parent__exempt=True)
        & (_at(prefix, parent__isnull=True) | published_source(f"{prefix}parent__source__"))
    )


def open_item(prefix: str = "") -> Q:
    """A listed item that is not exempt: its report and papers are public too."""
    return listed_item(prefix) & _at(prefix, exempt=False)


def public_minute(prefix: str = "") -> Q:
    """A listed item whose minute (number, text, reasons) the public may read."""
    return (
        listed_item(prefix)
        & published_source(f"{prefix}minutes_source__")
        & _at(prefix, minute_withheld=False)
    )


def public_resolution() -> Q:
    """For Resolution querysets."""
    return listed_item("item__") & published_source() & Q(item__minute_withheld=False)


def public_vote_cast() -> Q:
    """For VoteCast querysets: a name in a recorded vote the public may read (the vote is
    public as the minute's resolutions are: printed in published public minutes)."""
    return (
        listed_item("vote__item__")
        & published_source("vote__source__")
        & Q(vote__item__minute_withheld=False)
    )


def public_item_ward() -> Q:
    """For ItemWard querysets: a ward named on a public report's front sheet (an open item's,
    read from a published paper)."""
    return open_item("item__") & published_source()


def reachable_item(prefix: str = "") -> Q:
    """An item with a public address: a listed item, or a part of a listed exempt item (whose
    address shows only the exempt item's face)."""
    part_of_exempt = (
        _at(prefix, parent__exempt=True)
        & published_source(f"{prefix}source__")
        & listed_item(f"{prefix}parent__")
    )
    return listed_item(prefix) | part_of_exempt


def public_report() -> Q:
    """For Report querysets: the front sheet of an open item's report."""
    return open_item("item__") & published_source()


def public_declaration() -> Q:
    """For Declaration querysets."""
    on_item = Q(item__isnull=True) | (listed_item("item__") & Q(item__minute_withheld=False))
    return Q(meeting__is_published=True) & published_source() & on_item


def public_attendance() -> Q:
    """For Attendance querysets."""
    return Q(meeting__is_published=True) & published_source()


def withheld_range() -> Q:
    """For PageRange querysets: the range holds an exempt item's paper (a printed minute is
    public), or the minute of an item whose minute is withheld."""
    exempt_paper = (Q(item__exempt=True) | Q(item__parent__exempt=True)) & ~Q(
        document__kind="minutes"
    )
    withheld_minute = Q(item__minute_withheld=True) | Q(item__parent__minute_withheld=True)
    return exempt_paper | withheld_minute


def withheld_page() -> Exists:
    """For Page querysets: the page holds an exempt item's paper, or a withheld minute."""
    from documents.models import PageRange

    return Exists(
        PageRange.objects.filter(
            withheld_range(),
            holds_paper=True,
            document_id=OuterRef("document_id"),
            start__lte=OuterRef("number"),
            end__gte=OuterRef("number"),
        )
    )


def public_page() -> Q:
    """For Page querysets: pages a resident may read."""
    return (
        _at("document__", is_published=True, is_exempt=False, meeting__is_published=True)
        & ~replaced("document__")
        & ~Q(withheld_page())
    )


def public_page_range() -> Q:
    """For PageRange querysets: where a listed item sits in a public paper (public, like its
    title, even where the pages themselves are withheld)."""
    return (
        listed_item("item__")
        & _at("document__", is_published=True, is_exempt=False, meeting__is_published=True)
        & ~replaced("document__")
    )


def _read_from_public_paper(prefix: str = "source__") -> Q:
    """The record was read from a paper the public may open (its meeting published, not
    withheld in full, not replaced by a published later version)."""
    return (
        Q(**{f"{prefix.removesuffix('__')}__isnull": False})
        & _at(prefix, is_published=True, is_exempt=False, meeting__is_published=True)
        & ~replaced(prefix)
    )


def public_decision() -> Q:
    """For Decision querysets (records of decision and call-in statuses). A decision read
    from a paper is public with that paper; one typed in by staff when they publish it. One
    taken at an item needs the item listed and its minute not withheld; a record attached to
    an exempt item is that item's paper and is withheld (a status staff set on the item shows
    what its printed minutes show)."""
    typed = Q(source__isnull=True, is_published=True)
    on_meeting = Q(meeting__isnull=True) | public_meeting("meeting__")
    on_item = Q(item__isnull=True) | (
        listed_item("item__")
        & Q(item__minute_withheld=False)
        & (Q(item__exempt=False) | Q(source__isnull=True))
    )
    return (_read_from_public_paper() | typed) & on_meeting & on_item


def public_forward_plan_entry() -> Q:
    """For ForwardPlanEntry querysets: entries read from public pages of a public paper, and
    entries typed in by staff and published. An exempt entry is public by its face only
    (``forward_plan_face``)."""
    from documents.models import PageRange

    on_withheld_page = Exists(
        PageRange.objects.filter(
            withheld_range(),
            holds_paper=True,
            document_id=OuterRef("source_id"),
            start__lte=OuterRef("page"),
            end__gte=OuterRef("page"),
        )
    )
    read = _read_from_public_paper() & ~Q(on_withheld_page)
    return read | Q(source__isnull=True, is_published=True)


#: What the public sees of a forward plan entry to be taken in private: its subject and the
#: Schedule 12A paragraph, nothing else (not its description, people or dates).
FORWARD_PLAN_EXEMPT_FACE = ("subject", "exempt", "exempt_paragraph")


def forward_plan_face(entry) -> dict:
    """The fields of a (public) forward plan entry the public may read, by name; a withheld
    field is None."""
    fields = (
        "reference", "subject", "description", "decision_maker", "due_value", "due_display",
        "key_decision", "exempt", "exempt_paragraph", "portfolio_holder", "officer_contact",
        "consultees", "published",
    )  # fmt: skip
    return {
        name: (
            getattr(entry, name) if not entry.exempt or name in FORWARD_PLAN_EXEMPT_FACE else None
        )
        for name in fields
    }
