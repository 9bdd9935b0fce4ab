"""Malformed input to every staff page: a 400 that says what was wrong, or the form's own
errors; never a server error.

Hypothesis sends each staff page odd query parameters (huge numbers, digits that are not
ASCII, NUL characters, unknown names) and each staff form odd values: fields changed or left
out, row counts from nothing to a hundred thousand, extra rows, and the ids of rows from
another meeting, signed in as a Democratic services officer (and, for signing in, as
nobody). Each request is rolled back, so every example starts from the same meeting.
"""

from __future__ import annotations

import html
import os
import re

import pytest
from django.db import transaction
from django.forms import BaseForm, BaseFormSet
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetings.models import AgendaItem
from staff import urls as staff_urls
from tests.staff.helpers import form_data, formset_data

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("STAFF_FUZZ_EXAMPLES", "40"))  # more for a longer hunt
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MANAGEMENT = ["TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"]
HUGE = "99999999999999999999"


def nasty(ids: list[str]):
    """Values a browser would never send, and a few it would."""
    return st.one_of(
        st.text(max_size=24),
        st.integers(-(10**25), 10**25).map(str),
        st.sampled_from(
            [
                "",
                "0",
                "-1",
                "2",
                "1000",
                HUGE,
                "²",
                "٣",
                "①",
                " 7",
                "1e3",
                "\x00",
                "nan",
                "on",
                "2030-02-30",
                "9999-12-31",
                "24:61",
                *ids,
            ]
        ),
    )


# Staff pages read with GET: (url name, whose pk, the query parameters it reads).
GETS = [
    ("staff:dashboard", None, ["q"]),
    ("staff:upload", None, []),
    ("staff:jobs", None, ["page"]),
    ("staff:audit", None, ["meeting", "action", "page"]),
    ("staff:meeting", "meeting", []),
    ("staff:meeting-edit", "meeting", []),
    ("staff:meeting-preview", "meeting", []),
    ("staff:meeting-upload", "meeting", []),
    ("staff:attendance", "meeting", []),
    ("staff:item", "item", []),
    ("staff:people", None, ["q", "page"]),
    ("staff:person", "person", []),
    ("staff:document", "document", []),
    ("staff:document-pdf", "document", []),
]
# Staff forms: (url name, whose pk, fields for a page that is only posted to, else None to
# take every form on the page as the browser would post it).
POSTS = [
    ("staff:upload", None, None),
    ("staff:meeting-upload", "meeting", None),
    ("staff:meeting", "meeting", None),
    ("staff:meeting-edit", "meeting", None),
    ("staff:attendance", "meeting", None),
    ("staff:item", "item", None),
    ("staff:person", "person", None),
    ("staff:document", "document", None),
    ("staff:item-add", "meeting", {"new-number": "3", "new-title": "Any other business"}),
    ("staff:publish", "meeting", {}),
    ("staff:unpublish", "meeting", {}),
    ("staff:document-publish", "document", {"publish": "1"}),
    ("staff:document-exempt", "document", {"exempt": "1"}),
]


def url_for(name: str, target: str | None, staff_world: dict, pk: str | None = None) -> str:
    if target is None:
        return reverse(name)
    return reverse(name, args=[pk or staff_world[target]])


def page_forms(client, url: str) -> dict[str, str]:
    """Every form and formset on the page, as the browser would post them back."""
    response = client.get(url)
    assert response.status_code == 200, url
    data: dict[str, str] = {}
    for key in response.context.keys():  # noqa: SIM118 - a ContextList, not a dict
        value = response.context[key]
        if isinstance(value, BaseFormSet):
            data.update(formset_data(value))
        elif isinstance(value, BaseForm):
            data.update(form_data(value))
    return {key: str(value) for key, value in data.items()}


def row_keys(base: dict[str, str]) -> list[str]:
    """Keys for rows the page never offered: management counts and rows 0 to 4 of each formset."""
    keys = set()
    for key in base:
        match = re.match(r"^(?P<prefix>[a-z]+)-(?:\d+-(?P<field>\w+)|TOTAL_FORMS)$", key)
        if match and match["field"]:
            keys |= {f"{match['prefix']}-{n}-{match['field']}" for n in range(5)}
        elif match:
            keys |= {f"{match['prefix']}-{name}" for name in MANAGEMENT}
    return sorted(keys - set(base))


def assert_answered(response) -> None:
    assert response.status_code < 500
    if response.status_code == 400:
        assert "could not be understood" in response.content.decode(), response.content[:300]


def rolled_back(send):
    """Send a request inside a transaction that is then undone, so each example starts alike."""
    with transaction.atomic():
        response = send()
        transaction.set_rollback(True)
    return response


@pytest.mark.parametrize(("name", "target", "params"), GETS, ids=[g[0] for g in GETS])
def test_odd_query_parameters_never_break_a_staff_page(
    name, target, params, officer_client, staff_world
):
    ids = staff_world["ids"]
    keys = st.sampled_from([*params, "page", "meeting"]) | st.text(min_size=1, max_size=8)

    @FUZZ
    @given(query=st.dictionaries(keys, nasty(ids), max_size=4), pk=st.sampled_from([None, HUGE]))
    def check(query, pk):
        url = url_for(name, target, staff_world, pk)
        assert_answered(rolled_back(lambda: officer_client.get(url, query)))

    check()


@pytest.mark.parametrize(("name", "target", "fields"), POSTS, ids=[p[0] for p in POSTS])
def test_odd_form_posts_never_break_a_staff_page(name, target, fields, officer_client, staff_world):
    url = url_for(name, target, staff_world)
    base = dict(fields) if fields is not None else page_forms(officer_client, url)
    ids, keys = staff_world["ids"], sorted(base) + row_keys(base)
    names = (st.sampled_from(keys) if keys else st.nothing()) | st.text(min_size=1, max_size=12)

    @FUZZ
    @given(
        changes=st.dictionaries(names, nasty(ids), max_size=6),
        dropped=st.lists(st.sampled_from(sorted(base) or ["none"]), max_size=3),
    )
    def check(changes, dropped):
        data = {key: value for key, value in base.items() if key not in dropped}
        data.update(changes)
        assert_answered(rolled_back(lambda: officer_client.post(url, data)))

    check()


def test_odd_sign_ins_never_break_the_sign_in_page(officer, staff_world):
    visitor = Client()

    @FUZZ
    @given(data=st.dictionaries(st.sampled_from(["username", "password", "next"]), nasty([])))
    def check(data):
        assert_answered(rolled_back(lambda: visitor.post(reverse("login"), data)))
        assert_answered(rolled_back(lambda: visitor.get(reverse("login"), data)))

    check()


def test_every_staff_page_and_form_is_fuzzed():
    names = {f"staff:{pattern.name}" for pattern in staff_urls.urlpatterns}
    assert names == {name for name, _, _ in GETS} | {name for name, _, _ in POSTS}


def reason_of(response) -> str:
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert "This request could not be understood" in page
    return page


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ({"meeting": HUGE}, "“meeting” should be the number of a meeting, such as 12."),
        ({"meeting": "²"}, "“meeting” should be the number of a meeting, such as 12."),
        ({"meeting": "-3"}, "“meeting” should be the number of a meeting, such as 12."),
        ({"action": "deleted"}, "“action” should be one of: uploaded, corrected"),
        ({"page": "²"}, "“page” should be a page number, such as 2."),
    ],
)
def test_a_bad_audit_filter_gets_a_400_that_says_why(query, words, officer_client, staff_world):
    assert words in reason_of(officer_client.get(reverse("staff:audit"), query))


def test_good_audit_filters_still_filter(officer_client, staff_world):
    response = officer_client.get(
        reverse("staff:audit"),
        {"meeting": staff_world["meeting"], "action": "corrected", "page": "1"},
    )
    assert response.status_code == 200 and len(response.context["page"].object_list) == 1


def test_a_control_character_in_the_meeting_search_gets_a_400(officer_client, staff_world):
    page = reason_of(officer_client.get(reverse("staff:dashboard"), {"q": "Cab\x00inet"}))
    assert "“q” holds a control character" in page


def agenda_post(client, staff_world, **changes) -> tuple[str, dict]:
    url = reverse("staff:meeting", args=[staff_world["meeting"]])
    return url, {**page_forms(client, url), **changes}


@pytest.mark.parametrize(
    "changes",
    [
        {"items-TOTAL_FORMS": "3", "items-2-title": "Added by hand", "items-2-order": "3"},
        {"items-TOTAL_FORMS": "100000"},
        {"items-TOTAL_FORMS": "x"},
        {"items-INITIAL_FORMS": "3", "items-TOTAL_FORMS": "3"},
    ],
    ids=["an-extra-row", "a-hundred-thousand-rows", "a-count-that-is-no-number", "a-missing-row"],
)
def test_agenda_rows_the_page_never_offered_get_a_400_and_change_nothing(
    changes, officer_client, staff_world
):
    before = list(AgendaItem.objects.values_list("pk", "title", "order"))
    url, data = agenda_post(officer_client, staff_world, **changes)
    assert "reload the page and try again" in reason_of(officer_client.post(url, data))
    assert list(AgendaItem.objects.values_list("pk", "title", "order")) == before


def test_another_meetings_item_cannot_be_edited_from_this_meeting(officer_client, staff_world):
    other = AgendaItem.objects.get(title="Another meeting's item")
    url, data = agenda_post(officer_client, staff_world, **{"items-0-id": str(other.pk)})
    data["items-0-title"] = "Renamed from the wrong meeting"
    assert "not on this page" in reason_of(officer_client.post(url, data))
    other.refresh_from_db()
    assert other.title == "Another meeting's item"


def test_the_agenda_form_as_the_page_sends_it_still_saves(officer_client, staff_world):
    url, data = agenda_post(officer_client, staff_world, **{"items-1-title": "Road safety scheme"})
    assert officer_client.post(url, data).status_code == 302
    assert AgendaItem.objects.filter(title="Road safety scheme").exists()
