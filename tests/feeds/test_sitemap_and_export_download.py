"""sitemap.xml lists every public page and nothing else; robots.txt points to it; the bulk
export downloads from the site, validates, and is rebuilt when what is public changes."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from django.core.files.storage import default_storage

from documents.export_file import EXPORT_FOLDER, regenerate_export
from documents.importer import Importer, IngestOptions
from meetings.models import AgendaItem, Meeting
from tests.api.world import PUBLIC_RESOLUTION, SECRETS, assert_no_secrets, build_world

SCHEMA = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "contracts" / "export.schema.json").read_text()
)
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.mark.django_db
def test_it_lists_every_public_page_in_the_sitemap_and_nothing_withheld(client):
    world = build_world()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert_no_secrets(response.content)
    urls = {u.text for u in ET.fromstring(response.content).findall("s:url/s:loc", NS)}
    expected = [
        world.meeting.get_absolute_url(),
        world.upcoming.get_absolute_url(),
        world.public_item.get_absolute_url(),
        world.paper.get_absolute_url(),
        "/committees/cabinet/",
    ]
    for path in expected:
        assert f"http://testserver{path}" in urls, path
    assert f"http://testserver{world.exempt_item.get_absolute_url()}" not in urls
    hidden = Meeting.objects.get(is_published=False)
    assert not any(hidden.committee.slug in url for url in urls)


def test_it_serves_robots_txt_pointing_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def download(client) -> dict:
    response = client.get("/open-data/export.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert_no_secrets(body)
    return json.loads(body)


@pytest.mark.django_db
def test_it_downloads_the_bulk_export_and_rebuilds_it_when_an_item_becomes_exempt(client):
    build_world()
    data = download(client)
    jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(data)
    assert PUBLIC_RESOLUTION in json.dumps(data)
    item = AgendaItem.objects.get(title="Fostering Modernisation Plan")
    AgendaItem.objects.filter(pk=item.pk).update(exempt=True, exempt_paragraph=1)
    # The minute the council printed stays public; withheld by the clerk, it leaves.
    assert PUBLIC_RESOLUTION in json.dumps(download(client))
    AgendaItem.objects.filter(pk=item.pk).update(minute_withheld=True)
    assert PUBLIC_RESOLUTION not in json.dumps(download(client))
    _, files = default_storage.listdir(EXPORT_FOLDER)
    assert len(files) == 1, "older exports are removed"


@pytest.mark.django_db
def test_it_rebuilds_the_export_when_a_meeting_is_unpublished(client):
    world = build_world()
    assert any(m["id"] == str(world.meeting.pk) for m in download(client)["meetings"])
    Meeting.objects.filter(pk=world.meeting.pk).update(is_published=False)
    assert not any(m["id"] == str(world.meeting.pk) for m in download(client)["meetings"])


@pytest.mark.django_db(transaction=True)
def test_it_regenerates_the_stored_export_from_real_papers(client, papers):
    [result] = Importer(IngestOptions(isolate=False)).ingest(
        [papers / "dorset-cabinet-2017-10-04-minutes.pdf"]
    )
    assert result.status == "ok", result.error
    name = regenerate_export()
    stored = json.loads(default_storage.open(name).read())
    assert [m["committee"] for m in stored["meetings"]] == ["Cabinet"]
    assert download(client)["meetings"][0]["items"] == stored["meetings"][0]["items"]
    assert SECRETS  # the markers exist; download() checked none leaked
