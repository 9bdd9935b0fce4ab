"""Exempt items' papers never reach the public: not in the reading view, not in the PDF."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest

from documents.importer import Importer, IngestOptions
from documents.models import Document, Page
from meetings.models import AgendaItem

pytestmark = pytest.mark.django_db(transaction=True)
PACK = "dorset-people-and-health-2021-09-02-agenda-pack.pdf"


@pytest.fixture
def pack(papers):
    [result] = Importer(IngestOptions(isolate=False)).ingest([papers / PACK])
    assert result.status == "ok", result.error
    return Document.objects.get()


def mark_exempt(title_contains: str, paragraph: int = 3) -> AgendaItem:
    item = AgendaItem.objects.get(title__icontains=title_contains, parent__isnull=True)
    item.exempt, item.exempt_paragraph = True, paragraph
    item.save()
    return item


def test_an_exempt_item_without_a_paper_does_not_withhold_the_agenda_page(pack):
    exempt = AgendaItem.objects.get(exempt=True)
    assert exempt.exempt_paragraph == 3
    assert Page.objects.withheld().count() == 0
    assert Page.objects.public().filter(document=pack).count() == 90


def test_marking_a_report_exempt_withholds_its_pages_everywhere(client, pack):
    item = mark_exempt("work programme")
    [span] = item.page_ranges.all()
    secret = Page.objects.get(document=pack, number=span.start + 1).text[:60]
    assert secret.strip()

    page = client.get(pack.get_absolute_url())
    assert page.status_code == 200
    assert secret not in page.content.decode()
    assert "Not for publication" in page.content.decode()

    item_page = client.get(item.get_absolute_url())
    assert "Not for publication" in item_page.content.decode()
    assert secret not in item_page.content.decode()

    download = client.get(pack.get_pdf_url())
    assert download.status_code == 200
    served = pdfium.PdfDocument(io.BytesIO(b"".join(download.streaming_content)))
    withheld = span.end - span.start + 1
    assert len(served) == 90 - withheld
    text = "".join(served[i].get_textpage().get_text_range() for i in range(len(served)))
    assert " ".join(secret.split()) not in " ".join(text.split())
