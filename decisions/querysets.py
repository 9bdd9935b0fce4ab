"""QuerySet methods for decisions and the forward plan; what is public is asked of
``meetings.disclosure``."""

from __future__ import annotations

from django.db import models
from django.db.models import Exists, OuterRef

from meetings import disclosure


class DecisionQuerySet(models.QuerySet):
    def public(self):
        return self.filter(disclosure.public_decision())


class ForwardPlanQuerySet(models.QuerySet):
    def public(self):
        from meetings.models import AgendaItem

        listed = AgendaItem.objects.filter(disclosure.listed_item(), pk=OuterRef("item_id"))
        return self.filter(disclosure.public_forward_plan_entry()).annotate(
            item_listed=Exists(listed)
        )
