"""Signing in is paused after repeated failures for one username from one address."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.db.models import F
from django.test import Client, RequestFactory
from django.urls import reverse

from portal.security import client_ip

PASSWORD = "correct horse battery staple 42"
ATTACKER = "203.0.113.7"
ELSEWHERE = "198.51.100.20"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def clerk():
    return User.objects.create_user("clerk", password=PASSWORD, is_staff=True)


def sign_in(username, password, address=ATTACKER, **headers):
    """A fresh browser posting the sign-in form from ``address``."""
    return Client(REMOTE_ADDR=address, **headers).post(
        reverse("login"), {"username": username, "password": password}, secure=True
    )


def fail(times, username="clerk", address=ATTACKER, **headers):
    for _ in range(times):
        response = sign_in(username, "wrong password", address, **headers)
        assert response.status_code in (200, 429)
    return response


def signed_in(response) -> bool:
    return response.status_code == 302 and response.url == reverse("staff:dashboard")


def test_the_right_password_is_refused_once_the_limit_is_reached(clerk, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    before_limit = fail(settings.AXES_FAILURE_LIMIT - 1)
    assert before_limit.status_code == 200  # the ordinary "did not match" form
    assert "did not match" in before_limit.content.decode()
    fail(1)

    refused = sign_in("clerk", PASSWORD)
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Signing in is paused" in page
    assert "5 unsuccessful attempts to sign in as <strong>clerk</strong>" in page
    assert "Wait 15 minutes" in page
    assert "_auth_user_id" not in refused.wsgi_request.session


def test_other_users_and_other_addresses_are_unaffected(clerk, settings):
    User.objects.create_user("colleague", password=PASSWORD, is_staff=True)
    fail(settings.AXES_FAILURE_LIMIT)
    assert sign_in("clerk", PASSWORD).status_code == 429
    assert signed_in(sign_in("colleague", PASSWORD))
    assert signed_in(sign_in("clerk", PASSWORD, address=ELSEWHERE))


def test_the_pause_ends_after_the_cool_off(clerk, settings):
    fail(settings.AXES_FAILURE_LIMIT)
    assert sign_in("clerk", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=14))
    assert sign_in("clerk", PASSWORD).status_code == 429  # not yet, and the wait starts again
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    assert signed_in(sign_in("clerk", PASSWORD))


def test_a_successful_sign_in_resets_the_count(clerk, settings):
    fail(settings.AXES_FAILURE_LIMIT - 1)
    assert signed_in(sign_in("clerk", PASSWORD))
    fail(settings.AXES_FAILURE_LIMIT - 1)
    assert signed_in(sign_in("clerk", PASSWORD))


def test_the_limit_and_cool_off_come_from_settings(clerk, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_COOLOFF_TIME = timedelta(minutes=60)
    fail(2)
    page = sign_in("clerk", PASSWORD).content.decode()
    assert "2 unsuccessful attempts" in page and "Wait 60 minutes" in page


def test_a_forwarded_address_is_ignored_unless_a_proxy_is_trusted(clerk, settings):
    """Without a trusted proxy, rotating X-Forwarded-For does not escape the lockout."""
    assert settings.TRUSTED_PROXY_COUNT == 0
    for n in range(settings.AXES_FAILURE_LIMIT):
        fail(1, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert sign_in("clerk", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_behind_a_trusted_proxy_each_visitor_is_counted_by_their_own_address(clerk, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    # The proxy appends the address it saw; anything before that the visitor wrote.
    fail(settings.AXES_FAILURE_LIMIT, address=proxy, HTTP_X_FORWARDED_FOR=f"1.2.3.4, {ATTACKER}")
    assert AccessAttempt.objects.get().ip_address == ATTACKER
    locked = sign_in("clerk", PASSWORD, proxy, HTTP_X_FORWARDED_FOR=f"5.6.7.8, {ATTACKER}")
    assert locked.status_code == 429
    assert signed_in(sign_in("clerk", PASSWORD, proxy, HTTP_X_FORWARDED_FOR=ELSEWHERE))


def test_the_admin_sign_in_is_limited_too(clerk, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client(REMOTE_ADDR=ATTACKER).post(
            reverse("admin:login"), {"username": "clerk", "password": "nope"}, secure=True
        )
    response = Client(REMOTE_ADDR=ATTACKER).post(
        reverse("admin:login"), {"username": "clerk", "password": PASSWORD}, secure=True
    )
    assert response.status_code == 429


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "192.0.2.1", "10.0.0.2"),  # no proxy trusted: the header is the visitor's word
        (1, "192.0.2.1", "192.0.2.1"),
        (1, "spoofed, 192.0.2.1", "192.0.2.1"),
        (1, " 2001:db8::1 ", "2001:db8::1"),
        (2, "192.0.2.1, 198.51.100.9", "192.0.2.1"),  # two proxies: the outer one's record
        (2, "192.0.2.1", "10.0.0.2"),  # fewer hops than proxies: not through them all
        (1, "unknown", "10.0.0.2"),
        (1, "", "10.0.0.2"),
    ],
)
def test_the_client_address_is_read_only_from_trusted_proxies(
    settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
