"""A resident sets up alerts in a real browser: from a committee page and from a search."""

from __future__ import annotations

import datetime as dt

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail

from tests import factories
from tests.alerts.helpers import links, site_path
from tests.e2e.conftest import screenshot
from tests.e2e.test_accessibility import WCAG_TAGS


@pytest.fixture
def page(browser, transactional_db, settings):
    """A server started after this test's settings: plain HTTP on localhost, so the forms'
    CSRF checks pass as they do behind the production proxy."""
    from pytest_django.live_server_helper import LiveServer

    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    meeting = factories.meeting("Cabinet", dt.date(2026, 1, 14))
    factories.document(meeting, pages=["Fostering: the modernisation plan for carers."])
    server = LiveServer("localhost")
    settings.PORTAL_BASE_URL = server.url  # the links in the emails lead back here
    context = browser.new_context(viewport={"width": 1100, "height": 900}, base_url=server.url)
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    yield tab
    context.close()
    server.stop()


def _accessible(page, axe):
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert result.violations_count == 0, result.generate_report()


def _confirm(page, settings):
    confirm = next(u for u in links(mail.outbox[-1].body) if u.startswith(settings.PORTAL_BASE_URL))
    page.goto(site_path(confirm))
    assert page.get_by_role("heading", level=1).inner_text() == "Your alert is on"


def test_a_resident_follows_a_committee_and_a_search_and_manages_them(page, settings):
    axe = Axe()
    page.goto("/committees/cabinet/")
    page.get_by_role("link", name="Get email alerts for this committee").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Get email alerts"
    page.get_by_label("Your email address").fill("resident@example.org")
    page.get_by_label("A daily digest").check()
    _accessible(page, axe)
    screenshot(page, "alerts-subscribe")
    page.get_by_role("button", name="Send me a confirmation link").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Check your email"
    _confirm(page, settings)

    page.goto("/search/?q=fostering")
    page.get_by_role("link", name="Get alerts for this search").click()
    page.get_by_label("Your email address").fill("resident@example.org")
    page.get_by_role("button", name="Send me a confirmation link").click()
    _confirm(page, settings)

    page.get_by_role("link", name="Manage all your alerts").click()
    rows = page.locator("table.alerts-table tbody tr")
    assert rows.count() == 2
    assert "Cabinet" in rows.nth(0).inner_text() and "fostering" in rows.nth(1).inner_text()
    _accessible(page, axe)
    screenshot(page, "alerts-manage")
    page.get_by_role("button", name="Stop the alert for Cabinet").click()
    assert page.get_by_role("status").inner_text() == "Alert stopped."
    assert page.locator("table.alerts-table tbody tr").count() == 1
