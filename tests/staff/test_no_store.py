"""Nothing from the staff side is kept by a cache: every staff, admin and sign-in response says
``Cache-Control: no-store``, errors and redirects included. There is no password reset by
email (the portal sends no email); an administrator resets passwords instead."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from staff import urls as staff_urls
from tests.staff.conftest import PASSWORD
from tests.staff.test_malformed_input import GETS, POSTS

pytestmark = pytest.mark.django_db


def assert_not_stored(response, what: str) -> None:
    cache_control = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert {"no-store", "private"} <= cache_control, (what, response.get("Cache-Control"))


def every_staff_request(world) -> list[tuple[str, str, dict]]:
    """(method, url, data) for each staff page read and each staff form posted."""
    requests = []
    for name, target, _ in GETS:
        requests.append(("get", reverse(name, args=[world[target]] if target else []), {}))
    for name, target, fields in POSTS:
        url = reverse(name, args=[world[target]] if target else [])
        requests.append(("post", url, fields or {}))
    return requests


def test_the_walk_covers_every_staff_url(staff_world):
    walked = {url for _, url, _ in every_staff_request(staff_world)}
    assert len(walked) == len(staff_urls.urlpatterns)


def test_every_staff_response_is_kept_by_no_cache(officer_client, staff_world):
    for method, url, data in every_staff_request(staff_world):
        response = getattr(officer_client, method)(url, data)
        assert response.status_code < 500, (method, url)
        assert_not_stored(response, f"{method} {url} ({response.status_code})")


def test_staff_redirects_and_errors_are_kept_by_no_cache_either(client, officer_client):
    assert_not_stored(client.get(reverse("staff:dashboard")), "sign-in redirect")
    assert_not_stored(officer_client.get("/staff/meetings/999999/"), "not found")
    assert_not_stored(officer_client.get("/staff/audit/", {"meeting": "²"}), "bad request")
    assert_not_stored(officer_client.get(reverse("admin:index")), "admin")


def test_signing_in_and_out_is_kept_by_no_cache(officer):
    visitor = Client()
    assert_not_stored(visitor.get(reverse("login")), "sign-in page")
    wrong = visitor.post(reverse("login"), {"username": "officer", "password": "wrong"})
    assert_not_stored(wrong, "failed sign-in")
    right = visitor.post(reverse("login"), {"username": "officer", "password": PASSWORD})
    assert right.status_code == 302
    assert_not_stored(right, "signed in")
    assert_not_stored(visitor.get(reverse("password_change")), "password change")
    signed_out = visitor.post(reverse("logout"))
    assert_not_stored(signed_out, "signed out")
    assert visitor.get(reverse("staff:dashboard")).status_code == 302  # really signed out


def test_there_is_no_password_reset_by_email_without_email(client, settings):
    settings.EMAIL_CONFIGURED = False
    assert client.get("/accounts/password_reset/").status_code == 404
    assert "password_reset" not in client.get(reverse("login")).content.decode()


def test_the_password_reset_pages_are_not_stored(client, settings):
    settings.EMAIL_CONFIGURED = True
    assert_not_stored(client.get(reverse("password_reset")), "password reset")
    asked = client.post(reverse("password_reset"), {"email": "nobody@council.example"})
    assert_not_stored(asked, "password reset asked")
