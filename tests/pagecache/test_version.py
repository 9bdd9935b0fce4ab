"""Every kind of write to public content moves the content version with its commit, whatever
path it takes (save, bulk update, bulk create, delete, raw SQL); staff bookkeeping and a
rolled-back transaction do not."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from meetings.models import AgendaItem, Meeting
from pagecache import version
from staff.models import IngestJob
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


def moves(change) -> bool:
    before = version.current()
    change()
    return version.current() != before


def test_every_kind_of_write_moves_the_version(officer):
    meeting = factories.meeting()
    item = factories.item(meeting, number="1")
    table = AgendaItem._meta.db_table
    assert moves(lambda: Meeting.objects.filter(pk=meeting.pk).update(is_published=False))
    assert moves(lambda: AgendaItem.objects.bulk_create([AgendaItem(meeting=meeting, order=9)]))
    assert moves(lambda: AgendaItem.objects.filter(order=9).delete())
    assert moves(lambda: item.save())

    def raw():
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET title = 'Raw' WHERE id = %s", [item.pk])

    assert moves(raw)
    job = IngestJob.objects.create(created_by=officer, original_filename="a.pdf", upload_path="/x")
    assert not moves(lambda: IngestJob.objects.filter(pk=job.pk).update(attempts=2))


def test_a_rolled_back_change_leaves_the_version_alone():
    meeting = factories.meeting()

    def rolled_back():
        with pytest.raises(RuntimeError), transaction.atomic():
            Meeting.objects.filter(pk=meeting.pk).update(is_published=False)
            raise RuntimeError

    assert not moves(rolled_back)


def test_the_version_is_a_time_and_never_goes_back():
    first = version.current()
    factories.meeting()
    second = version.current()
    factories.meeting(date=factories.dt.date(2018, 1, 1))
    assert first < second < version.current()
    assert second > 1_700_000_000 * 1_000_000  # microseconds since 1970, after November 2023
