"""In Debian's Chromium: an officer takes a pack from upload to published; a resident reads it."""

from __future__ import annotations

import os
import re
import shutil

import pytest

from meetings.models import AgendaItem
from tests.staff.conftest import PACK, PASSWORD
from tests.staff.public_surfaces import pdf_pages_and_text, public_urls, search_word, secrets_of

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NEW_TITLE = "Scrutiny work programme for 2021 to 2022"

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian's chromium is not installed"),
]


@pytest.fixture
def browser():
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # ORM checks beside Playwright
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def server(transactional_db, settings):
    """A server started after this test's settings (pytest-django's starts before them, with
    the production HTTPS redirect in its middleware); plain HTTP on localhost."""
    from pytest_django.live_server_helper import LiveServer

    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    server = LiveServer("localhost")
    yield server
    server.stop()


def test_it_takes_a_pack_from_upload_to_published_without_leaking_the_exempt_item(
    browser, server, officer, papers
):
    officer_page = browser.new_context().new_page()
    officer_page.set_default_timeout(120_000)
    officer_page.goto(f"{server.url}/staff/")
    officer_page.get_by_label("Username").fill("officer")
    officer_page.get_by_label("Password").fill(PASSWORD)
    officer_page.get_by_role("button", name="Sign in").click()
    officer_page.get_by_role("link", name="Upload papers").first.click()

    officer_page.get_by_label("Or a new committee's name").fill("People and Health")
    officer_page.get_by_label("PDF 1").set_input_files(str(papers / PACK))
    officer_page.get_by_label("Kind of paper 1").select_option("agenda-pack")
    officer_page.get_by_role("button", name="Upload and read").click()
    officer_page.wait_for_selector("td.status-ok")  # the upload was read
    officer_page.get_by_role("link", name=re.compile("check and correct")).first.click()
    assert "Not published" in officer_page.content()

    # Correct an item's title on the agenda.
    item = AgendaItem.objects.get(title__icontains="work programme", parent__isnull=True)
    row = officer_page.locator("tr", has=officer_page.locator(f"a[href='/staff/items/{item.pk}/']"))
    row.locator("input[name$='-title']").fill(NEW_TITLE)
    officer_page.get_by_role("button", name="Save agenda").click()
    officer_page.wait_for_selector("text=Agenda saved.")

    # Mark it exempt under paragraph 3 of Schedule 12A.
    officer_page.locator(f"a[href='/staff/items/{item.pk}/']").click()
    officer_page.get_by_label("Not for publication (exempt)").check()
    officer_page.get_by_label("Paragraph").select_option("3")
    officer_page.get_by_role("button", name="Save corrections").click()
    officer_page.wait_for_selector("text=saved.")

    officer_page.get_by_role("button", name="Publish meeting and papers").click()
    officer_page.wait_for_selector("text=The public can now see its papers")
    history = officer_page.content()
    assert "Marked exempt" in history and "Published" in history

    item.refresh_from_db()
    assert item.exempt and item.title == NEW_TITLE
    secrets = secrets_of(item)
    assert secrets
    meeting = item.meeting

    visitor = browser.new_context()
    page = visitor.new_page()
    page.goto(f"{server.url}{meeting.get_absolute_url()}")
    assert NEW_TITLE in page.content()
    page.goto(f"{server.url}{item.get_absolute_url()}")
    item_text = page.inner_text("main")
    assert NEW_TITLE in item_text and "Not for publication" in item_text

    for url in public_urls(meeting, item, search_word(secrets[0])):
        response = visitor.request.get(f"{server.url}{url}")
        body = " ".join(response.text().split())
        assert not [s for s in secrets if s in body], f"{url} shows exempt text"
    document = meeting.documents.get()
    download = visitor.request.get(f"{server.url}{document.get_pdf_url()}")
    assert download.ok
    [span] = item.page_ranges.all()
    pages, text = pdf_pages_and_text(download.body())
    assert pages == document.page_count - (span.end - span.start + 1)
    assert not [s for s in secrets if s in text]
    staff_pdf = visitor.request.get(f"{server.url}/staff/documents/{document.pk}/pdf/")
    assert "application/pdf" not in staff_pdf.headers.get("content-type", "")
