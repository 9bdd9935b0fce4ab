"""A confidential report inside a pack is recognised from its front sheet and leaks nothing."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest

from documents.importer import Importer, IngestOptions
from documents.models import Document, Page
from meetings.models import AgendaItem
from tests.pdfmaker import make_pdf

pytestmark = pytest.mark.django_db(transaction=True)
SECRET = "Bidder Zephyrine Holdings offered 4.2 million"


def pack(tmp_path):
    return make_pdf(
        tmp_path / "pack.pdf",
        [
            [
                "Borsetshire County Council",
                "Cabinet",
                "Date: Wednesday, 14 May 2025",
                "Time: 10.00 am",
                "Venue: Council Chamber, County Hall, Borchester",
                "AGENDA",
                "1. Apologies for absence",
                "2. Library service review (Pages 2 - 2)",
                "3. Sale of the former depot site (Pages 3 - 4)",
                "Page 1",
            ],
            [
                "Agenda Item 2",
                "Cabinet - 14 May 2025",
                "Library service review",
                "Report of the Corporate Director for Communities",
                "Recommendation: That the review be noted.",
                "The libraries opened for longer hours this year.",
                "Page 2",
            ],
            [
                "Agenda Item 3",
                "NOT FOR PUBLICATION",
                "By virtue of paragraph 3 of Part 1 of Schedule 12A",
                "of the Local Government Act 1972.",
                "Sale of the former depot site",
                SECRET,
                "Page 3",
            ],
            ["Valuation appendix", SECRET + " in the second round.", "Page 4"],
        ],
    )


def test_the_exempt_report_is_marked_and_its_pages_withheld(tmp_path, client):
    [result] = Importer(IngestOptions(isolate=False)).ingest([pack(tmp_path)])
    assert result.status == "ok", result.error
    depot = AgendaItem.objects.get(title__icontains="depot")
    assert (depot.exempt, depot.exempt_paragraph) == (True, 3)
    assert not AgendaItem.objects.get(title__icontains="library").exempt
    document = Document.objects.get()
    assert sorted(Page.objects.withheld().values_list("number", flat=True)) == [3, 4]

    for url in (
        document.get_absolute_url(),
        depot.get_absolute_url(),
        depot.meeting.get_absolute_url(),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Zephyrine" not in response.content.decode(), url
    assert "Not for publication" in client.get(depot.get_absolute_url()).content.decode()

    download = client.get(document.get_pdf_url())
    served = pdfium.PdfDocument(io.BytesIO(b"".join(download.streaming_content)))
    assert len(served) == 2
    text = "".join(served[i].get_textpage().get_text_range() for i in range(len(served)))
    assert "Zephyrine" not in text and "libraries opened" in text
