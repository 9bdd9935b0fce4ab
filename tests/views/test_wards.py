"""Ward pages: every ward a sample or real front sheet names, "All wards" kept apart."""

import pytest

from councillors.models import ItemWard, Ward
from documents.ingest.wards import ALL_WARDS, wards_in
from tests.views.pages import assert_well_formed

pytestmark = pytest.mark.django_db


def test_front_sheet_values_are_read_as_wards():
    assert wards_in("All") == wards_in("Countywide") == wards_in("All Wards") == [ALL_WARDS]
    assert wards_in("Riverside; Old Town Ward and Harbour") == ["Riverside", "Old Town", "Harbour"]
    assert wards_in("Cllr P Wharf (Riverside), Cllr A Bell") == ["Riverside"]
    assert wards_in("None") == [] and wards_in("Mr R Gough") == []


def test_the_front_sheets_wards_have_pages_listing_their_papers(client):
    # The sample and Eastmere front sheets all say "Local Councillor(s): All".
    ward = Ward.objects.get(is_all=True)
    assert ward.name == ALL_WARDS
    links = ItemWard.objects.public().filter(ward=ward).select_related("item__meeting")
    assert links.count() >= 3
    page = assert_well_formed(client.get(ward.get_absolute_url()), ALL_WARDS)
    newest = links.order_by("-item__meeting__date", "item__meeting_id", "item__order")[:10]
    assert {link.item.get_absolute_url() for link in newest} <= set(page.links)
    listing = assert_well_formed(client.get("/wards/"), "Wards")
    assert ward.get_absolute_url() in listing.links


def test_an_exempt_item_is_not_listed_on_a_ward_page(client):
    ward = Ward.objects.get(is_all=True)
    link = ItemWard.objects.public().filter(ward=ward).select_related("item").first()
    link.item.exempt = True
    link.item.save()
    page = assert_well_formed(client.get(ward.get_absolute_url()), ALL_WARDS)
    assert link.item.get_absolute_url() not in page.links
    named = Ward.objects.create(name="Riverside", slug="riverside")
    ItemWard.objects.create(item=link.item, ward=named, source=link.source)
    assert client.get(named.get_absolute_url()).status_code == 404
