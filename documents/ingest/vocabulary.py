"""The kinds of paper, defined once, in plain Python (the parsers import no Django).

Each kind has its stored value, its label (its name in lists, filters and forms) and the
title a paper of that kind is given when it carries no title of its own. The database's
choices (``documents.models.Document.Kind``) are built from ``KINDS``; the parsers, the
importer, the staff pages and the public pages all use these names, never bare strings.
"""

from __future__ import annotations

from dataclasses import dataclass

AGENDA_PACK = "agenda-pack"
AGENDA = "agenda"
MINUTES = "minutes"
SUPPLEMENT = "supplement"
REPORT = "report"
APPENDIX = "appendix"
DECISION = "decision"
OTHER = "other"


@dataclass(frozen=True)
class Kind:
    name: str  # its Python name: ``Document.Kind.AGENDA_PACK``
    value: str  # stored, and used in addresses and the API
    label: str  # its name in lists, filters and forms
    untitled: str = ""  # a paper's title when it has none of its own (else the label)

    @property
    def title(self) -> str:
        return self.untitled or self.label


KINDS = (
    Kind("AGENDA_PACK", AGENDA_PACK, "Agenda reports pack"),
    Kind("AGENDA", AGENDA, "Agenda"),
    Kind("MINUTES", MINUTES, "Minutes"),
    Kind("SUPPLEMENT", SUPPLEMENT, "Supplementary pack", "Supplementary agenda"),
    Kind("REPORT", REPORT, "Report"),
    Kind("APPENDIX", APPENDIX, "Appendix"),
    Kind("DECISION", DECISION, "Decision record", "Record of decision"),
    Kind("OTHER", OTHER, "Other", "Document"),
)

DOCUMENT_KINDS = tuple(kind.value for kind in KINDS)
KIND_LABELS = {kind.value: kind.label for kind in KINDS}
KIND_TITLES = {kind.value: kind.title for kind in KINDS}

#: The papers that set out a meeting's agenda (they play the agenda's part in it).
AGENDA_KINDS = frozenset({AGENDA_PACK, AGENDA})
#: The papers whose head names the meeting: they may define or correct its date and time.
DEFINES_HEAD = frozenset({AGENDA_PACK, AGENDA, MINUTES, SUPPLEMENT})
