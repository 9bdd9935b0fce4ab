"""Staff and signed-in visitors are never served from the public cache, and nothing they are
sent is stored in it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.pagecache.surfaces import NEW_TITLE, TITLE, world
from tests.staff.helpers import item_form_data

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_signed_in_visitor_gets_a_page_made_for_them_and_it_is_not_kept(client, officer_client):
    meeting, item, _ = world()
    url = meeting.get_absolute_url()
    for _ in range(2):
        response = officer_client.get(url)
        assert response.status_code == 200 and TITLE in response.text
        assert "X-Public-Cache" not in response  # neither looked up nor stored
    assert client.get(url)["X-Public-Cache"] == "miss"  # the officer's copy was not kept
    assert client.get(url)["X-Public-Cache"] == "hit"
    assert "X-Public-Cache" not in officer_client.get(url)  # nor is the visitors' served


def test_staff_pages_are_never_cached_and_show_a_correction_at_once(client, officer_client):
    meeting, item, _ = world(published=False)
    review = reverse("staff:meeting", args=[meeting.pk])
    first = officer_client.get(review)
    assert TITLE in first.text and "no-store" in first["Cache-Control"]
    assert "X-Public-Cache" not in first
    data = item_form_data(officer_client, item, title=NEW_TITLE)
    officer_client.post(reverse("staff:item", args=[item.pk]), data)
    assert NEW_TITLE in officer_client.get(review).text
    # Anonymous visitors asking for a staff page are sent to sign in, never a stored page.
    assert client.get(review).status_code == 302
    assert "X-Public-Cache" not in client.get(review)


def test_visitors_share_one_copy_whatever_encodings_they_accept(client):
    meeting, _, _ = world()
    url = meeting.get_absolute_url()
    assert client.get(url)["X-Public-Cache"] == "miss"
    again = client.get(url, headers={"accept-encoding": "gzip, br"})
    assert again["X-Public-Cache"] == "hit" and TITLE in again.text
