"""Marking an item exempt withdraws its text from every public page, download and export."""

from __future__ import annotations

import pytest
from django.urls import reverse

from documents.models import Document
from meetings.models import AgendaItem
from staff import publishing
from staff.models import AuditEntry
from tests.staff.conftest import PACK
from tests.staff.helpers import item_form_data, read_again, uploaded_pack
from tests.staff.public_surfaces import leaks, pdf_pages_and_text, secrets_of

pytestmark = pytest.mark.django_db(transaction=True)


def mark_exempt(client, item: AgendaItem, paragraph: int = 3):
    data = item_form_data(client, item, exempt=True, exempt_paragraph=str(paragraph))
    return client.post(reverse("staff:item", args=[item.pk]), data)


@pytest.fixture
def published_pack(officer_client, papers):
    meeting = uploaded_pack(officer_client, papers)
    publishing.publish_meeting(meeting, None)
    return meeting


def test_it_withholds_an_item_marked_exempt_after_publication_everywhere(
    officer_client, published_pack, client
):
    item = published_pack.items.get(title__icontains="work programme", parent__isnull=True)
    secrets = secrets_of(item)
    assert secrets
    assert leaks(client, published_pack, item, secrets)  # public before it is marked

    response = mark_exempt(officer_client, item)
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.exempt and item.exempt_paragraph == 3 and item.corrected
    entry = AuditEntry.objects.get(action="exempt")
    assert entry.username == "officer" and "paragraph 3" in entry.detail

    assert leaks(client, published_pack, item, secrets) == {}
    meeting_page = client.get(published_pack.get_absolute_url()).text
    assert item.title in meeting_page and "Not for publication" in meeting_page
    item_page = client.get(item.get_absolute_url()).text
    assert "Not for publication" in item_page
    document = Document.objects.get()
    download = client.get(document.get_pdf_url())
    [span] = item.page_ranges.all()
    pages, text = pdf_pages_and_text(b"".join(download.streaming_content))
    assert pages == 90 - (span.end - span.start + 1)
    assert all(secret not in text for secret in secrets)


def test_it_asks_for_the_schedule_12a_paragraph(officer_client, papers):
    meeting = uploaded_pack(officer_client, papers)
    item = meeting.items.get(title__icontains="work programme", parent__isnull=True)
    data = item_form_data(officer_client, item, exempt=True)
    data.pop("item-exempt_paragraph", None)
    response = officer_client.post(reverse("staff:item", args=[item.pk]), data)
    assert response.status_code == 200
    assert "Choose the paragraph of Schedule 12A" in response.content.decode()
    item.refresh_from_db()
    assert not item.exempt


def test_a_reingest_cannot_unmark_an_exempt_item(officer_client, published_pack, papers, tmp_path):
    item = published_pack.items.get(title__icontains="work programme", parent__isnull=True)
    mark_exempt(officer_client, item)
    read_again(papers / PACK, tmp_path)
    item.refresh_from_db()
    assert item.exempt and item.exempt_paragraph == 3


def test_the_original_pdf_of_an_exempt_paper_is_only_for_staff(
    officer_client, published_pack, client
):
    document = Document.objects.get()
    officer_client.post(reverse("staff:document-exempt", args=[document.pk]), {"exempt": "1"})
    document.refresh_from_db()
    assert document.is_exempt
    staff_copy = officer_client.get(reverse("staff:document-pdf", args=[document.pk]))
    assert staff_copy.status_code == 200 and staff_copy["Cache-Control"] == "private, no-store"
    assert client.get(document.get_pdf_url()).status_code == 404
    assert client.get(document.get_absolute_url()).status_code == 404
    assert client.get(reverse("staff:document-pdf", args=[document.pk])).status_code == 302
