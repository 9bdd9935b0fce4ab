"""Unique marker words planted in every withheld place, and how to find them again.

Each secret is two words, a marker and its twin (``zqxleak<name>zz zqxtwin<name>zz``): letters
only, so both search indexes keep each as one token, and distinct per field, so a leak names
what leaked. A search for one word echoes that word back; its twin beside it still gives a
leaked result away. Every word starts ``zqxleak`` or ``zqxtwin``, which no paper contains: any
such word in a response that the request did not itself contain is a leak, even one cut short.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import models

PREFIX = "zqx"
WORD = re.compile(PREFIX + r"(?:leak|twin)[a-z]*")


def _letters(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


@dataclass(frozen=True)
class Secret:
    name: str  # what it is, e.g. "exempt item narrative"
    model: str  # where it was planted: "app.Model"
    pk: int
    field: str  # a model field, or "file" for the text of the stored PDF

    @property
    def marker(self) -> str:
        return f"{PREFIX}leak{_letters(self.name)}zz"

    @property
    def twin(self) -> str:
        return f"{PREFIX}twin{_letters(self.name)}zz"

    @property
    def text(self) -> str:
        return f"{self.marker} {self.twin}"

    @property
    def words(self) -> tuple[str, str]:
        return (self.marker, self.twin)


@dataclass
class Secrets:
    """Every secret planted, by name."""

    all: dict[str, Secret] = field(default_factory=dict)

    def add(self, name: str, obj: models.Model, field_name: str) -> Secret:
        secret = Secret(name, obj._meta.label, obj.pk, field_name)
        assert name not in self.all, f"two secrets named {name!r}"
        assert not any(_letters(name) == _letters(other) for other in self.all), (
            f"{name!r} spells the same marker as another secret"
        )
        self.all[name] = secret
        return secret

    def plant(self, obj: models.Model, field_name: str, name: str) -> Secret:
        """Add a secret to ``obj.field_name`` (after any text already there); not saved."""
        if obj.pk is None:
            obj.save()
        secret = self.add(name, obj, field_name)
        current = getattr(obj, field_name) or ""
        limit = obj._meta.get_field(field_name).max_length
        value = f"{current} {secret.text}".strip()
        if limit and len(value) > limit:
            value = secret.text
        assert not limit or len(value) <= limit, (name, limit)
        setattr(obj, field_name, value)
        return secret

    def words(self) -> dict[str, str]:
        """Every marker and twin: the secret's name."""
        return {word: s.name for s in self.all.values() for word in s.words}

    def explain(self, word: str) -> str:
        """The secret a ``zqx`` word found in a response belongs to (or a cut-short one)."""
        known = self.words()
        if word in known:
            return known[word]
        for full, name in known.items():
            if full.startswith(word) or word.startswith(full):
                return f"{name} (as {word!r})"
        return f"unknown {word!r}"

    def __len__(self) -> int:
        return len(self.all)


def zqx_words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))
