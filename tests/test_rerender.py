"""manage.py rerender_pages reads stored papers' pages again with the current reading code,
keeping pages corrected by hand."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from documents.importer import Importer, IngestOptions
from documents.ingest.parsed import Block
from documents.models import Document, Page
from tests.conftest import PAPERS

pytestmark = pytest.mark.django_db


def test_pages_stored_by_the_old_reading_get_the_new_structure(capsys):
    [result] = Importer(IngestOptions(isolate=False)).ingest(
        [PAPERS / "dorset-people-and-health-2021-09-02-agenda-pack.pdf"]
    )
    assert result.status == "ok"
    pack = Document.objects.get()
    front = Page.objects.get(document=pack, number=7)
    new_blocks, new_text = front.blocks, front.text
    assert any(block["kind"] == "pairs" for block in new_blocks)
    # as the text-only reading stored it before: the front sheet one run-on paragraph
    run_on = " ".join(front.text.split())
    front.blocks, front.text = [{"kind": "paragraph", "text": run_on}], run_on
    front.save()
    corrected = Page.objects.get(document=pack, number=8)
    corrected.text = "Corrected by a clerk."
    corrected.save()

    call_command("rerender_pages", str(pack.pk))

    front.refresh_from_db()
    assert front.blocks == new_blocks and front.text == new_text
    corrected.refresh_from_db()
    assert corrected.text == "Corrected by a clerk."
    assert f"ok {pack.pk} " in capsys.readouterr().out


def test_a_stored_page_is_recognised_as_uncorrected_by_its_blocks():
    from documents.rerender import stored_text

    blocks = [Block(kind="pairs", pairs=[["Tel:", "01305"]]), Block(kind="paragraph", text="Hi")]
    assert stored_text([b.as_dict() for b in blocks]) == "Tel: 01305\n\nHi"
