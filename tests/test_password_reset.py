"""Staff reset a forgotten password by email when email is configured, rate-limited."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

pytestmark = pytest.mark.django_db
ATTACKER = "203.0.113.7"


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def clerk():
    return User.objects.create_user(
        "clerk", email="clerk@council.example", password="old password 42", is_staff=True
    )


def ask(email="clerk@council.example", address=ATTACKER):
    return Client(REMOTE_ADDR=address).post("/accounts/password_reset/", {"email": email})


def test_without_email_there_is_no_reset(settings, clerk):
    settings.EMAIL_CONFIGURED = False
    assert Client().get("/accounts/password_reset/").status_code == 404
    assert "Forgotten your password" not in Client().get("/accounts/login/").content.decode()


def test_a_clerk_resets_a_forgotten_password_from_the_email(settings, clerk):
    settings.EMAIL_CONFIGURED = True
    assert "Forgotten your password" in Client().get("/accounts/login/").content.decode()
    assert ask().status_code == 302
    [message] = mail.outbox
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+)", message.body).group(1)
    browser = Client()
    form = browser.get(link, follow=True)
    assert form.status_code == 200 and "Choose a new password" in form.content.decode()
    new = "a brand new passphrase 77"
    done = browser.post(
        form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}, follow=True
    )
    assert "Password changed" in done.content.decode()
    signed_in = Client().post("/accounts/login/", {"username": "clerk", "password": new})
    assert signed_in.status_code == 302


def test_resets_are_rate_limited_like_sign_in(settings, clerk):
    settings.EMAIL_CONFIGURED = True
    settings.PASSWORD_RESET_PER_HOUR = 5
    codes = [ask().status_code for _ in range(6)]
    assert codes == [302] * 5 + [429]
    assert len(mail.outbox) == 5
    # Asking about the same address from elsewhere is paused too.
    assert ask(address="198.51.100.20").status_code == 429
    # Another address from elsewhere is not.
    assert ask("nobody@council.example", address="198.51.100.20").status_code == 302
