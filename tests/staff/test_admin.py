"""The Django admin is no back door: files and publication change only through the staff pages,
and every admin edit that remains is in the audit log."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest
from django.urls import reverse

from documents.models import Document
from meetings.models import AgendaItem, Meeting, Resolution
from staff.models import AuditEntry
from tests import factories
from tests.fixtures.bad import build as corpus
from tests.staff.helpers import form_data, formset_data

pytestmark = pytest.mark.django_db

BAD = Path(corpus.__file__).parent
# What no admin form may offer to change: the file and what vouches for it, and publication.
GUARDED = [
    "file",
    "sha256",
    "size",
    "meeting",
    "is_published",
    "published_at",
    "superseded_by",
    "is_exempt",
]


@pytest.fixture
def paper():
    meeting = factories.meeting(date=dt.date(2030, 1, 10), is_published=False)
    return factories.document(meeting, is_published=False)


def inputs(response) -> set[str]:
    """The names of the form controls on an admin page."""
    found = re.findall(
        r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', response.content.decode()
    )
    return set(found)


def document_change(client, document, **data):
    url = reverse("admin:documents_document_change", args=[document.pk])
    return client.post(url, {"kind": document.kind, "title": document.title, **data})


@pytest.mark.parametrize("who", ["officer_client", "admin_client"])
def test_the_document_change_form_has_no_file_or_publication_fields(who, paper, request):
    client = request.getfixturevalue(who)
    response = client.get(reverse("admin:documents_document_change", args=[paper.pk]))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert sorted(form.fields) == ["title"]
    assert not inputs(response) & set(GUARDED)
    page = html.unescape(response.content.decode())
    assert reverse("staff:document", args=[paper.pk]) in page  # where to change them instead


def test_posting_a_file_and_publication_to_the_admin_changes_neither(admin_client, paper):
    before = Document.objects.values().get(pk=paper.pk)
    stored = paper.file.read()
    other = factories.meeting(date=dt.date(2030, 2, 1), is_published=True)
    with (BAD / "hidden-launch-link.pdf").open("rb") as hostile:
        response = document_change(
            admin_client,
            paper,
            title="Agenda reports pack (corrected)",
            file=hostile,
            sha256="0" * 64,
            size="1",
            meeting=str(other.pk),
            is_published="on",
            published_at_0="2030-01-01",
            published_at_1="10:00",
            is_exempt="on",
            superseded_by=str(paper.pk),
        )
    assert response.status_code == 302
    after = Document.objects.values().get(pk=paper.pk)
    assert after["title"] == "Agenda reports pack (corrected)"  # the one thing that may change
    for field in ("file", "sha256", "size", "meeting_id", "is_published", "published_at"):
        assert after[field] == before[field], field
    assert after["is_exempt"] == before["is_exempt"] and after["superseded_by_id"] is None
    paper.refresh_from_db()
    assert paper.file.read() == stored


@pytest.mark.parametrize("who", ["officer_client", "admin_client"])
def test_papers_cannot_be_added_in_the_admin(who, paper, request):
    client = request.getfixturevalue(who)
    assert client.get(reverse("admin:documents_document_add")).status_code == 403
    meeting_page = client.get(reverse("admin:meetings_meeting_change", args=[paper.meeting_id]))
    assert meeting_page.status_code == 200
    names = inputs(meeting_page)
    assert "documents-TOTAL_FORMS" in names  # the papers are listed ...
    rows = {name for name in names if re.match(r"documents-\d+-", name)}
    assert rows == {"documents-0-id", "documents-0-meeting"}  # ... read-only (hidden keys only)
    assert "is_published" not in names
    assert Document.objects.count() == 1


def test_a_meeting_cannot_be_published_in_the_admin(admin_client, paper):
    meeting = paper.meeting
    page = admin_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    data = _form_values(page)
    data.update({"is_published": "on", "venue": "Committee Room 2"})
    response = admin_client.post(reverse("admin:meetings_meeting_change", args=[meeting.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    meeting.refresh_from_db()
    assert meeting.venue == "Committee Room 2" and meeting.is_published is False
    entry = AuditEntry.objects.get(meeting=meeting)
    assert entry.action == "corrected" and "In the admin: Changed Venue" in entry.detail


def _form_values(response) -> dict[str, str]:
    """What the browser would post back from an admin change form as it stands."""
    values = form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        values.update(formset_data(inline.formset))
    return values


def test_an_admin_edit_of_an_item_leaves_an_audit_entry(officer_client, officer):
    meeting = factories.meeting(date=dt.date(2030, 1, 10))
    item = factories.item(meeting, number="4", title="Libary review")
    url = reverse("admin:meetings_agendaitem_change", args=[item.pk])
    data = _form_values(officer_client.get(url))
    response = officer_client.post(url, {**data, "title": "Library review"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    item.refresh_from_db()
    assert item.title == "Library review" and item.corrected is True
    entry = AuditEntry.objects.get()
    assert entry.user == officer and entry.meeting == meeting and entry.action == "corrected"
    assert entry.subject == str(item) and "In the admin: Changed Title" in entry.detail
    log = html.unescape(officer_client.get(reverse("staff:audit")).content.decode())
    assert "In the admin: Changed Title" in log


def test_the_paper_a_record_was_read_from_cannot_be_changed_in_the_admin(admin_client, paper):
    # A record is public only when the paper it was read from is: unlinking a draft's item
    # from its paper (or linking it to a published one) would publish it.
    item = factories.item(paper.meeting, number="5", title="Compulsory purchase", source=paper)
    Resolution.objects.create(item=item, order=1, number="1", text="Approved.", source=paper)
    url = reverse("admin:meetings_agendaitem_change", args=[item.pk])
    page = admin_client.get(url)
    assert "source" not in page.context["adminform"].form.fields
    assert not {name for name in inputs(page) if name.endswith("source")}
    data = _form_values(page)
    data.update({"source": "", "minutes_source": "", "resolutions-0-source": ""})
    assert admin_client.post(url, {**data, "title": "Compulsory purchase order"}).status_code == 302
    item.refresh_from_db()
    assert item.title == "Compulsory purchase order" and item.source == paper
    assert Resolution.objects.get(item=item).source == paper


def test_admin_additions_and_deletions_are_logged_too(admin_client):
    meeting = factories.meeting(date=dt.date(2030, 1, 10))
    item = factories.item(meeting, number="9", title="Urgent business")
    url = reverse("admin:meetings_agendaitem_delete", args=[item.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not AgendaItem.objects.filter(pk=item.pk).exists()
    response = admin_client.post(
        reverse("admin:meetings_committee_add"), {"name": "Licensing", "slug": "licensing"}
    )
    assert response.status_code == 302
    details = list(AuditEntry.objects.order_by("pk").values_list("meeting", "detail"))
    assert details == [
        (meeting.pk, "In the admin: deleted agenda item “9. Urgent business”."),
        (None, "In the admin: added committee “Licensing”."),
    ]
    assert Meeting.objects.count() == 1
