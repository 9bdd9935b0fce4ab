"""A correction made in the admin follows the same rules as one made on the staff pages
(``staff.corrections``): it survives a re-read, and exempt is logged with its paragraph."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from meetings.models import SCHEDULE_12A_PARAGRAPHS, AgendaItem, ItemRemoval
from staff.models import AuditEntry
from tests import factories
from tests.staff.helpers import form_data, formset_data

pytestmark = pytest.mark.django_db


def change_form(client, url) -> dict[str, str]:
    response = client.get(url)
    values = form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        values.update(formset_data(inline.formset))
    return values


def test_an_item_marked_exempt_in_the_admin_is_logged_as_on_the_staff_pages(officer_client):
    meeting = factories.meeting(date=dt.date(2030, 1, 10))
    item = factories.item(meeting, number="7", title="Sale of the depot")
    url = reverse("admin:meetings_agendaitem_change", args=[item.pk])
    data = {**change_form(officer_client, url), "exempt": "on", "exempt_paragraph": "3"}
    response = officer_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    marked = AuditEntry.objects.get(action=AuditEntry.Action.MARKED_EXEMPT)
    assert marked.detail == f"Schedule 12A paragraph 3: {SCHEDULE_12A_PARAGRAPHS[3]}"
    assert marked.meeting == meeting

    data = {**change_form(officer_client, url), "exempt_paragraph": ""}
    del data["exempt"]  # unticked
    assert officer_client.post(url, data).status_code == 302
    assert AuditEntry.objects.filter(action=AuditEntry.Action.UNMARKED_EXEMPT).count() == 1
    item.refresh_from_db()
    assert item.corrected is True and item.exempt is False


def test_a_venue_corrected_in_the_admin_is_kept_through_a_re_read(admin_client):
    meeting = factories.meeting(date=dt.date(2030, 1, 10))
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    data = {**change_form(admin_client, url), "venue": "Committee Room 2"}
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    meeting.refresh_from_db()
    assert meeting.venue == "Committee Room 2" and meeting.details_corrected is True


def test_an_item_read_from_a_paper_and_deleted_in_the_admin_stays_removed(admin_client):
    meeting = factories.meeting(date=dt.date(2030, 1, 10))
    item = factories.item(meeting, number="9", title="Urgent business", read_key="9")
    url = reverse("admin:meetings_agendaitem_delete", args=[item.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not AgendaItem.objects.filter(pk=item.pk).exists()
    removal = ItemRemoval.objects.get()
    assert (removal.meeting, removal.read_key, removal.title) == (meeting, "9", "Urgent business")
