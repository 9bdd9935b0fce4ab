"""RSS and Atom feeds of the decisions register and the forward plan (site-wide, or one
committee's). Only what the register and the plan show the public reaches them."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.html import escape

from decisions import forward_plan, register
from meetings.feeds import FEED_LENGTH, CommitteeScopedFeed


def _aware(day: dt.date | None):
    return timezone.make_aware(dt.datetime.combine(day, dt.time())) if day else None


class RegisterFeed(CommitteeScopedFeed):
    """The decisions register, newest first: each decision once, its parts in the text."""

    subject = "decisions"

    def link(self, committee):
        return "/decisions/"

    def items(self, committee):
        data = {"committee": committee} if committee else {}
        return register.entries_for(register.register_rows(data)[:FEED_LENGTH])

    def item_title(self, entry):
        made = f"{entry.decision_maker}, {entry.date:%-d %B %Y}" if entry.date else ""
        return f"{entry.title} ({made})" if made else entry.title

    def item_link(self, entry):
        return entry.url

    def item_description(self, entry):
        lines = [f"{p.number} {p.text}".strip() for p in entry.parts]
        return escape("\n".join([f"Status: {entry.status}", *lines]))

    def item_pubdate(self, entry):
        return _aware(entry.date)


class ForwardPlanFeed(CommitteeScopedFeed):
    """The forward plan's entries; an exempt entry shows its subject and paragraph only."""

    subject = "forward plan"

    def link(self, committee):
        return "/forward-plan/"

    def items(self, committee):
        data = {"decision_maker": committee.name} if committee else {}
        return forward_plan.faces(forward_plan.filtered(data)[:FEED_LENGTH])

    def item_title(self, face):
        return face["subject"]

    def item_link(self, face):
        return f"/forward-plan/#entry-{face['pk']}"

    def item_description(self, face):
        if face["exempt"]:
            paragraph = face["exempt_paragraph"]
            return "To be taken in private" + (f" (paragraph {paragraph})" if paragraph else "")
        due = face["due_display"] or "date not stated"
        return escape(f"{face['decision_maker'] or 'Decision maker not stated'}, {due}")
