"""The headers a security review expects, on real responses with DEBUG off over HTTPS."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse

from staff.permissions import sync_group
from tests import factories

TEMPLATES = Path(django_settings.BASE_DIR) / "templates"
PASSWORD = "correct horse battery staple 42"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
EVERY_RESPONSE = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
UNUSED_FEATURES = ("camera=()", "geolocation=()", "microphone=()", "payment=()", "usb=()")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _production(settings):
    """As served: DEBUG off (the settings' own default, so HSTS and secure cookies are on)."""
    assert not settings.DEBUG, "run the tests without DEBUG=1, as CI does"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def document():
    return factories.document(factories.meeting())


@pytest.fixture
def officer_client(client):
    officer = User.objects.create_user("officer", password=PASSWORD, is_staff=True)
    officer.groups.add(sync_group(Group, Permission))
    client.force_login(officer)
    return client


def assert_common_headers(response):
    for name, value in EVERY_RESPONSE.items():
        assert response.headers[name] == value, name
    policy = response.headers["Permissions-Policy"]
    assert all(feature in policy for feature in UNUSED_FEATURES), policy


def test_a_public_page_sends_every_security_header(client):
    response = client.get(reverse("home"), secure=True)
    assert response.status_code == 200
    assert_common_headers(response)
    assert response.headers["Content-Security-Policy"] == CSP
    assert response.headers["X-Frame-Options"] == "DENY"


def test_the_public_pdf_may_not_be_framed(client, document):
    response = client.get(document.get_pdf_url(), secure=True)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert_common_headers(response)
    assert response.headers["Content-Security-Policy"] == CSP
    assert response.headers["X-Frame-Options"] == "DENY"


def test_the_staff_pdf_may_be_framed_by_the_portal_alone(officer_client, document):
    response = officer_client.get(reverse("staff:document-pdf", args=[document.pk]), secure=True)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert_common_headers(response)
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    policy = response.headers["Content-Security-Policy"]
    assert policy == CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'")
    assert response.headers["Cache-Control"] == "private, no-store"


def test_staff_pages_send_the_strict_policy(officer_client, document):
    response = officer_client.get(reverse("staff:meeting", args=[document.meeting.pk]), secure=True)
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] == CSP
    assert response.headers["X-Frame-Options"] == "DENY"


def test_the_session_and_csrf_cookies_are_https_only_and_hidden_from_scripts(client):
    client.get(reverse("login"), secure=True)
    csrf = client.cookies[django_settings.CSRF_COOKIE_NAME]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"

    User.objects.create_user("clerk", password=PASSWORD, is_staff=True)
    response = client.post(
        reverse("login"), {"username": "clerk", "password": PASSWORD}, secure=True
    )
    assert response.status_code == 302
    session = response.cookies[django_settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert int(session["max-age"]) == 8 * 60 * 60  # a working day


def test_the_api_docs_are_served_from_this_site_without_inline_code(client):
    swagger = client.get(reverse("api:docs"), secure=True)
    assert swagger.status_code == 200
    html = swagger.content.decode()
    assert "cdn." not in html and "<style" not in html
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts and all("src=" in attributes for attributes in scripts)
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    script = client.get(reverse("api:docs") + "?script=", secure=True)
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()


def test_the_old_redoc_address_leads_to_the_docs(client):
    response = client.get(reverse("api:redoc"), secure=True)
    assert response.status_code == 302 and response.url == reverse("api:docs")


@pytest.mark.parametrize(
    "template", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: str(p.relative_to(TEMPLATES))
)
def test_templates_have_no_inline_script_or_style(template):
    """A strict policy blocks these; put the code in static/ instead."""
    source = template.read_text()
    assert not re.search(r"<style|\sstyle=|\son[a-z]+=|javascript:", source, re.IGNORECASE)
    for attributes in re.findall(r"<script([^>]*)>", source, re.IGNORECASE):
        assert "src=" in attributes, f"inline <script> in {template.name}"
