"""The public forward plan: filters, and each entry's public face (``disclosure``)."""

from __future__ import annotations

import datetime as dt
import re

from django import forms

from decisions.models import ForwardPlanEntry
from meetings import disclosure


class PlanForm(forms.Form):
    month = forms.CharField(
        required=False,
        label="Month (YYYY-MM)",
        widget=forms.TextInput(attrs={"type": "month"}),
    )
    decision_maker = forms.CharField(required=False, label="Decision maker")
    key_decision = forms.ChoiceField(
        choices=[("", "Any"), ("yes", "Key decisions"), ("no", "Not key decisions")],
        required=False,
        label="Key decision",
    )

    def clean_month(self):
        value = self.cleaned_data.get("month") or ""
        if value and not re.fullmatch(r"(19|20)\d\d-(0[1-9]|1[0-2])", value):
            raise forms.ValidationError("Give a month as YYYY-MM, e.g. 2021-09.")
        return value


def filtered(data: dict):
    entries = ForwardPlanEntry.objects.public().select_related("item__meeting__committee")
    if data.get("month"):
        year, month = (int(x) for x in data["month"].split("-"))
        entries = entries.filter(exempt=False, decision_due__year=year, decision_due__month=month)
    # Filters that read withheld fields match only open entries, and entries to be taken in
    # private come last, in the order printed: their dates are not public.
    if data.get("decision_maker"):
        entries = entries.filter(exempt=False, decision_maker__icontains=data["decision_maker"])
    if data.get("key_decision"):
        entries = entries.filter(exempt=False, key_decision=data["key_decision"] == "yes")
    return entries.order_by("exempt", "decision_due", "order", "pk")


def faces(entries) -> list[dict]:
    """Each entry as the public may read it, with the item it was decided at (if public)."""
    shown = []
    for entry in entries:
        face = disclosure.forward_plan_face(entry)
        face["pk"] = entry.pk
        listed = getattr(entry, "item_listed", False) and not entry.exempt
        face["item"] = entry.item if listed else None
        face["short_notice"] = entry.short_notice if not entry.exempt else False
        shown.append(face)
    return shown


def month_of(day: dt.date | None) -> str:
    return day.strftime("%B %Y") if day else "Date to be confirmed"
