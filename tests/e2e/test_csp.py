"""Every kind of page works under the Content Security Policy: the browser reports no violation.

Chromium logs each blocked script, style, frame or request as a console error mentioning
"Content Security Policy" and fires a ``securitypolicyviolation`` event in the page; both are
collected from every frame, including the PDF shown beside the agenda in the staff area.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from documents.models import Document
from meetings.models import AgendaItem, Meeting
from staff.permissions import sync_group
from tests.e2e.conftest import new_context

PASSWORD = "correct horse battery staple 42"
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


class Visit:
    """A browser tab that remembers every CSP complaint, from any frame, since it opened."""

    def __init__(self, browser, site):
        self.site = site
        self.context = new_context(browser, site)
        self.context.add_init_script(COLLECT_VIOLATIONS)
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.console: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.console.append(f"page error: {error}"))

    def _console(self, message):
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            self.console.append(f"{message.type}: {message.text}")

    def open(self, url: str):
        response = self.page.goto(url)
        assert response.ok, f"{url}: {response.status}"
        self.page.wait_for_load_state("networkidle")
        return response

    def assert_no_violations(self, url: str) -> None:
        events = []
        for frame in self.page.frames:
            try:
                events += frame.evaluate("window.__cspViolations || []")
            except Exception:  # noqa: BLE001 - a PDF viewer frame has no page script
                continue
        assert not events and not self.console, f"{url}: {events + self.console}"

    def sign_in(self, user) -> None:
        """Carry a signed-in session (the sign-in form itself is the staff journey test's)."""
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        self.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": self.site, "httpOnly": True}]
        )

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, site):
    tab = Visit(browser, site)
    yield tab
    tab.close()


@pytest.fixture
def officer(site):
    user = User.objects.create_user("officer", password=PASSWORD, is_staff=True)
    user.groups.add(sync_group(Group, Permission))
    return user


def public_pages() -> list[str]:
    meeting = Meeting.objects.filter(is_published=True).order_by("date").last()
    item = AgendaItem.objects.filter(meeting=meeting, exempt=False, parent__isnull=True).first()
    document = Document.objects.filter(meeting=meeting).first()
    return [
        reverse("home"),
        reverse("meeting-list"),
        reverse("meeting-calendar-current"),
        reverse("committee-list"),
        meeting.committee.get_absolute_url(),
        meeting.get_absolute_url(),
        item.get_absolute_url(),
        document.get_absolute_url(),
        reverse("search") + "?q=family+hubs",
        reverse("decision-list"),
        reverse("person-list"),
        reverse("api:docs"),
        reverse("api:meeting-list"),
        reverse("login"),
        reverse("admin:login"),
        "/no-such-page/",
    ]


def test_public_pages_keep_to_the_policy(visit):
    for url in public_pages():
        if url == "/no-such-page/":
            assert visit.page.goto(url).status == 404
        else:
            visit.open(url)
        assert visit.page.title(), url
        visit.assert_no_violations(url)


def test_the_public_pdf_opens_in_the_browser(visit):
    document = Document.objects.filter(meeting__is_published=True).first()
    visit.open(document.get_absolute_url())
    link = visit.page.get_by_role("link", name="Download the PDF")
    assert link.get_attribute("href") == document.get_pdf_url()
    response = visit.open(document.get_pdf_url())  # shown by Chromium's PDF viewer
    assert response.headers["content-type"] == "application/pdf"
    assert visit.page.request.get(document.get_pdf_url()).body().startswith(b"%PDF")
    visit.assert_no_violations(document.get_pdf_url())


def test_the_api_docs_render_from_local_files(visit):
    visit.open(reverse("api:docs"))
    expect(visit.page.locator(".swagger-ui .info .title")).to_contain_text("open data API")
    visit.page.get_by_role("button", name="GET /api/meetings/").first.click()
    visit.page.get_by_role("button", name="Try it out").click()
    visit.page.get_by_role("button", name="Execute").click()
    status = visit.page.locator(".live-responses-table tbody .response-col_status").first
    expect(status).to_have_text("200")
    visit.assert_no_violations("/api/docs")


def test_staff_pages_and_the_pdf_beside_them_keep_to_the_policy(visit, officer):
    page = visit.page
    visit.sign_in(officer)

    meeting = Meeting.objects.filter(documents__isnull=False).order_by("date").last()
    document = meeting.documents.first()
    item = AgendaItem.objects.filter(meeting=meeting, parent__isnull=True).first()
    visit.open(reverse("staff:dashboard"))
    expect(page.get_by_role("navigation", name="Staff")).to_be_visible()
    visit.assert_no_violations("staff:dashboard")
    for name, args in [
        ("staff:upload", []),
        ("staff:jobs", []),
        ("staff:audit", []),
        ("staff:document", [document.pk]),
        ("staff:meeting-edit", [meeting.pk]),
    ]:
        visit.open(reverse(name, args=args))
        visit.assert_no_violations(name)

    for url in [reverse("staff:meeting", args=[meeting.pk]), reverse("staff:item", args=[item.pk])]:
        pdf_url = reverse("staff:document-pdf", args=[document.pk])
        with page.expect_response(lambda r, pdf_url=pdf_url: pdf_url in r.url) as pdf:
            visit.open(url)
        assert pdf.value.status == 200
        assert pdf.value.headers["content-type"] == "application/pdf"
        frame = page.locator("iframe.pdf-frame")
        expect(frame).to_be_visible()
        frames = [f.url for f in page.frames]
        # A frame the policy refuses shows Chromium's error page instead of the PDF.
        assert any(pdf_url in f for f in frames), f"{url}: the PDF did not load ({frames})"
        assert not any(f.startswith("chrome-error:") for f in frames), f"{url}: {frames}"
        visit.assert_no_violations(url)
