"""The reading view of the Dorset pack in Chromium: the front sheet's labels beside their
values, the wide table across the full width (scrolling sideways in its own box on a phone).

With SCREENSHOTS=1 it writes docs/screenshots/reading-front-sheet.png (page 7) and
reading-table.png (page 39), as shown in the README.
"""

from __future__ import annotations

import os

from documents.models import Document
from tests.e2e.conftest import SCREENSHOTS, new_context


def shoot(page, selector: str, name: str) -> None:
    """An element's screenshot, docs/screenshots/NAME.png, when SCREENSHOTS=1."""
    if os.environ.get("SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.locator(selector).screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def pack_path() -> str:
    return Document.objects.get(meeting__url_key="2021-09-02").get_absolute_url()


def test_the_front_sheet_and_the_wide_table_as_a_reader_sees_them(browser, site):
    context = new_context(browser, site, width=1100, height=900)
    page = context.new_page()
    try:
        page.goto(pack_path() + "#page-7")
        shoot(page, "#page-7", "reading-front-sheet")
        page.goto(pack_path() + "#page-39")
        shoot(page, "#page-39", "reading-table")
        term = page.locator("#page-7 dt", has_text="Portfolio Holder:")
        value = page.locator("#page-7 dd", has_text="Cllr P Wharf")
        term_box, value_box = term.bounding_box(), value.bounding_box()
        assert abs(term_box["y"] - value_box["y"]) < 4  # side by side, one pair a row
        assert value_box["x"] > term_box["x"] + term_box["width"]
        section = page.locator("#page-39").bounding_box()
        table = page.locator("#page-39 table").first.bounding_box()
        assert table["width"] >= 0.97 * section["width"], (table, section)
        headers = page.locator("#page-39 table >> nth=0").locator("thead th")
        assert headers.count() == 18  # 7 in the first header row, 11 under the groups
    finally:
        context.close()


def test_on_a_phone_the_wide_table_scrolls_in_its_own_box(browser, site):
    context = new_context(browser, site, width=320, height=800)
    page = context.new_page()
    try:
        page.goto(pack_path() + "#page-39")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        wrap = page.locator("#page-39 .table-wrap").first
        assert wrap.evaluate("el => el.scrollWidth > el.clientWidth")
        assert wrap.get_attribute("tabindex") == "0"  # reachable by keyboard to scroll
    finally:
        context.close()
