from collections import Counter

import pytest
from django.utils.html import escape

from meetings.models import AgendaItem, Resolution
from tests.views.pages import assert_well_formed, queries_for

pytestmark = pytest.mark.django_db


def test_it_lists_every_decided_item_once_newest_first(client):
    response = client.get("/decisions/")
    page = assert_well_formed(response, "Decisions register")
    body = response.content.decode()
    decided = {r.item_id for r in Resolution.objects.public()}
    assert len(decided) < Resolution.objects.public().count()
    assert f"{len(decided)} decisions" in body
    newest = Resolution.objects.public().newest_first().first()
    oldest = Resolution.objects.public().newest_first().last()
    assert newest.item.get_absolute_url() in page.links
    assert oldest.item.meeting.date.year < newest.item.meeting.date.year


def test_it_filters_by_text_committee_and_date(client):
    body = client.get("/decisions/?q=foster&committee=cabinet&date_to=2018-01-01").content.decode()
    assert "Fostering Modernisation Plan" in body
    assert "2025" not in body.split("Decisions register")[-1].split("</main>")[0]


def test_it_never_lists_the_resolution_of_a_withheld_minute(client):
    item = AgendaItem.objects.get(meeting__url_key="2017-10-04", minute_number="97")
    assert item.exempt and item.resolutions.exists()
    item.minute_withheld = True
    item.save()
    Resolution.objects.filter(item=item).update(text="EXEMPT-RESOLUTION-MARKER")
    assert "EXEMPT-RESOLUTION-MARKER" not in client.get("/decisions/").content.decode()
    assert "EXEMPT-RESOLUTION-MARKER" not in client.get("/decisions/?q=EXEMPT").content.decode()


def test_it_lists_the_resolution_the_council_printed_for_an_exempt_item(client):
    item = AgendaItem.objects.get(meeting__url_key="2017-10-04", minute_number="97")
    assert item.exempt and not item.minute_withheld
    Resolution.objects.filter(item=item).update(text="PRINTED-EXEMPT-RESOLUTION")
    listed = client.get("/decisions/?committee=cabinet&date_to=2018-01-01").content.decode()
    assert "PRINTED-EXEMPT-RESOLUTION" in listed
    found = client.get("/decisions/?q=PRINTED-EXEMPT-RESOLUTION").content.decode()
    assert "PRINTED-EXEMPT-RESOLUTION" in found


def test_it_paginates(client):
    assert Resolution.objects.public().count() > 25
    assert 'href="?page=2"' in client.get("/decisions/").content.decode()
    assert client.get("/decisions/?page=2").status_code == 200


def test_it_uses_a_fixed_number_of_queries(client):
    assert queries_for(client, "/decisions/") == queries_for(client, "/decisions/?page=2") <= 5


def test_it_lists_an_item_with_numbered_parts_once_with_its_parts_under_it(client):
    counted = Counter(r.item_id for r in Resolution.objects.public())
    item_id, parts = counted.most_common(1)[0]
    assert parts >= 3
    item = AgendaItem.objects.get(pk=item_id)
    day = item.meeting.date.isoformat()
    body = client.get(f"/decisions/?date_from={day}&date_to={day}").content.decode()
    assert body.count(f'href="{item.get_absolute_url()}"') == 1
    for resolution in item.resolutions.all():
        assert escape(resolution.text) in body


def test_its_dates_are_asked_as_day_month_and_year_like_every_other_form(client):
    item = AgendaItem.objects.filter(resolutions__isnull=False).distinct().first()
    date = item.meeting.date
    body = client.get("/decisions/").content.decode()
    assert 'type="date"' not in body
    for box in ("date_from_day", "date_from_month", "date_from_year", "date_to_year"):
        assert f'name="{box}"' in body
    boxes = {
        f"date_{end}_{part}": getattr(date, attr)
        for end in ("from", "to")
        for part, attr in (("day", "day"), ("month", "month"), ("year", "year"))
    }
    filtered = client.get("/decisions/", boxes).content.decode()
    assert f'href="{item.get_absolute_url()}"' in filtered
    other = AgendaItem.objects.filter(resolutions__isnull=False).exclude(meeting__date=date)
    assert all(f'href="{i.get_absolute_url()}"' not in filtered for i in other)
