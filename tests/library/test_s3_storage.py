"""Uploads in S3-compatible object storage, as several app servers share them: tested
against a real S3 API, moto's server, started here on a free local port."""

import io
import json
import urllib.error
import urllib.request
import uuid

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as Picture
from selectolax.lexbor import LexborHTMLParser

from briefs.models import Attachment
from library.models import Image
from publishing import actions
from tests.briefs.test_attachments import PDF, attach
from tests.factories import make_brief, make_expert

pytestmark = pytest.mark.django_db
CREDENTIALS = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(settings, s3_endpoint, tmp_path):
    name = f"briefing-{uuid.uuid4().hex[:12]}"
    s3 = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **CREDENTIALS)
    s3.create_bucket(Bucket=name)
    # As docs/deploy.md has it: pictures public, the rest (PDFs) private.
    s3.put_bucket_policy(Bucket=name, Policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{name}/images/*",
        }],
    }))  # fmt: skip
    settings.MEDIA_ROOT = tmp_path / "local-media"  # must stay empty
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                "access_key": "test",
                "secret_key": "test",
                "querystring_auth": False,
                "file_overwrite": False,
            },
        },
    }
    return s3, name


def stored(bucket):
    s3, name = bucket
    return sorted(item["Key"] for item in s3.list_objects_v2(Bucket=name).get("Contents", []))


def jpeg(size=(1700, 1100)):
    buffer = io.BytesIO()
    Picture.new("RGB", size, "#336699").save(buffer, format="JPEG")
    return buffer.getvalue()


def test_an_uploaded_image_and_its_renditions_live_in_the_bucket(
    editor_client, client, bucket, settings
):
    response = editor_client.post(
        "/admin/library/image/add/",
        {
            "file": SimpleUploadedFile("platform.jpg", jpeg(), content_type="image/jpeg"),
            "alt_en": "Gas platform",
            "focal_x": "50",
            "focal_y": "50",
        },
    )
    assert response.status_code == 302, response.content
    image = Image.objects.get()
    keys = stored(bucket)
    assert image.file.name in keys
    assert sum(key.endswith(".webp") for key in keys) >= 8  # each shape, each width
    assert not (settings.MEDIA_ROOT).exists()  # nothing written to this server's disk

    brief = make_brief("Gas Deals", authors=[make_expert()], lead_image=image)
    page = LexborHTMLParser(client.get(brief.url_in("en")).content)
    src = page.css_first(".brief__lead-image img").attributes["src"]
    assert src.startswith(f"{settings.STORAGES['default']['OPTIONS']['endpoint_url']}/")
    with urllib.request.urlopen(src) as served:  # what a reader's browser fetches
        assert served.read(3) == b"\xff\xd8\xff"  # a JPEG


def test_a_pdf_in_the_bucket_is_served_by_the_site_only_while_the_brief_is_public(
    admin_client, client, bucket
):
    brief = make_brief("Gas Deals", arabic=True, authors=[make_expert()])
    assert attach(admin_client, brief, PDF).status_code == 302
    document = Attachment.objects.get()
    assert document.file.name in stored(bucket)
    s3_endpoint = bucket[0].meta.endpoint_url
    with pytest.raises(urllib.error.HTTPError) as refused:  # not from the bucket directly
        urllib.request.urlopen(f"{s3_endpoint}/{bucket[1]}/{document.file.name}")
    assert refused.value.code == 403
    url = f"/policy-analysis/gas-deals/documents/{document.pk}"
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    actions.Withdraw(brief, actor="test").run()
    assert client.get(url).status_code == 404


def test_healthz_checks_the_bucket(client, bucket):
    assert client.get("/healthz").json()["storage"] == "ok"
    s3, name = bucket
    s3.delete_bucket(Bucket=name)
    assert client.get("/healthz").json()["storage"] == "failing"
