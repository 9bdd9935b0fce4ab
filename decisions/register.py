"""The decisions register: each decided matter once, across committee resolutions and
executive and officer decisions, with its numbered parts under it.

Two kinds of row make it up, merged in date order by the database (one ``UNION``):
a public ``Decision`` (a record of decision, or a resolution whose call-in status was set),
and an agenda item with public resolutions that no public decision stands for. The parts of
an item's entry are its resolutions; a decision shows its own parts, or its item's
resolutions when it has none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django import forms
from django.db.models import Exists, F, IntegerField, OuterRef, Prefetch, Q, Value
from django.db.models.functions import Coalesce

from decisions.models import CallInStatus, Decision, DecisionKind
from meetings import disclosure
from meetings.models import AgendaItem, Committee, Resolution
from portal.widgets import DayMonthYear

#: A committee whose resolutions are executive decisions.
EXECUTIVE_COMMITTEE = r"(cabinet|executive)"
_NO_DATE = dt.date(1900, 1, 1)


class RegisterForm(forms.Form):
    q = forms.CharField(required=False, label="Containing the words")
    committee = forms.ModelChoiceField(
        queryset=Committee.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label="All committees",
        label="Committee",
    )
    decision_maker = forms.CharField(required=False, label="Decision maker")
    kind = forms.ChoiceField(
        choices=[("", "All types"), *DecisionKind.choices], required=False, label="Type"
    )
    key_decision = forms.ChoiceField(
        choices=[("", "Any"), ("yes", "Key decisions"), ("no", "Not key decisions")],
        required=False,
        label="Key decision",
    )
    status = forms.ChoiceField(
        choices=[("", "Any status"), *CallInStatus.choices], required=False, label="Status"
    )
    date_from = forms.DateField(required=False, label="From", widget=DayMonthYear)
    date_to = forms.DateField(required=False, label="To", widget=DayMonthYear)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        committees = Committee.objects.with_public_meetings().order_by("name")
        self.fields["committee"].queryset = committees


def public_decisions():
    return Decision.objects.public()


def undecided_items():
    """Items with public resolutions that no public decision stands for."""
    resolved = Resolution.objects.public().filter(item_id=OuterRef("pk"))
    stood_for = public_decisions().filter(item_id=OuterRef("pk"))
    return AgendaItem.objects.filter(
        disclosure.listed_item(), Exists(resolved), ~Exists(stood_for), minute_withheld=False
    )


def _filter_decisions(qs, data: dict):
    qs = qs.annotate(sort_date=Coalesce("date", "meeting__date", Value(_NO_DATE)))
    if data.get("committee"):
        qs = qs.filter(meeting__committee=data["committee"])
    if data.get("decision_maker"):
        qs = qs.filter(decision_maker__icontains=data["decision_maker"])
    if data.get("kind"):
        qs = qs.filter(kind=data["kind"])
    if data.get("key_decision"):
        qs = qs.filter(key_decision=data["key_decision"] == "yes")
    if data.get("status"):
        qs = qs.filter(status=data["status"])
    if data.get("date_from"):
        qs = qs.filter(sort_date__gte=data["date_from"])
    if data.get("date_to"):
        qs = qs.filter(sort_date__lte=data["date_to"])
    for word in (data.get("q") or "").split()[:10]:
        public_parts = Resolution.objects.public().filter(
            item_id=OuterRef("item_id"), text__icontains=word
        )
        qs = qs.filter(
            Q(title__icontains=word)
            | Q(reference__icontains=word)
            | Q(parts__text__icontains=word)
            | Exists(public_parts)
        )
    return qs.distinct() if data.get("q") else qs


def _filter_items(qs, data: dict):
    if data.get("committee"):
        qs = qs.filter(meeting__committee=data["committee"])
    if data.get("decision_maker"):
        qs = qs.filter(meeting__committee__name__icontains=data["decision_maker"])
    kind = data.get("kind")
    if kind == DecisionKind.OFFICER or data.get("key_decision"):
        return qs.none()  # a resolution is no officer decision; its key status is not known
    if kind == DecisionKind.EXECUTIVE:
        qs = qs.filter(meeting__committee__name__iregex=EXECUTIVE_COMMITTEE)
    elif kind == DecisionKind.COMMITTEE:
        qs = qs.exclude(meeting__committee__name__iregex=EXECUTIVE_COMMITTEE)
    if data.get("status") and data["status"] != CallInStatus.MADE:
        return qs.none()
    if data.get("date_from"):
        qs = qs.filter(meeting__date__gte=data["date_from"])
    if data.get("date_to"):
        qs = qs.filter(meeting__date__lte=data["date_to"])
    for word in (data.get("q") or "").split()[:10]:
        words = Resolution.objects.public().filter(item_id=OuterRef("pk"), text__icontains=word)
        qs = qs.filter(Q(title__icontains=word) | Exists(words))
    return qs


def register_rows(data: dict | None = None):
    """(date, pk, is_decision) rows of the register, newest first: one per decided matter."""
    data = data or {}
    decisions = (
        _filter_decisions(public_decisions(), data)
        .annotate(row_kind=Value(1, output_field=IntegerField()))
        .order_by()
        .values_list("sort_date", "pk", "row_kind")
    )
    items = (
        _filter_items(undecided_items(), data)
        .annotate(sort_date=F("meeting__date"), row_kind=Value(0, output_field=IntegerField()))
        .order_by()
        .values_list("sort_date", "pk", "row_kind")
    )
    return decisions.union(items, all=True).order_by("-sort_date", "-row_kind", "-pk")


@dataclass
class Entry:
    """One line of the register, whichever kind of row it came from."""

    title: str
    url: str
    kind: str
    date: dt.date | None
    decision_maker: str
    parts: list = field(default_factory=list)  # objects with .number and .text
    reference: str = ""
    status: str = ""
    key_decision: bool | None = None
    item: AgendaItem | None = None
    decision: Decision | None = None


def _item_kind(item: AgendaItem) -> str:
    import re

    executive = re.search(EXECUTIVE_COMMITTEE, item.meeting.committee.name, re.I)
    return DecisionKind.EXECUTIVE if executive else DecisionKind.COMMITTEE


def entries_for(rows) -> list[Entry]:
    """The register's entries for a page of ``register_rows``, in the same order."""
    rows = list(rows)
    decision_ids = [pk for _, pk, is_decision in rows if is_decision]
    item_ids = [pk for _, pk, is_decision in rows if not is_decision]
    resolutions = Prefetch("resolutions", queryset=Resolution.objects.public())
    decisions, items = {}, {}
    if decision_ids:
        decisions = Decision.objects.select_related(
            "item__meeting__committee", "meeting__committee", "item__parent"
        ).prefetch_related("parts", Prefetch("item__resolutions", Resolution.objects.public()))
        decisions = decisions.in_bulk(decision_ids)
    if item_ids:
        items = (
            AgendaItem.objects.select_related("meeting__committee", "parent")
            .prefetch_related(resolutions)
            .in_bulk(item_ids)
        )
    entries = []
    for _, pk, is_decision in rows:
        entries.append(decision_entry(decisions[pk]) if is_decision else item_entry(items[pk]))
    return entries


def item_entry(item: AgendaItem) -> Entry:
    return Entry(
        title=disclosure.shown_as(item).title,
        url=item.get_absolute_url(),
        kind=_item_kind(item),
        date=item.meeting.date,
        decision_maker=item.meeting.committee.name,
        parts=list(item.resolutions.all()),
        status=CallInStatus.MADE.label,
        item=item,
    )


def decision_entry(decision: Decision) -> Entry:
    item = decision.item
    parts = list(decision.parts.all()) or (list(item.resolutions.all()) if item else [])
    meeting = decision.meeting or (item.meeting if item else None)
    if meeting and meeting.is_decision_record:
        item = meeting = None  # filed on its own, not taken at a meeting
    return Entry(
        title=decision.title,
        url=decision.get_absolute_url(),
        kind=decision.kind,
        date=decision.date or (meeting.date if meeting else None),
        decision_maker=decision.decision_maker or (meeting.committee.name if meeting else ""),
        parts=parts,
        reference=decision.reference,
        status=decision.status_label(),
        key_decision=decision.key_decision,
        item=item,
        decision=decision,
    )
