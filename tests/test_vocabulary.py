"""One vocabulary per concept: the kinds of paper are defined once (documents.ingest.vocabulary)
and the database, the parser, the staff upload form and the ingest command all use it."""

from __future__ import annotations

import pytest

from documents.ingest.errors import IngestError
from documents.ingest.parser import parse_pdf
from documents.ingest.vocabulary import DOCUMENT_KINDS, KIND_TITLES, KINDS
from documents.management.commands.ingest import Command
from documents.models import Document
from staff.forms import KIND_CHOICES


def test_the_database_choices_are_the_vocabulary():
    assert Document.Kind.choices == [(kind.value, kind.label) for kind in KINDS]
    assert [member.name for member in Document.Kind] == [kind.name for kind in KINDS]
    assert Document.Kind.SUPPLEMENT.label == "Supplementary pack"
    assert KIND_TITLES[Document.Kind.SUPPLEMENT] == "Supplementary agenda"
    assert set(Document.AGENDA_KINDS) == {Document.Kind.AGENDA_PACK, Document.Kind.AGENDA}


@pytest.mark.parametrize("kind", [value for value, _ in KIND_CHOICES if value])
def test_every_kind_a_clerk_can_choose_is_one_the_parser_reads(kind, tmp_path):
    with pytest.raises(IngestError) as refused:
        parse_pdf(tmp_path / "missing.pdf", kind=kind)
    assert "could not be found" in str(refused.value)  # not "unknown document kind"


def test_a_kind_outside_the_vocabulary_is_refused(tmp_path):
    with pytest.raises(IngestError, match="unknown document kind 'minute'"):
        parse_pdf(tmp_path / "missing.pdf", kind="minute")


def test_the_ingest_command_offers_every_kind_but_other():
    parser = Command().create_parser("manage.py", "ingest")
    [kind] = [action for action in parser._actions if action.dest == "kind"]
    assert list(kind.choices) == [value for value in DOCUMENT_KINDS if value != "other"]
    assert "appendix" in kind.choices
