import re

import pytest

from documents.models import Document, Page
from meetings.models import AgendaItem
from tests import factories
from tests.views.pages import assert_well_formed, queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack():
    return Document.objects.get(meeting__url_key="2021-09-02")


def test_it_reads_the_paper_page_by_page_with_anchors(client, pack):
    response = client.get(pack.get_absolute_url())
    assert_well_formed(response, "Agenda reports pack")
    body = response.content.decode()
    for number in (1, 23, 90):
        assert f'id="page-{number}"' in body
        assert f'href="{pack.get_pdf_url()}#page={number}"' in body


def test_it_uses_real_headings_lists_and_tables(client, pack):
    body = client.get(pack.get_absolute_url()).content.decode()
    assert re.search(r'<h3 class="paper-heading">', body)
    assert "<table>" in body and '<th scope="col">' in body
    assert '<ul class="paper-list">' in body or '<ol class="paper-list">' in body


def test_it_offers_the_original_pdf(client, pack):
    response = client.get(pack.get_pdf_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_it_lists_the_items_in_the_pack(client, pack):
    item = AgendaItem.objects.get(meeting=pack.meeting, number="8")
    [span] = item.page_ranges.filter(holds_paper=True)
    body = client.get(pack.get_absolute_url()).content.decode()
    assert f'href="#page-{span.start}"' in body and "Contents" in body


def test_it_withholds_an_exempt_reports_pages_and_renumbers_the_pdf_links(client, pack):
    item = AgendaItem.objects.get(meeting=pack.meeting, number="7")
    item.exempt, item.exempt_paragraph = True, 1
    item.save()
    [span] = item.page_ranges.filter(holds_paper=True)
    Page.objects.filter(document=pack, number=span.start).update(
        text="WITHHELD-PAGE-MARKER", blocks=[{"kind": "paragraph", "text": "WITHHELD-PAGE-MARKER"}]
    )
    body = client.get(pack.get_absolute_url()).content.decode()
    assert "WITHHELD-PAGE-MARKER" not in body
    assert "This page is part of an exempt report and is withheld" in body
    withheld = span.end - span.start + 1
    after = span.end + 1
    assert f'href="{pack.get_pdf_url()}#page={after - withheld}">Page {after} in the PDF' in body


def test_it_says_when_a_paper_has_no_text_layer(client):
    scan = Document.objects.get(original_filename__endswith="signed-minutes-scan.pdf")
    assert not scan.has_text_layer
    body = client.get(scan.get_absolute_url()).content.decode()
    assert "scanned image with no text layer" in body


def test_it_sends_an_old_version_to_the_current_one(client, pack):
    newer = factories.document(
        pack.meeting,
        ["The revised pack."],
        kind=pack.kind,
        title=pack.title,
        identity=pack.identity,
        version=pack.version + 1,
        is_published=True,
    )
    Document.relink_versions(pack.meeting_id, pack.identity)
    response = client.get(pack.get_absolute_url())
    assert response.status_code == 301 and response["Location"] == newer.get_absolute_url()
    assert client.get(pack.get_pdf_url()).status_code == 404


def test_it_is_404_for_an_unpublished_paper(client, pack):
    Document.objects.filter(pk=pack.pk).update(is_published=False)
    assert client.get(pack.get_absolute_url()).status_code == 404
    assert client.get(pack.get_pdf_url()).status_code == 404


def test_it_uses_the_same_queries_for_90_pages_as_for_2(client, pack):
    small = Document.objects.get(
        meeting__url_key="2026-03-11", meeting__committee__slug="cabinet", kind="minutes"
    )
    assert small.page_count <= 2
    assert (
        queries_for(client, small.get_absolute_url())
        == queries_for(client, pack.get_absolute_url())
        <= 6
    )
