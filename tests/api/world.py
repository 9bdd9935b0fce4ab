"""A small council with public records and, beside them, secrets that must never be served.

Every secret is a unique marker string; a test fetches an endpoint and asserts no marker
appears in the body. The exempt item's minute is one the clerk withheld (the council kept it
out of its public minutes), so its text and resolution are secrets; a printed minute of an
exempt item is public (tests/api/test_api.py shows it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from documents.models import Document
from meetings.models import Attendance, Person, Resolution
from tests import factories

SECRETS = (
    "MARKER-exempt-narrative-91c2",
    "MARKER-exempt-resolution-44ad",
    "MARKER-exempt-reasons-0b7e",
    "MARKER-child-of-exempt-narrative-5d10",
    "MARKER-withheld-page-text-77f3",
    "MARKER-draft-paper-title-2c9a",
    "MARKER-draft-paper-text-6e01",
    "MARKER-superseded-paper-text-a3b8",
    "MARKER-exempt-paper-title-d4f6",
    "MARKER-unpublished-committee-18e5",
    "MARKER-unpublished-venue-c0de",
    "MARKER-unpublished-item-title-9f9f",
    "MARKER-unpublished-person-b2b2",
)
PUBLIC_NARRATIVE = "The Cabinet considered the fostering modernisation plan."
PUBLIC_RESOLUTION = "That the fostering modernisation plan be approved."
PUBLIC_PAGE_TEXT = "Fostering modernisation plan, public report text."


@dataclass
class World:
    meeting: object
    upcoming: object
    public_item: object
    exempt_item: object
    paper: object


def build_world() -> World:
    today = timezone.localdate()
    meeting = factories.meeting("Cabinet", date=today - dt.timedelta(days=10), venue="County Hall")
    upcoming = factories.meeting(
        "Cabinet", date=today + dt.timedelta(days=14), start_time=dt.time(10, 0), venue="Room A"
    )
    public_item = factories.item(
        meeting, "Fostering Modernisation Plan", number="5", narrative=PUBLIC_NARRATIVE
    )
    Resolution.objects.create(item=public_item, order=1, number="1", text=PUBLIC_RESOLUTION)
    exempt_item = factories.item(
        meeting,
        "Purchase of land at Example Farm",
        number="9",
        exempt=True,
        exempt_paragraph=3,
        narrative=SECRETS[0],
        reasons=SECRETS[2],
        minute_withheld=True,
    )
    Resolution.objects.create(item=exempt_item, order=1, number="1", text=SECRETS[1])
    factories.item(
        meeting, "Valuation appendix", number="9a", parent=exempt_item, narrative=SECRETS[3]
    )
    paper = factories.document(
        meeting, pages=[PUBLIC_PAGE_TEXT, SECRETS[4]], published_at=timezone.now()
    )
    factories.page_range(public_item, paper, 1, 1)
    factories.page_range(exempt_item, paper, 2, 2)
    factories.document(
        meeting, pages=[SECRETS[6]], kind="report", title=SECRETS[5], is_published=False
    )
    old = factories.document(
        meeting, pages=[SECRETS[7]], kind="minutes", title="Minutes", identity="minutes"
    )
    new = factories.document(
        meeting,
        pages=["Minutes text"],
        kind="minutes",
        title="Minutes",
        identity="minutes",
        version=2,
        published_at=timezone.now(),
    )
    Document.objects.filter(pk=old.pk).update(superseded_by=new)
    factories.document(
        meeting, pages=["Whole paper exempt"], kind="report", title=SECRETS[8], is_exempt=True
    )
    councillor = Person.objects.create(name="Cllr Jane Public")
    Attendance.objects.create(meeting=meeting, person=councillor, role="present")

    hidden = factories.meeting(
        SECRETS[9], date=today + dt.timedelta(days=3), is_published=False, venue=SECRETS[10]
    )
    factories.item(hidden, SECRETS[11], number="1")
    factories.document(hidden, pages=["hidden"], title="Hidden agenda")
    secret_person = Person.objects.create(name=SECRETS[12])
    Attendance.objects.create(meeting=hidden, person=secret_person, role="present")
    return World(meeting, upcoming, public_item, exempt_item, paper)


def assert_no_secrets(body: str | bytes) -> None:
    text = body.decode() if isinstance(body, bytes) else body
    leaked = [marker for marker in SECRETS if marker in text]
    assert not leaked, f"leaked: {leaked}"
