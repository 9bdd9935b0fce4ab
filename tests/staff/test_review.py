"""The review screen: every field correctable, items added, removed and reordered, and kept."""

from __future__ import annotations

import pytest
from django.urls import reverse

from documents.models import Document
from meetings.models import AgendaItem
from staff import publishing
from staff.models import AuditEntry
from tests.staff.conftest import PACK
from tests.staff.helpers import formset_data, item_form_data, read_again, uploaded_pack

pytestmark = pytest.mark.django_db(transaction=True)


def work_programme(meeting) -> AgendaItem:
    return meeting.items.get(title__icontains="work programme", parent__isnull=True)


def test_it_shows_what_was_read_beside_the_pdf(officer_client, papers):
    meeting = uploaded_pack(officer_client, papers)
    page = officer_client.get(reverse("staff:meeting", args=[meeting.pk])).content.decode()
    item = work_programme(meeting)
    assert item.title in page
    [span] = item.page_ranges.all()
    assert f"pp. {span.start}–{span.end}" in page
    assert "Not for publication" in page  # item 11 of the pack is exempt
    document = Document.objects.get()
    assert reverse("staff:document-pdf", args=[document.pk]) in page
    item_page = officer_client.get(reverse("staff:item", args=[item.pk])).content.decode()
    assert f"#page={span.start}" in item_page


def test_it_keeps_a_corrected_title_through_a_reingest(officer_client, papers, client, tmp_path):
    meeting = uploaded_pack(officer_client, papers)
    item = work_programme(meeting)
    data = item_form_data(officer_client, item, title="Work programme 2021/22 (corrected)")
    response = officer_client.post(reverse("staff:item", args=[item.pk]), data)
    assert response.status_code == 302, response.context["item_form"].errors
    item.refresh_from_db()
    assert item.corrected and item.title == "Work programme 2021/22 (corrected)"
    assert AuditEntry.objects.filter(action="corrected", subject__contains="corrected").exists()

    # A new version of the paper is read.
    read_again(papers / PACK, tmp_path, publish=False)
    item.refresh_from_db()
    assert item.title == "Work programme 2021/22 (corrected)"

    publishing.publish_meeting(meeting, None)
    assert "Work programme 2021/22 (corrected)" in client.get(meeting.get_absolute_url()).text


def test_it_reorders_renames_and_removes_items_and_a_reingest_keeps_the_order(
    officer_client, papers, tmp_path
):
    meeting = uploaded_pack(officer_client, papers)
    url = reverse("staff:meeting", args=[meeting.pk])
    agenda = officer_client.get(url).context["agenda"]
    data = formset_data(agenda)
    first, second, last = agenda.forms[0], agenda.forms[1], agenda.forms[-1]
    data[first.add_prefix("order")] = "50"
    data[second.add_prefix("title")] = "Minutes of the previous meeting (renamed)"
    data[last.add_prefix("DELETE")] = "on"
    removed_title = last.instance.title
    response = officer_client.post(url, data)
    assert response.status_code == 302
    titles = list(meeting.items.filter(parent__isnull=True).values_list("title", flat=True))
    assert titles[-1] == first.instance.title
    assert "Minutes of the previous meeting (renamed)" in titles
    assert removed_title not in titles
    assert AuditEntry.objects.filter(action="removed").exists()

    read_again(papers / PACK, tmp_path, publish=False)
    moved = meeting.items.get(pk=first.instance.pk)
    assert moved.order == 50
    assert removed_title not in meeting.items.values_list("title", flat=True)


def test_it_adds_an_item(officer_client, papers):
    meeting = uploaded_pack(officer_client, papers)
    response = officer_client.post(
        reverse("staff:item-add", args=[meeting.pk]),
        {"new-number": "14", "new-title": "Urgent business"},
    )
    item = meeting.items.get(title="Urgent business")
    assert response.url == reverse("staff:item", args=[item.pk])
    assert item.order == max(meeting.items.values_list("order", flat=True))
    assert AuditEntry.objects.filter(action="added", subject__contains="Urgent business").exists()


def test_it_corrects_report_fields_and_resolutions(officer_client, papers):
    meeting = uploaded_pack(officer_client, papers)
    item = work_programme(meeting)
    data = item_form_data(officer_client, item)
    data["report-report_author"] = "Jane Doe"
    data["resolutions-0-order"] = "1"
    data["resolutions-0-number"] = "1"
    data["resolutions-0-text"] = "That the work programme be noted."
    response = officer_client.post(reverse("staff:item", args=[item.pk]), data)
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.report.report_author == "Jane Doe"
    assert [r.text for r in item.resolutions.all()] == ["That the work programme be noted."]


def test_it_refuses_a_page_range_past_the_end_of_the_paper(officer_client, papers):
    meeting = uploaded_pack(officer_client, papers)
    item = work_programme(meeting)
    data = item_form_data(officer_client, item)
    data["ranges-0-end"] = "500"
    response = officer_client.post(reverse("staff:item", args=[item.pk]), data)
    assert response.status_code == 200
    assert "That paper has 90 pages" in response.content.decode()


def test_no_blank_page_range_row_comes_ticked_and_an_agenda_line_can_be_marked(
    officer_client, papers
):
    meeting = uploaded_pack(officer_client, papers)
    item = work_programme(meeting)
    page = officer_client.get(reverse("staff:item", args=[item.pk]))
    ranges = page.context["ranges"]
    blank = ranges.forms[-1]
    assert blank.instance.pk is None
    assert f'name="{blank.add_prefix("listing_only")}"' in page.content.decode()
    ticked = [form for form in ranges.forms if form.initial.get("listing_only")]
    assert not [form for form in ticked if form.instance.pk is None]

    data = item_form_data(officer_client, item)
    data["ranges-0-listing_only"] = "on"
    assert officer_client.post(reverse("staff:item", args=[item.pk]), data).status_code == 302
    span = item.page_ranges.get(pk=ranges.forms[0].instance.pk)
    assert span.holds_paper is False
    data = item_form_data(officer_client, item)
    assert data["ranges-0-listing_only"] == "on"  # shown ticked again
    data.pop("ranges-0-listing_only")
    officer_client.post(reverse("staff:item", args=[item.pk]), data)
    span.refresh_from_db()
    assert span.holds_paper is True


def test_it_corrects_the_meeting_details(officer_client, papers):
    meeting = uploaded_pack(officer_client, papers)
    url = reverse("staff:meeting-edit", args=[meeting.pk])
    form = officer_client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(committee=meeting.committee_id, venue="County Hall, Dorchester", status="held")
    data["date"] = meeting.date.isoformat()
    assert officer_client.post(url, data).status_code == 302
    meeting.refresh_from_db()
    assert meeting.venue == "County Hall, Dorchester"
