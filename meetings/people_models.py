"""People, the spellings staff merged into them, and declarations of interest."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from meetings.matching import person_key
from meetings.querysets import DeclarationQuerySet, PersonQuerySet


def unique_slug(model, value: str, *, max_length: int = 80, **scope) -> str:
    from meetings.models import unique_slug

    return unique_slug(model, value, max_length=max_length, **scope)


class Person(models.Model):
    class Kind(models.TextChoices):
        COUNCILLOR = "councillor", "Councillor"
        OFFICER = "officer", "Officer"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    match_key = models.CharField(
        max_length=120, db_index=True, editable=False, help_text="Initial and surname, lower case"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.COUNCILLOR)
    role = models.CharField(max_length=300, blank=True, help_text="Job title or position.")
    surname = models.CharField(
        max_length=100, blank=True, db_index=True, editable=False, help_text="Lower case"
    )
    given = models.CharField(
        max_length=100, blank=True, editable=False, help_text="Given names or initials"
    )
    gender = models.CharField(
        max_length=1, blank=True, editable=False, help_text="From an honorific: m, f or blank"
    )
    council = models.CharField(
        max_length=200, blank=True, help_text="The council whose papers first named them"
    )
    party = models.CharField(max_length=200, blank=True)
    ward = models.CharField(max_length=200, blank=True, help_text="Ward or electoral division")

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["surname", "given", "name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Person, self.name)
        self.fill_name_parts()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("person-detail", kwargs={"slug": self.slug})

    @property
    def parts(self):
        from meetings.person_matching import NameParts

        return NameParts(self.surname, tuple(self.given.split()), self.gender)

    def fill_name_parts(self, parts=None) -> None:
        """Surname, given names and gender from the name (or ``parts`` when given)."""
        from meetings.person_matching import parse_name

        self.match_key = person_key(self.name)
        parts = parts or parse_name(self.name)
        if parts is not None:
            self.surname = parts.surname[:100]
            self.given = " ".join(parts.given)[:100]
            self.gender = self.gender or parts.gender


class PersonAlias(models.Model):
    """A spelling that staff said is this person (by merging a record into them)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200, help_text="The merged record's name")
    surname = models.CharField(max_length=100, db_index=True)
    given = models.CharField(max_length=100, blank=True)
    gender = models.CharField(max_length=1, blank=True)

    class Meta:
        verbose_name_plural = "person aliases"

    def __str__(self) -> str:
        return f"{self.name} -> {self.person}"


class InterestKind(models.TextChoices):
    """The kinds of interest the Localism Act 2011 and councils' codes of conduct name."""

    PECUNIARY = "disclosable pecuniary", "Disclosable pecuniary interest"
    REGISTRABLE = "other registrable", "Other registrable interest"
    NON_REGISTRABLE = "non-registrable", "Non-registrable interest"
    PREDETERMINATION = "predetermination", "Predetermination or bias"
    OTHER = "other", "Interest (kind not stated)"


class Declaration(models.Model):
    """A declaration of interest recorded in the minutes."""

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="declarations"
    )
    item = models.ForeignKey(
        "meetings.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="declarations",
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="declarations"
    )
    text = models.TextField()
    member = models.CharField(max_length=200, blank=True, help_text="The member, as printed")
    kind = models.CharField(max_length=24, choices=InterestKind.choices, blank=True)
    left_room = models.BooleanField(null=True, help_text="Left the room for the item")
    dispensation = models.BooleanField(null=True, help_text="Held a dispensation")
    order = models.PositiveIntegerField(default=0)
    source = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="read_declarations",
        help_text="The paper this was read from; empty when staff entered it.",
    )

    objects = DeclarationQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "order"]

    def __str__(self) -> str:
        return self.text[:80]
