"""Every public and every staff page type at 320px and 1280px wide, in Chromium.

Each page must not scroll sideways, no element may be drawn over a form control (nor a form
control be cut off inside a box that scrolls), axe-core must find no WCAG A/AA violation and
the browser's console must stay free of warnings and errors.
With SCREENSHOTS=1 each page is written to docs/screenshots/pages/NAME-WIDTH.png.

The pages are a list: a page type added later is one more line in ``PAGES``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.test import Client
from django.urls import reverse

from documents.models import Document
from meetings.models import AgendaItem, Attendance, Meeting
from staff import audit
from staff.models import IngestJob
from staff.permissions import sync_group
from tests import factories
from tests.e2e.conftest import SCREENSHOTS, new_context

WIDTHS = (320, 1280)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _pack() -> Document:
    return Document.objects.get(meeting__url_key="2021-09-02")


def _pack_item() -> AgendaItem:
    return AgendaItem.objects.get(meeting__url_key="2021-09-02", number="8")


def _cabinet() -> Meeting:
    return Meeting.objects.get(url_key="2017-10-04")


def _draft() -> Meeting:
    return Meeting.objects.get(is_published=False)


@dataclass(frozen=True)
class PageType:
    name: str
    path: str | Callable[[], str]
    staff: bool = False
    status: int = 200

    def url(self) -> str:
        return self.path() if callable(self.path) else self.path


PAGES = [
    PageType("home", "/"),
    PageType("committees", "/committees/"),
    PageType("committee", "/committees/cabinet/"),
    PageType("meetings", "/meetings/"),
    PageType("calendar", "/meetings/calendar/2017/10/"),
    PageType("meeting", "/meetings/cabinet/2017-10-04/"),
    PageType("minutes-item", "/meetings/cabinet/2017-10-04/items/89/"),
    PageType("report-item", lambda: _pack_item().get_absolute_url()),
    PageType(
        "exempt-item",
        lambda: AgendaItem.objects.get(
            meeting__url_key="2017-10-04", minute_number="96"
        ).get_absolute_url(),
    ),
    PageType("paper", lambda: _pack().get_absolute_url()),
    PageType("decisions", "/decisions/"),
    PageType("people", "/people/"),
    PageType(
        "person",
        lambda: Attendance.objects.filter(role="apologies").first().person.get_absolute_url(),
    ),
    PageType("forward-plan", "/forward-plan/"),
    PageType("wards", "/wards/"),
    PageType("alerts", "/alerts/new/"),
    PageType("search", "/search/"),
    PageType("search-results", "/search/?q=family+hubs"),
    PageType(
        "search-filtered",
        "/search/?q=fostering&committee=cabinet&from_day=1&from_month=1&from_year=2017&type=item",
    ),
    PageType("search-nothing", "/search/?q=zzxxqqy"),
    PageType("api", "/api/"),
    PageType("sign-in", "/accounts/login/"),
    PageType("not-found", "/no-such-page/", status=404),
    PageType("staff-meetings", "/staff/", staff=True),
    PageType("staff-upload", "/staff/upload/", staff=True),
    PageType("staff-uploads", "/staff/jobs/", staff=True),
    PageType("staff-audit", "/staff/audit/", staff=True),
    PageType("staff-review", lambda: reverse("staff:meeting", args=[_pack().meeting_id]), True),
    PageType(
        "staff-meeting-edit", lambda: reverse("staff:meeting-edit", args=[_cabinet().pk]), True
    ),
    PageType("staff-attendance", lambda: reverse("staff:attendance", args=[_cabinet().pk]), True),
    PageType("staff-item", lambda: reverse("staff:item", args=[_pack_item().pk]), True),
    PageType("staff-paper", lambda: reverse("staff:document", args=[_pack().pk]), True),
    PageType("staff-preview", lambda: reverse("staff:meeting-preview", args=[_draft().pk]), True),
    PageType("staff-password", "/accounts/password_change/", staff=True),
    PageType("staff-people", "/staff/people/", staff=True),
    PageType("staff-alerts", "/staff/alerts/", staff=True),
    PageType(
        "staff-person",
        lambda: reverse("staff:person", args=[Attendance.objects.first().person_id]),
        True,
    ),
]

# Whether a form control is covered by another element or cut off in a scrolling box.
CONTROLS_CLEAR = """() => {
  const problems = [];
  const controls = [...document.querySelectorAll('input, select, textarea, button, a.button')]
    .filter(el => el.type !== 'hidden' && el.checkVisibility({visibilityProperty: true}));
  for (const control of controls) {
    const box = control.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;  // visually hidden
    for (let box_ = control.parentElement; box_; box_ = box_.parentElement) {
      const clips = /(auto|scroll|hidden)/.test(getComputedStyle(box_).overflowX);
      if (clips && box_.scrollWidth > box_.clientWidth + 1) {
        const name = control.name || control.textContent.trim();
        problems.push(`${name}: in a box that scrolls sideways`);
        break;
      }
    }
    control.scrollIntoView({block: 'center', inline: 'center'});
    const rect = control.getBoundingClientRect();
    const points = [[0.5, 0.5], [0.1, 0.5], [0.9, 0.5]];
    for (const [fx, fy] of points) {
      const x = rect.left + rect.width * fx, y = rect.top + rect.height * fy;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      const top = document.elementFromPoint(x, y);
      const label = top && top.closest('label');
      const own = top && (control.contains(top) || top.contains(control) ||
                          (label && (label.control === control || label.contains(control))));
      if (!own) {
        const what = top ? top.tagName + (top.className ? '.' + top.className : '') : 'nothing';
        problems.push(`${control.name || control.id || control.textContent.trim()}: under ${what}`);
        break;
      }
    }
  }
  window.scrollTo(0, 0);
  const kinds = new Map();
  for (const problem of problems) {
    const kind = problem.replace(/^[^:]*: /, '');
    if (!kinds.has(kind)) kinds.set(kind, []);
    kinds.get(kind).push(problem.split(':')[0]);
  }
  return [...kinds].map(([kind, names]) =>
    `${names.length} control(s) ${kind} (${names.slice(0, 3).join(', ')})`);
}"""


@pytest.fixture
def world(site):
    """The two Dorset papers, a staff officer, an unpublished meeting, an upload and its log."""
    officer = User.objects.create_user("officer", password="x" * 20, is_staff=True)
    officer.groups.add(sync_group(Group, Permission))
    draft = factories.meeting("Planning Committee", date=dt.date(2030, 1, 10), is_published=False)
    factories.item(draft, number="1", title="Land north of the bypass")
    IngestJob.objects.create(
        created_by=officer,
        original_filename="agenda-with-a-rather-long-file-name-for-planning.pdf",
        upload_path="/nowhere",
        status="failed",
        error="The file is not a PDF: it starts with <html>",
    )
    audit.record(
        officer, audit.Action.CORRECTED, _pack_item(), meeting=_pack().meeting, detail="title"
    )
    client = Client()
    client.force_login(officer)
    return client.cookies[settings.SESSION_COOKIE_NAME]


def _check(tab, axe, page_type: PageType, width: int, console: list[str]) -> list[str]:
    url = page_type.url()
    console.clear()
    response = tab.goto(url)
    assert response.status == page_type.status, (page_type.name, url, response.status)
    assert urlsplit(tab.url).path == urlsplit(url).path, f"{url} led to {tab.url}"
    found = []
    widths = tab.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    if widths[0] > widths[1]:
        found.append(f"scrolls sideways: {widths[0]}px in {widths[1]}px")
    found += tab.evaluate(CONTROLS_CLEAR)
    # The browser complains of nothing (an unknown Permissions-Policy feature, a missing icon).
    expected = f"status of {page_type.status}" if page_type.status != 200 else None
    found += [f"console: {text}" for text in console if not (expected and expected in text)]
    result = axe.run(tab, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    if result.violations_count:
        found.append(result.generate_report())
    if os.environ.get("SCREENSHOTS") == "1":
        (SCREENSHOTS / "pages").mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / "pages" / f"{page_type.name}-{width}.png"))
    return [f"{page_type.name} at {width}px ({url}): {problem}" for problem in found]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_fits_and_passes_axe(browser, site, world, width):
    context = new_context(browser, site, width=width, height=800 if width < 1000 else 900)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    console: list[str] = []
    tab.on(
        "console",
        lambda message: message.type in ("warning", "error") and console.append(message.text),
    )
    axe = Axe()
    problems, signed_in = [], False
    try:
        for page_type in sorted(PAGES, key=lambda p: p.staff):
            if page_type.staff and not signed_in:
                signed_in = True
                context.add_cookies(
                    [{"name": world.key, "value": world.value, "url": site, "httpOnly": True}]
                )
            try:
                problems += _check(tab, axe, page_type, width, console)
            except Exception as error:  # noqa: BLE001 - report every page, not the first
                problems.append(f"{page_type.name} at {width}px: {error!r}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
