"""GET /api/search: the contract's shape, the query language, filters, paging and errors."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.search.backends import START, STOP
from documents.search.results import mark
from meetings.models import Report, Resolution
from tests import factories


def _world():
    cabinet = factories.meeting("Cabinet", dt.date(2017, 10, 4))
    plan = factories.item(cabinet, title="Fostering Modernisation Plan", number="6")
    Report.objects.create(item=plan, recommendation="Approve the plan to recruit foster carers.")
    Resolution.objects.create(item=plan, text="That the fostering plan be approved.")
    pack = factories.document(
        cabinet,
        pages=["Front sheet", "Recruitment of foster carers costs < 5 & <script>x()</script>"],
    )
    factories.page_range(plan, pack, 2, 2)
    scrutiny = factories.meeting("People and Health Overview Committee", dt.date(2021, 9, 2))
    factories.item(scrutiny, title="Development of Family Hubs", number="8")
    factories.item(scrutiny, title="Family support budget", number="9")
    factories.item(scrutiny, title="Hubs for young people", number="10")
    return cabinet, plan, pack


def _titles(body):
    return [r["title"] for r in body["results"]]


@pytest.mark.django_db
def test_it_answers_in_the_contract_shape(api):
    _, plan, pack = _world()

    body = api.get("/api/search", {"q": "foster carers"}).json()

    # The contract's keys, and the one added after it ("people", named people first).
    assert set(body) == {"query", "count", "page", "page_size", "results", "people"}
    assert body["people"] == []
    assert body["query"] == "foster carers" and body["page"] == 1 and body["page_size"] == 20
    assert body["count"] == len(body["results"]) == 2
    item = next(r for r in body["results"] if r["type"] == "item")
    assert item["url"] == plan.get_absolute_url()
    assert item["meeting"] == {
        "committee": "Cabinet",
        "date": "2017-10-04",
        "url": plan.meeting.get_absolute_url(),
    }
    assert item["item"]["number"] == "6" and item["document"] is None
    page = next(r for r in body["results"] if r["type"] == "page")
    assert page["url"] == f"/documents/{pack.pk}/#page-2"
    assert page["document"]["page"] == 2 and page["document"]["kind"] == "agenda-pack"
    assert page["item"]["title"] == "Fostering Modernisation Plan"


@pytest.mark.django_db
def test_it_ranks_the_item_titled_with_the_words_first(api):
    _world()

    body = api.get("/api/search", {"q": "fostering"}).json()

    assert body["results"][0]["title"] == "Fostering Modernisation Plan"
    assert body["results"][0]["type"] == "item"


@pytest.mark.django_db
def test_it_highlights_matched_words_and_escapes_the_rest(api):
    _world()

    body = api.get("/api/search", {"q": "recruitment", "type": "page"}).json()

    snippet = body["results"][0]["snippet"]
    assert "<mark>Recruitment</mark>" in snippet
    assert "<" not in snippet.replace("<mark>", "").replace("</mark>", "")


def test_it_escapes_snippet_text_and_balances_marks():
    text = f"a < b & {START}c{STOP} {STOP}<script>{START}d"

    assert mark(text) == "a &lt; b &amp; <mark>c</mark> &lt;script&gt;<mark>d</mark>"


@pytest.mark.django_db
def test_it_stems_english_words(api):
    _world()

    assert "Fostering Modernisation Plan" in _titles(
        api.get("/api/search", {"q": "fostered"}).json()
    )


@pytest.mark.django_db
def test_it_matches_exact_phrases_exclusions_and_or(api):
    _world()

    phrase = _titles(api.get("/api/search", {"q": '"family hubs"'}).json())
    excluded = _titles(api.get("/api/search", {"q": "family -hubs"}).json())
    either = _titles(api.get("/api/search", {"q": "budget or young"}).json())

    assert phrase == ["Development of Family Hubs"]
    assert excluded == ["Family support budget"]
    assert sorted(either) == ["Family support budget", "Hubs for young people"]


@pytest.mark.django_db
def test_it_filters_by_committee_date_and_type(api):
    _world()

    by_committee = api.get("/api/search", {"q": "family or fostering", "committee": "cabinet"})
    by_date = api.get("/api/search", {"q": "family or fostering", "from": "2020-01-01"})
    by_type = api.get("/api/search", {"q": "fostering", "type": ["resolution"]})

    assert {r["meeting"]["committee"] for r in by_committee.json()["results"]} == {"Cabinet"}
    assert {r["meeting"]["date"] for r in by_date.json()["results"]} == {"2021-09-02"}
    assert {r["type"] for r in by_type.json()["results"]} == {"resolution"}


@pytest.mark.django_db
def test_it_pages_through_results(api):
    _world()

    first = api.get("/api/search", {"q": "family or hubs or fostering", "page_size": 2}).json()
    second = api.get(
        "/api/search", {"q": "family or hubs or fostering", "page_size": 2, "page": 2}
    ).json()

    assert first["count"] == second["count"] >= 4
    assert len(first["results"]) == 2 and second["page"] == 2
    assert not set(_titles(first)) & set(_titles(second)) - {"Fostering Modernisation Plan"}


@pytest.mark.django_db
def test_it_keeps_the_index_in_step_with_staff_corrections(api):
    _, plan, _ = _world()

    plan.title = "Foster care sufficiency strategy"
    plan.save()
    Report.objects.filter(item=plan).update(recommendation="Adopt the sufficiency strategy.")

    assert _titles(api.get("/api/search", {"q": "sufficiency", "type": "item"}).json()) == [
        "Foster care sufficiency strategy"
    ]
    assert api.get("/api/search", {"q": "modernisation", "type": "item"}).json()["count"] == 0
    plan.delete()
    assert api.get("/api/search", {"q": "sufficiency"}).json()["count"] == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "x", "page": "0"},
        {"q": "x", "page": "two"},
        {"q": "x", "page_size": "101"},
        {"q": "x", "from": "2021-13-01"},
        {"q": "x", "type": "minutes"},
        {"q": "x" * 301},
    ],
)
def test_it_answers_400_with_an_error_for_bad_parameters(api, params):
    _world()

    response = api.get("/api/search", params)

    assert response.status_code == 400
    assert set(response.json()) == {"error"} and response.json()["error"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "the"},
        {"q": "-fostering"},
        {"q": "fostering", "committee": "no-such-committee"},
        {"q": "fostering", "from": "2021-01-02", "to": "2021-01-01"},
        {"q": "fostering", "page": "5000"},
    ],
)
def test_it_finds_nothing_for_a_valid_search_that_cannot_match(api, params):
    _world()

    response = api.get("/api/search", params)

    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.django_db
def test_it_treats_an_empty_committee_as_no_filter(api):
    _world()

    body = api.get("/api/search", {"q": "fostering", "committee": ""}).json()

    assert body["count"] >= 1


@pytest.mark.django_db
def test_it_is_in_the_openapi_schema(api):
    schema = api.get("/api/schema", HTTP_ACCEPT="application/json").json()

    operation = schema["paths"]["/api/search"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"q", "committee", "from", "type"}
    assert "400" in operation["responses"]


@pytest.mark.django_db
def test_it_ignores_nul_characters_in_the_query(client):
    response = client.get("/api/search", {"q": "foster\x00", "committee": ["", "\x00"]})
    assert response.status_code == 200
    assert response.json()["query"] == "foster"
