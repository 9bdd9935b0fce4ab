"""A meeting's papers, read in any order, give one record (Kent Cabinet, 30 January 2025).

Every paper of a real meeting, as the council publishes them in a clerk's folder: the agenda
front sheet, a supplementary pack, reports, appendices, equality impact assessments, proposed
records of decision and the printed minutes. Each file is read once; the meeting is then
written from those readings in several orders and compared through the public export.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import random
import re

import pytest

from documents.context import folder_context
from documents.export import build_export
from documents.importer import Importer, IngestOptions, parse_file
from documents.models import Document
from documents.writer import DocumentWriter
from meetings.models import AgendaItem, Committee, Meeting, Person
from tests.shared_papers import shared_path

AGENDA_TITLES = [
    "Apologies",
    "Declarations of Interest",
    "Minutes of the Meeting held on 9th January 2025",
    "Cabinet Member Updates",
    "24/00108 - Revenue and Capital Budget Monitoring Report",
    "Draft Revenue Budget 2025-26",
    "24/00109 - Transfer the 18-25 section",
    "24/00115 - Kent County Council Integrated Care Strategy",
    "24/00096 - Commissioning Plan for Education Provision in Kent 2025-29",
]


def cabinet_folder():
    return shared_path("real-meetings", "kent", "cabinet", "2025-01-30")


@pytest.fixture(scope="module")
def readings():
    files = sorted(cabinet_folder().glob("*.pdf"))
    options = IngestOptions(isolate=False)
    return [
        (path, hashlib.sha256(path.read_bytes()).hexdigest(), parse_file(path, options))
        for path in files
    ]


def start_afresh() -> None:
    Meeting.objects.all().delete()
    Committee.objects.all().delete()
    Person.objects.all().delete()


def write_in_order(readings, order) -> dict:
    start_afresh()
    for index in order:
        path, sha, parsed = readings[index]
        DocumentWriter(
            parsed,
            sha256=sha,
            source=path,
            original_filename=path.name,
            context=folder_context(path),
        ).write()
    return comparable_export()


def comparable_export() -> dict:
    """The export with what differs by run alone (ids, time of export) replaced."""
    sha_of = dict(Document.objects.values_list("pk", "sha256"))
    text = json.dumps(build_export(), sort_keys=True)
    data = json.loads(re.sub(r'"generated_at": "[^"]*"', '"generated_at": ""', text))
    for meeting in data["meetings"]:
        meeting["id"] = ""
        for document in meeting["documents"]:
            document["id"] = document["sha256"]
            document["url"] = ""
        for item in meeting["items"]:
            for span in item["pages"]:
                span["document"] = sha_of[int(span["document"])]
    for decision in data["decisions"]:
        if decision["reference"]:
            decision["url"] = ""  # a record's page is numbered by its row
    return data


def assert_same(got: dict, expected: dict, name: str) -> None:
    """Equal exports, or the first place they differ."""
    if got == expected:
        return
    got_lines = json.dumps(got, indent=1, sort_keys=True).splitlines()
    expected_lines = json.dumps(expected, indent=1, sort_keys=True).splitlines()
    diff = list(difflib.unified_diff(expected_lines, got_lines, lineterm="", n=2))
    pytest.fail(f"{name}: the export differs\n" + "\n".join(diff[:60]))


@pytest.mark.django_db
def test_every_paper_goes_in_and_the_agenda_defines_the_items(readings):
    export = write_in_order(readings, range(len(readings)))
    [meeting] = export["meetings"]
    titles = [item["title"] for item in meeting["items"]]
    assert len(titles) == len(AGENDA_TITLES)
    for printed, expected in zip(titles, AGENDA_TITLES, strict=True):
        assert printed.startswith(expected), (printed, expected)
    assert [item["number"] for item in meeting["items"]] == [str(n) for n in range(1, 10)]
    # The minutes joined their agenda items; reports brought their front sheets.
    assert [item["minute_number"] for item in meeting["items"]] == [str(n) for n in range(84, 93)]
    assert meeting["items"][4]["report"] is not None
    assert len(meeting["attendance"]["present"]) >= 9
    # Every file is kept, and only a revised issue of a paper supersedes another.
    assert Document.objects.count() == len(readings)
    superseded = Document.objects.exclude(superseded_by=None)
    assert [d.original_filename for d in superseded] == [
        "24-00109 - Transfer the 18-25 section of the Strengthening Independence Service"
        " - Report.pdf"
    ]
    assert superseded.get().superseded_by.original_filename.startswith("Item 7 - Supplementary")
    assert not AgendaItem.objects.filter(title__icontains="background documents").exists()


@pytest.mark.django_db
def test_the_record_is_the_same_whatever_order_the_papers_are_read_in(readings):
    forward = write_in_order(readings, range(len(readings)))
    orders = {"reverse": list(reversed(range(len(readings))))}
    for seed in (1, 2, 3):
        shuffled = list(range(len(readings)))
        random.Random(seed).shuffle(shuffled)
        orders[f"shuffled {seed}"] = shuffled
    for name, order in orders.items():
        assert_same(write_in_order(readings, order), forward, name)


@pytest.mark.django_db
def test_two_workers_give_the_same_record(readings):
    forward = write_in_order(readings, range(len(readings)))
    start_afresh()
    results = list(Importer(IngestOptions(workers=2)).ingest([cabinet_folder()]))
    assert {r.status for r in results} == {"ok"}, [r.error for r in results if r.error]
    assert_same(comparable_export(), forward, "two workers")
