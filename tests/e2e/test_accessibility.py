"""axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules) on every page type, with its title and
heading order, in Chromium; and the main pages at 320px wide without sideways scrolling."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

from documents.models import Document
from meetings.models import AgendaItem, Attendance
from tests.e2e.conftest import new_context, screenshot

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
HEADINGS_IN_ORDER = """() => {
  const levels = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1]);
  const skips = levels.filter((level, i) => i > 0 && level > levels[i - 1] + 1);
  return {levels, skips, h1: levels.filter(l => l === 1).length};
}"""


def page_types() -> dict[str, tuple[str, str]]:
    """Page type -> (path, words its title must contain), from the ingested papers."""
    pack = Document.objects.get(meeting__url_key="2021-09-02")
    report = AgendaItem.objects.get(meeting__url_key="2021-09-02", number="8")
    exempt = AgendaItem.objects.get(meeting__url_key="2017-10-04", minute_number="96")
    person = Attendance.objects.filter(role="apologies").select_related("person").first().person
    return {
        "home": ("/", "Meetings, agendas, reports and decisions"),
        "committees": ("/committees/", "Committees"),
        "committee": ("/committees/cabinet/", "Cabinet"),
        "meetings": ("/meetings/", "Meetings"),
        "calendar": ("/meetings/calendar/2017/10/", "Meetings in October 2017"),
        "meeting": ("/meetings/cabinet/2017-10-04/", "Cabinet, 4 October 2017"),
        "item": ("/meetings/cabinet/2017-10-04/items/89/", "Fostering Modernisation Plan"),
        "report": (report.get_absolute_url(), "DEVELOPMENT OF FAMILY HUBS"),
        "exempt-item": (exempt.get_absolute_url(), exempt.title[:20]),
        "document": (pack.get_absolute_url(), "Agenda reports pack"),
        "decisions": ("/decisions/", "Decisions register"),
        "people": ("/people/", "People"),
        "person": (person.get_absolute_url(), person.name),
        "not-found": ("/no-such-page/", "Page not found"),
    }


def _check(page, axe, name, path, title):
    page.goto(path)
    assert title in page.title(), (name, page.title())
    assert page.title().endswith("Example Council")
    outline = page.evaluate(HEADINGS_IN_ORDER)
    assert outline["h1"] == 1 and outline["levels"][0] == 1, (name, outline)
    assert not outline["skips"], (name, outline)
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert result.violations_count == 0, f"{name} {path}\n{result.generate_report()}"


def test_it_has_no_accessibility_violations_on_any_page_type(page):
    axe = Axe()
    for name, (path, title) in page_types().items():
        _check(page, axe, name, path, title)
        if name in {"home", "committee", "meeting", "item", "report", "document", "calendar"}:
            if name == "document":
                page.goto(path + "#page-23")
            screenshot(page, name)


def test_it_works_at_320px_wide_without_sideways_scrolling(browser, site):
    context = new_context(browser, site, width=320, height=800)
    narrow = context.new_page()
    try:
        for name in ("home", "meeting", "document", "calendar", "decisions"):
            path, title = page_types()[name]
            narrow.goto(path)
            assert title in narrow.title()
            width = narrow.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, (name, width)
            if name == "meeting":
                screenshot(narrow, "meeting-320px")
    finally:
        context.close()
