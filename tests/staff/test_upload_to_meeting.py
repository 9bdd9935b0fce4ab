"""Uploading papers to a meeting: the meeting the clerk chose wins over what a paper prints."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from documents.models import Document
from meetings.models import Meeting
from staff.models import IngestJob
from tests import factories
from tests.shared_papers import shared_path
from tests.staff.conftest import MINUTES, upload

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_report_that_names_no_committee_goes_into_the_chosen_meeting(officer_client):
    appendix = shared_path(
        "real-meetings",
        "kent",
        "cabinet",
        "2025-01-30",
        "Appendix J - Government Grants in LGFS.pdf",
    )
    meeting = Meeting.objects.create(
        committee=factories.committee("Cabinet"), date=dt.date(2025, 1, 30)
    )
    upload(officer_client, appendix.parent, appendix.name, kind="", meeting=meeting)
    job = IngestJob.objects.get()
    assert job.status == "ok", job.error
    document = Document.objects.get()
    assert document.meeting == meeting and not document.is_published
    page = officer_client.get(reverse("staff:jobs")).content.decode()
    assert f"Read as the meeting’s {document.get_role_display().lower()}" in page
    assert "check and correct" in page


def test_the_job_page_shows_where_a_paper_disagrees_with_its_meeting(officer_client, papers):
    meeting = Meeting.objects.create(
        committee=factories.committee("Planning Committee"), date=dt.date(2017, 11, 1)
    )
    upload(officer_client, papers, MINUTES, kind="", meeting=meeting)
    document = Document.objects.get()
    assert document.meeting == meeting  # the clerk's choice wins
    assert any("Cabinet" in warning for warning in document.warnings)
    page = officer_client.get(reverse("staff:jobs")).content.decode()
    assert "Check:" in page and "filed under “Planning Committee”" in page
