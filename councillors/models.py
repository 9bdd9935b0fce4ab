"""Recorded votes (who voted for, against, abstained) and motions with mover and seconder.

Each is read from a meeting's minutes and kept per agenda item, with the paper it came from;
what the public may see is decided by ``meetings.disclosure`` (as for the minute's resolutions:
a vote printed in the public minutes of an exempt item is public, one in withheld minutes is
not).
"""

from __future__ import annotations

from django.db import models

from meetings import disclosure


class RecordedVoteQuerySet(models.QuerySet):
    def public(self):
        return self.filter(disclosure.public_resolution())


class VoteCastQuerySet(models.QuerySet):
    def public(self):
        return self.filter(disclosure.public_vote_cast())


class RecordedVote(models.Model):
    item = models.ForeignKey(
        "meetings.AgendaItem", on_delete=models.CASCADE, related_name="recorded_votes"
    )
    order = models.PositiveIntegerField(default=0)
    question = models.CharField(max_length=300, blank=True, help_text="What was put to the vote")
    result = models.CharField(max_length=40, blank=True, help_text="carried, lost, ...")
    source = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="read_votes",
        help_text="The paper this was read from; empty when staff entered it.",
    )

    objects = RecordedVoteQuerySet.as_manager()

    class Meta:
        ordering = ["item", "order"]

    def __str__(self) -> str:
        return f"{self.question or 'Vote'}: {self.result}"

    def sides(self) -> list[tuple[str, list]]:
        """(label, casts) for each side, in the printed order (uses prefetched casts)."""
        casts = list(self.casts.all())
        return [
            (label, [c for c in casts if c.position == value])
            for value, label in VoteCast.Position.choices
        ]


class VoteCast(models.Model):
    class Position(models.TextChoices):
        FOR = "for", "For"
        AGAINST = "against", "Against"
        ABSTAIN = "abstain", "Abstained"

    vote = models.ForeignKey(RecordedVote, on_delete=models.CASCADE, related_name="casts")
    position = models.CharField(max_length=8, choices=Position.choices)
    name = models.CharField(max_length=200, help_text="As printed")
    person = models.ForeignKey(
        "meetings.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="votes_cast",
    )
    order = models.PositiveIntegerField(default=0)

    objects = VoteCastQuerySet.as_manager()

    class Meta:
        ordering = ["vote", "order"]

    def __str__(self) -> str:
        return f"{self.name}: {self.position}"


class Motion(models.Model):
    class Kind(models.TextChoices):
        MOTION = "motion", "Motion"
        AMENDMENT = "amendment", "Amendment"

    item = models.ForeignKey(
        "meetings.AgendaItem", on_delete=models.CASCADE, related_name="motions"
    )
    order = models.PositiveIntegerField(default=0)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.MOTION)
    mover = models.CharField(max_length=200, blank=True)
    seconder = models.CharField(max_length=200, blank=True)
    mover_person = models.ForeignKey(
        "meetings.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    seconder_person = models.ForeignKey(
        "meetings.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    result = models.CharField(max_length=40, blank=True)
    tally = models.CharField(max_length=40, blank=True)
    source = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="read_motions",
    )

    objects = RecordedVoteQuerySet.as_manager()

    class Meta:
        ordering = ["item", "order"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} moved by {self.mover}"


class WardQuerySet(models.QuerySet):
    def with_public_papers(self):
        public = ItemWard.objects.filter(disclosure.public_item_ward())
        return self.filter(models.Exists(public.filter(ward=models.OuterRef("pk"))))


class Ward(models.Model):
    """A ward or electoral division named on report front sheets ("All wards" is one too)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    is_all = models.BooleanField(default=False, help_text="Stands for every ward")

    objects = WardQuerySet.as_manager()

    class Meta:
        ordering = ["-is_all", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("ward-detail", kwargs={"slug": self.slug})


class ItemWardQuerySet(models.QuerySet):
    def public(self):
        return self.filter(disclosure.public_item_ward())


class ItemWard(models.Model):
    """An agenda item whose report says it affects a ward."""

    item = models.ForeignKey("meetings.AgendaItem", on_delete=models.CASCADE, related_name="wards")
    ward = models.ForeignKey(Ward, on_delete=models.CASCADE, related_name="items")
    source = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="read_wards",
    )

    objects = ItemWardQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "ward"], name="item_ward_once")]

    def __str__(self) -> str:
        return f"{self.item} -> {self.ward}"
