"""The forward plan and the decisions register as open data (``forward_plan`` and
``decisions`` of contracts/export.schema.json), for the export and the API. Only what the
public pages show: public entries, an exempt entry's face, each decided matter once."""

from __future__ import annotations

from datetime import date as Date

from django.db.models import Count, Max, Sum

from decisions import register
from decisions.models import Decision, DecisionPart, ForwardPlanEntry
from meetings import disclosure
from meetings.models import Committee

PLAN_FIELDS = (
    "reference", "subject", "description", "decision_maker", "decision_due", "key_decision",
    "exempt", "exempt_paragraph", "portfolio_holder", "officer_contact", "published",
)  # fmt: skip


def plan_entry(entry: ForwardPlanEntry) -> dict:
    face = disclosure.forward_plan_face(entry)
    face["decision_due"] = face.pop("due_value")
    face["published"] = face["published"].isoformat() if face["published"] else None
    data = {name: face[name] if face[name] != "" else None for name in PLAN_FIELDS}
    listed = getattr(entry, "item_listed", False) and not entry.exempt
    data["meeting_url"] = entry.item.meeting.get_absolute_url() if listed else None
    return data


def forward_plan_entries(committee: str | None = None, since: Date | None = None):
    entries = ForwardPlanEntry.objects.public().select_related("item__meeting__committee")
    if committee:
        named = Committee.objects.filter(slug=committee).values_list("name", flat=True).first()
        entries = entries.filter(exempt=False, decision_maker__icontains=named or committee)
    if since:
        entries = entries.filter(exempt=False, decision_due__gte=since)
    return entries.order_by("exempt", "published", "decision_due", "order", "subject")


def forward_plan_export(committee: str | None = None, since: Date | None = None) -> list[dict]:
    return [plan_entry(e) for e in forward_plan_entries(committee, since)]


def decision_entry(entry: register.Entry) -> dict:
    decision, item = entry.decision, entry.item
    return {
        "reference": entry.reference or None,
        "title": entry.title,
        "decision_maker": entry.decision_maker or None,
        "decision_maker_role": (decision.decision_maker_role or None) if decision else None,
        "date": entry.date.isoformat() if entry.date else None,
        "kind": str(entry.kind),
        "parts": [{"number": p.number or "", "text": p.text} for p in entry.parts],
        "reasons": ((decision.reasons if decision else item.reasons) or None),
        "alternatives": (decision.alternatives or None) if decision else None,
        "key_decision": entry.key_decision,
        "forward_plan_reference": (decision.forward_plan_reference or None) if decision else None,
        "call_in": {
            "deadline": (
                decision.call_in_deadline.isoformat()
                if decision and decision.call_in_deadline
                else None
            ),
            "status": str(decision.status) if decision else "made",
        },
        "item_url": item.get_absolute_url() if item else None,
        "url": entry.url,
    }


def _data(committee: str | None, since: Date | None) -> dict:
    data = {}
    if committee:
        data["committee"] = Committee.objects.filter(slug=committee).first() or Committee(pk=0)
    if since:
        data["date_from"] = since
    return data


def decision_entries(committee: str | None = None, since: Date | None = None, data=None):
    rows = register.register_rows(data if data is not None else _data(committee, since))
    return register.entries_for(rows)


def decisions_export(committee: str | None = None, since: Date | None = None) -> list[dict]:
    entries = [decision_entry(e) for e in decision_entries(committee, since)]
    # In a stable order (not the database's ids), so the same papers give the same export.
    return sorted(
        entries, key=lambda d: (d["date"] or "", d["kind"], d["reference"] or "", d["title"])
    )


def fingerprint_parts() -> list:
    """What changes whenever the forward plan or a decision changes (for the export's
    fingerprint, ``documents.export_file``): a correction in the admin included."""
    return [
        Decision.objects.aggregate(Max("updated"), Count("pk"), Sum("pk")),
        DecisionPart.objects.aggregate(Count("pk"), Sum("pk")),
        ForwardPlanEntry.objects.aggregate(Max("updated"), Count("pk"), Sum("pk")),
    ]
