"""A minute number printed only in draft minutes is not shown until the minutes are published."""

from __future__ import annotations

import json

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

DRAFT_NUMBER = "MIN/4417"


@pytest.fixture
def item_with_draft_minute():
    meeting = factories.meeting()
    agenda = factories.document(meeting, kind="agenda")
    minutes = factories.document(meeting, kind="minutes", title="Minutes", is_published=False)
    return factories.item(
        meeting,
        title="Library opening hours",
        number="7",
        minute_number=DRAFT_NUMBER,
        source=agenda,
        minutes_source=minutes,
    )


def pages(client, item) -> list[str]:
    return [
        client.get(item.meeting.get_absolute_url()).content.decode(),
        client.get(item.get_absolute_url()).content.decode(),
        json.dumps(client.get(f"/api/items/{item.pk}/").json()),
    ]


def test_a_draft_minute_number_stays_unseen_until_the_minutes_are_published(
    client, item_with_draft_minute
):
    item = item_with_draft_minute
    shown = pages(client, item)
    assert all("Library opening hours" in page for page in shown)
    assert not any(DRAFT_NUMBER in page for page in shown)

    item.minutes_source.is_published = True
    item.minutes_source.save()
    assert all(DRAFT_NUMBER in page for page in pages(client, item))
