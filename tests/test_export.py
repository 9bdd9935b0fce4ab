"""`manage.py export` writes JSON that validates against contracts/export.schema.json."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from django.core.management import call_command

from documents.importer import Importer, IngestOptions
from meetings.models import AgendaItem, Resolution

pytestmark = pytest.mark.django_db(transaction=True)
SCHEMA = json.loads(
    (Path(__file__).parent / "fixtures" / "contracts" / "export.schema.json").read_text()
)


def ingest_samples(papers):
    paths = [papers / "dorset-cabinet-2017-10-04-minutes.pdf"]
    paths.append(papers / "dorset-people-and-health-2021-09-02-agenda-pack.pdf")
    results = list(Importer(IngestOptions(isolate=False)).ingest(paths))
    assert all(r.status == "ok" for r in results), [r.error for r in results]


def export(tmp_path, *args) -> dict:
    target = tmp_path / "export.json"
    call_command("export", "--output", str(target), *args)
    return json.loads(target.read_text())


def test_the_export_validates_against_the_schema(tmp_path, papers):
    ingest_samples(papers)
    data = export(tmp_path)
    jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(data)
    assert {m["committee"] for m in data["meetings"]} == {
        "Cabinet",
        "People and Health Overview Committee",
    }


def _item_of(data: dict, item) -> dict:
    return next(
        i for m in data["meetings"] for i in m["items"] if i["url"] == item.get_absolute_url()
    )


def test_the_export_leaves_out_exempt_content(tmp_path, papers):
    ingest_samples(papers)
    item = AgendaItem.objects.filter(resolutions__isnull=False).first()
    secret = "MARKER-exempt-resolution-7f3a"
    Resolution.objects.create(item=item, order=999, text=secret)
    item.exempt, item.exempt_paragraph = True, 3
    item.save()
    # The minute the council printed is public: its resolutions are exported.
    printed = export(tmp_path)
    assert secret in json.dumps(printed)
    assert "report" not in [k for k, v in _item_of(printed, item).items() if v is not None]
    item.minute_withheld = True  # the clerk withholds the minute
    item.save()
    data = export(tmp_path)
    assert secret not in json.dumps(data)
    exported = next(
        i for m in data["meetings"] for i in m["items"] if i["url"] == item.get_absolute_url()
    )
    assert exported["exempt"] is True and exported["resolutions"] == []
    assert exported["title"] == item.title


def test_the_export_filters_by_committee_and_date(tmp_path, papers):
    ingest_samples(papers)
    assert [m["committee"] for m in export(tmp_path, "--committee", "cabinet")["meetings"]] == [
        "Cabinet"
    ]
    assert [m["date"] for m in export(tmp_path, "--since", "2020-01-01")["meetings"]] == [
        "2021-09-02"
    ]
