"""The /search/ page: same results as the API, filters, counts, paging and a helpful empty state."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests import factories


@pytest.fixture
def world(db):
    meeting = factories.meeting("Cabinet", dt.date(2017, 10, 4))
    for n in range(25):
        factories.item(meeting, title=f"Fostering report {n}", number=str(n + 1))
    factories.item(meeting, title="Defibrillators in village halls", number="40")
    return meeting


def test_it_shows_the_search_form_with_labels(client, db):
    page = client.get(reverse("search")).content.decode()

    assert '<label class="label label--bold" for="id_q">Search for</label>' in page
    assert '<legend class="fieldset__legend">Committee</legend>' in page
    assert '<legend class="fieldset__legend">Show</legend>' in page
    for part in ("Day", "Month", "Year"):  # dates as GOV.UK's day, month and year boxes
        assert (
            f'<label class="date-input__label" for="id_from_{part.lower()}">{part}</label>' in page
        )


def test_it_lists_results_with_a_count_announced_and_links(client, world):
    page = client.get(reverse("search"), {"q": "defibrillators"}).content.decode()

    assert 'role="status"' in page and "1 result for “defibrillators”" in page
    item = world.items.get(number="40")
    assert f'href="{item.get_absolute_url()}"' in page
    assert "<mark>Defibrillators</mark>" in page or "Defibrillators in village halls" in page


def test_it_pages_results_keeping_the_query(client, world):
    page = client.get(reverse("search"), {"q": "fostering"}).content.decode()

    assert "26 results" not in page and "25 results" in page
    assert "Page 1 of 2" in page and "q=fostering&amp;page=2" in page


def test_it_filters_through_the_form(client, world):
    page = client.get(reverse("search"), {"q": "fostering", "from": "2020-01-01"}).content.decode()

    assert "0 results" in page and "Nothing matched" in page


def test_it_takes_dates_as_day_month_and_year(client, world):
    found = client.get(
        reverse("search"), {"q": "fostering", "to_day": "4", "to_month": "10", "to_year": "2017"}
    ).content.decode()
    after = client.get(
        reverse("search"),
        {"q": "fostering", "from_day": "5", "from_month": "10", "from_year": "2017"},
    ).content.decode()
    bad = client.get(
        reverse("search"),
        {"q": "fostering", "from_day": "31", "from_month": "2", "from_year": "2017"},
    )

    assert "25 results" in found and 'value="2017"' in found
    assert "0 results" in after
    assert bad.status_code == 400 and "Enter a real date" in bad.content.decode()


def test_it_suggests_a_spelling_when_nothing_matches(client, world):
    page = client.get(reverse("search"), {"q": "defribillators"}).content.decode()

    assert "Nothing matched" in page
    assert "Did you mean" in page and "defibrillators" in page


def test_it_explains_a_bad_query(client, world):
    response = client.get(reverse("search"), {"q": "-budget"})

    assert response.status_code == 200
    assert "excluded words alone match nothing" in response.content.decode()
