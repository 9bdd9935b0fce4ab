"""Constraints live in the database, and the domain's querysets say what the public sees."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from documents.models import Document, Page, PageRange
from meetings.models import AgendaItem, Attendance, Meeting, Person, Resolution
from tests import factories as make

pytestmark = pytest.mark.django_db


def raises_integrity(fn):
    with pytest.raises(IntegrityError), transaction.atomic():
        fn()


def test_it_allows_one_meeting_per_committee_date_and_time():
    first = make.meeting(start_time=dt.time(10))
    raises_integrity(
        lambda: Meeting.objects.bulk_create(
            [
                Meeting(
                    committee=first.committee, date=first.date, start_time=dt.time(10), url_key="x"
                )
            ]
        )
    )


def test_it_allows_only_one_untimed_meeting_per_committee_and_date():
    first = make.meeting()
    raises_integrity(
        lambda: Meeting.objects.bulk_create(
            [Meeting(committee=first.committee, date=first.date, url_key="other")]
        )
    )


def test_it_gives_a_second_meeting_on_the_same_day_its_own_address():
    morning = make.meeting(start_time=dt.time(10))
    evening = make.meeting(start_time=dt.time(18, 30))
    assert morning.get_absolute_url() == "/meetings/cabinet/2017-10-04/"
    assert evening.get_absolute_url() == "/meetings/cabinet/2017-10-04-1830/"


def test_it_refuses_a_duplicate_sha256():
    doc = make.document(make.meeting())
    raises_integrity(
        lambda: Document.objects.bulk_create(
            [
                Document(
                    meeting=doc.meeting,
                    kind="minutes",
                    title="Minutes",
                    sha256=doc.sha256,
                    size=1,
                    page_count=1,
                )
            ]
        )
    )


def test_it_refuses_a_sha256_that_is_not_hex():
    meeting = make.meeting()
    raises_integrity(
        lambda: Document.objects.create(
            meeting=meeting, kind="minutes", title="Minutes", sha256="x" * 64, size=1, page_count=1
        )
    )


def test_it_refuses_a_schedule_12a_paragraph_outside_1_to_7():
    meeting = make.meeting()
    raises_integrity(lambda: make.item(meeting, exempt=True, exempt_paragraph=8))


def test_it_refuses_a_paragraph_on_an_item_that_is_not_exempt():
    meeting = make.meeting()
    raises_integrity(lambda: make.item(meeting, exempt=False, exempt_paragraph=3))


def test_it_refuses_a_page_range_that_ends_before_it_starts():
    meeting = make.meeting()
    doc = make.document(meeting, pages=["a", "b", "c"])
    raises_integrity(lambda: make.page_range(make.item(meeting), doc, 3, 2))


def test_it_refuses_two_pages_with_the_same_number():
    doc = make.document(make.meeting(), pages=["a"])
    raises_integrity(lambda: Page.objects.create(document=doc, number=1, text="again"))


def test_it_records_substitute_for_only_on_substitutes():
    meeting = make.meeting()
    a = Person.objects.create(name="Andrew Parry")
    b = Person.objects.create(name="Hilary Cox")
    raises_integrity(
        lambda: Attendance.objects.create(
            meeting=meeting, person=a, role="present", substitute_for=b
        )
    )
    row = Attendance.objects.create(meeting=meeting, person=a, role="substitute", substitute_for=b)
    assert row.substitute_for == b


def test_it_keeps_resolution_order_unique_within_an_item():
    item = make.item(make.meeting())
    Resolution.objects.create(item=item, order=1, number="1", text="That the plan be approved.")
    raises_integrity(lambda: Resolution.objects.create(item=item, order=1, text="again"))


def test_published_hides_unpublished_meetings():
    shown = make.meeting()
    make.meeting("Planning Committee", is_published=False)
    assert list(Meeting.objects.published()) == [shown]


def test_upcoming_lists_future_meetings_soonest_first_and_drops_cancelled():
    today = dt.date(2026, 11, 23)
    later = make.meeting(date=dt.date(2026, 12, 10))
    sooner = make.meeting(date=dt.date(2026, 11, 30))
    make.meeting(date=dt.date(2026, 11, 1))
    make.meeting("Audit Committee", date=dt.date(2026, 12, 1), status="cancelled")
    assert list(Meeting.objects.upcoming(today=today)) == [sooner, later]


def test_public_items_exclude_exempt_items_and_their_sub_items():
    meeting = make.meeting()
    open_item = make.item(meeting, "Budget monitoring")
    exempt = make.item(meeting, "Property disposal", exempt=True, exempt_paragraph=3)
    make.item(meeting, "Appendix: valuation", parent=exempt)
    assert list(AgendaItem.objects.public()) == [open_item]
    assert {i.title for i in AgendaItem.objects.exempt()} == {
        "Property disposal",
        "Appendix: valuation",
    }


def test_public_resolutions_exclude_withheld_minutes_and_exempt_business():
    """An exempt item's printed resolution is public; a withheld minute's, or one under
    exempt business, or one read from an unpublished paper, is not."""
    meeting = make.meeting()
    Resolution.objects.create(item=make.item(meeting), order=1, text="Approved the plan.")
    exempt = make.item(meeting, exempt=True, exempt_paragraph=3)
    Resolution.objects.create(item=exempt, order=1, text="Sell the depot.")
    withheld = make.item(meeting, exempt=True, exempt_paragraph=3, minute_withheld=True)
    Resolution.objects.create(item=withheld, order=1, text="Buy the farm.")
    part = make.item(meeting, parent=exempt)
    Resolution.objects.create(item=part, order=1, text="Accept the bid.")
    draft = make.document(meeting, kind="minutes", title="Draft minutes", is_published=False)
    Resolution.objects.create(
        item=make.item(meeting), order=1, text="Close the library.", source=draft
    )
    assert sorted(r.text for r in Resolution.objects.public()) == [
        "Approved the plan.",
        "Sell the depot.",
    ]


def test_public_pages_withhold_an_exempt_items_paper_inside_a_pack():
    meeting = make.meeting()
    pack = make.document(meeting, pages=["agenda", "report", "exempt report", "exempt appendix"])
    make.page_range(make.item(meeting, "Report"), pack, 2, 2)
    make.page_range(make.item(meeting, "Sale", exempt=True, exempt_paragraph=3), pack, 3, 4)
    assert [p.number for p in Page.objects.public().filter(document=pack)] == [1, 2]
    assert [p.number for p in Page.objects.withheld()] == [3, 4]


def test_unpublished_and_superseded_documents_are_not_public():
    meeting = make.meeting()
    old = make.document(meeting, title="Minutes", kind="minutes")
    new = make.document(meeting, title="Minutes", kind="minutes", version=2)
    old.superseded_by = new
    old.save()
    make.document(meeting, title="Draft supplement", kind="supplement", is_published=False)
    assert list(Document.objects.public()) == [new]
    assert Page.objects.public().filter(document=old).count() == 0


def test_a_document_in_an_unpublished_meeting_is_not_public():
    meeting = make.meeting(is_published=False)
    make.document(meeting)
    assert Document.objects.public().count() == 0
    assert Page.objects.public().count() == 0


def test_page_range_pages_belong_to_their_document():
    meeting = make.meeting()
    doc = make.document(meeting, pages=["a", "b"])
    pr = make.page_range(make.item(meeting), doc, 1, 2)
    assert PageRange.objects.get(pk=pr.pk).document == doc


def test_item_addresses_keep_the_printed_numbers_apart():
    meeting = make.meeting()
    assert make.item(meeting, "Sub-item", number="1.1").slug == "1-1"
    assert make.item(meeting, "Eleventh item", number="11").slug == "11"
    assert make.item(meeting, "Same number again", number="11").slug == "11-2"
    assert make.item(meeting, "Minute only", minute_number="CAB 45/17").slug == "cab-45-17"
