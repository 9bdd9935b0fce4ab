"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

They run by default. Without /usr/bin/chromium they are skipped on a developer's machine, and
fail when the CI environment variable is set (CI must not pass by skipping them).
Set SCREENSHOTS=1 to write the screenshots shown in the README to docs/screenshots/.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from documents.importer import Importer, IngestOptions
from tests.conftest import PAPERS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
E2E_PAPERS = [
    "dorset-cabinet-2017-10-04-minutes.pdf",
    "dorset-people-and-health-2021-09-02-agenda-pack.pdf",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# (ingesting, looking up URLs) are ordinary blocking calls outside any request.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def browser():
    """One Chromium for these tests, closed after them: other suites start their own."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is missing: CI must run the browser tests")
        pytest.skip("/usr/bin/chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server with the Dorset Cabinet minutes and the Dorset agenda pack read in."""
    results = list(
        Importer(IngestOptions(isolate=False)).ingest([PAPERS / name for name in E2E_PAPERS])
    )
    assert all(result.status == "ok" for result in results), results
    return live_server.url


def new_context(browser, site, width: int = 1100, height: int = 900):
    """A browser tab's context. The live server may have started with production settings
    (HTTPS redirect on), so the browser says it came through an HTTPS proxy, as in production."""
    return browser.new_context(
        viewport={"width": width, "height": height},
        base_url=site,
        extra_http_headers={"X-Forwarded-Proto": "https"},
    )


@pytest.fixture
def page(browser, site):
    context = new_context(browser, site)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


def screenshot(page, name: str) -> None:
    """Write docs/screenshots/NAME.png when SCREENSHOTS=1."""
    if os.environ.get("SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)
