"""Papers kept in an S3-compatible object store, tried against a real S3 server on loopback.

The S3 option (``S3_BUCKET``, django-storages) is what a council with several app servers
runs. These tests start moto's S3 server on 127.0.0.1 and drive the portal through it: a
paper read by ``ingest`` lands in the bucket, the public PDF (with an exempt report's pages
cut out) and the staff upload go through it, and the open-data export is written there.
"""

from __future__ import annotations

import io
import json

import boto3
import pypdfium2 as pdfium
import pytest
from django.core.management import call_command
from django.urls import reverse
from moto.server import ThreadedMotoServer

from documents.models import Document
from staff.models import IngestJob
from tests.staff.conftest import MINUTES, upload
from tests.test_exempt_pack import SECRET
from tests.test_exempt_pack import pack as exempt_pack

pytestmark = pytest.mark.django_db(transaction=True)

BUCKET = "council-papers"
KEYS = {"aws_access_key_id": "portal", "aws_secret_access_key": "portal-secret"}


@pytest.fixture(scope="module")
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings):
    """A fresh, empty bucket that the portal's papers storage points at."""
    client = boto3.client("s3", endpoint_url=s3_server, region_name="eu-west-2", **KEYS)
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
    )
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_server,
                "region_name": "eu-west-2",
                "access_key": KEYS["aws_access_key_id"],
                "secret_key": KEYS["aws_secret_access_key"],
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
    yield client
    listed = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    for entry in listed:
        client.delete_object(Bucket=BUCKET, Key=entry["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client) -> list[str]:
    return sorted(e["Key"] for e in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def downloaded(response) -> bytes:
    return b"".join(response.streaming_content)


def pdf_text(data: bytes) -> tuple[int, str]:
    pdf = pdfium.PdfDocument(io.BytesIO(data))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    return len(pdf), text


def test_an_ingested_paper_is_stored_in_the_bucket_and_served_from_it(bucket, tmp_path, client):
    source = exempt_pack(tmp_path)
    call_command("ingest", str(source), stdout=io.StringIO())

    document = Document.objects.get()
    stored = keys(bucket)
    assert document.file.name in stored
    body = bucket.get_object(Bucket=BUCKET, Key=document.file.name)["Body"].read()
    assert body == source.read_bytes()
    assert not (tmp_path / "media").exists() or not any((tmp_path / "media").rglob("*.pdf"))

    # The exempt report's pages are cut out of the public copy read back from the bucket.
    pages, text = pdf_text(downloaded(client.get(document.get_pdf_url())))
    assert pages == 2
    assert "libraries opened" in text and SECRET not in text


def test_the_open_data_export_is_written_to_the_bucket(bucket, tmp_path, client):
    call_command("ingest", str(exempt_pack(tmp_path)), stdout=io.StringIO())

    response = client.get(reverse("export-download"))
    assert response.status_code == 200
    export = json.loads(downloaded(response))
    titles = [item["title"] for m in export["meetings"] for item in m["items"]]
    assert any("Library service review" in t for t in titles)
    assert SECRET not in json.dumps(export)
    assert [k for k in keys(bucket) if k.startswith("exports/")]


def test_a_staff_upload_goes_to_the_bucket(bucket, officer_client, papers, client):
    response = upload(
        officer_client, papers, MINUTES, kind="minutes", **{"meeting-new_committee": "Cabinet"}
    )
    assert response.status_code == 302
    job = IngestJob.objects.get()
    assert job.status == "ok", job.error
    document = Document.objects.get()
    assert document.file.name in keys(bucket)
    assert not document.is_published and client.get(document.get_pdf_url()).status_code == 404

    staff_copy = officer_client.get(reverse("staff:document-pdf", args=[document.pk]))
    assert staff_copy.status_code == 200
    assert downloaded(staff_copy) == (papers / MINUTES).read_bytes()
