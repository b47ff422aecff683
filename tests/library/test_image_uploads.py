"""Uploading images to the library: only JPEG, PNG and WebP that decode whole, within the
limits; every refusal is a form error and nothing is stored; what is stored is upright
and carries no metadata."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as Picture

from library.models import Image

pytestmark = pytest.mark.django_db
ADD = "/admin/library/image/add/"


def encoded(kind="JPEG", size=(640, 480), **save):
    buffer = io.BytesIO()
    Picture.new("RGB", size, "#336699").save(buffer, format=kind, **save)
    return buffer.getvalue()


def png_claiming(width, height):
    """A PNG whose header claims `width` × `height` pixels, with almost no data."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0"))
        + chunk(b"IEND", b"")
    )


def upload(client, name, content, content_type="image/jpeg"):
    return client.post(
        ADD,
        {
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "alt_en": "A test picture",
            "focal_x": "50",
            "focal_y": "50",
        },
    )


def stored_files(settings):
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


HOSTILE = {
    "over 20 MB": ("big.jpg", encoded() + b"\0" * (20 * 1024 * 1024), "images of up to 20"),
    "over 40 megapixels": ("wide.png", encoded("PNG", (8000, 5100)), "up to 40 can be uploaded"),
    "decompression bomb": ("bomb.png", png_claiming(40000, 40000), "not one"),
    "SVG": (
        "logo.png",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "not one",
    ),
    "HTML renamed": ("page.jpg", b"<!doctype html><script>alert(1)</script>", "not one"),
    "script renamed": ("run.webp", b"#!/bin/sh\nrm -rf /\n", "not one"),
    "GIF": ("anim.gif", encoded("GIF"), "not one"),
    "truncated JPEG": ("cut.jpg", encoded(size=(1200, 900))[:3000], "could not be read whole"),
    # Under 40 megapixels, but longer than WebP holds or any page shows.
    "1 × 39,000,000": ("line.png", png_claiming(1, 39_000_000), "its sides can be up to 16383"),
    "16,400 × 1,000": ("strip.png", png_claiming(16_400, 1_000), "its sides can be up to 16383"),
    "16,000 × 700": ("banner.png", png_claiming(16_000, 700), "more than 20 times the other"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_upload_is_a_form_error_and_nothing_is_stored(admin_client, settings, case):
    name, content, message = HOSTILE[case]
    response = upload(admin_client, name, content)
    assert response.status_code == 200  # the form again, never a 500
    errors = " ".join(e for e in response.context["adminform"].form.errors.get("file", []))
    assert message in errors, errors
    assert not Image.objects.exists()
    assert stored_files(settings) == []


def test_a_polyglot_keeps_only_its_pixels(admin_client, settings):
    polyglot = encoded() + b"<script>alert(1)</script>PK\x03\x04"
    assert upload(admin_client, "poly.jpg", polyglot).status_code == 302
    stored = Image.objects.get().file.read()
    assert b"<script>" not in stored and b"PK\x03\x04" not in stored


def test_exif_orientation_is_applied_and_all_metadata_stripped(admin_client):
    exif = Picture.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to view
    exif[0x8825] = {2: (48.0, 51.0, 30.0), 4: (2.0, 17.0, 40.0)}  # GPS latitude and longitude
    exif[0x010F] = "CameraMaker"
    content = encoded(size=(600, 400), exif=exif)
    assert b"CameraMaker" in content
    assert upload(admin_client, "phone.jpg", content).status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (400, 600)  # turned upright
    stored = image.file.read()
    assert b"CameraMaker" not in stored and b"Exif" not in stored
    with Picture.open(io.BytesIO(stored)) as picture:
        assert not picture.getexif()
        assert "icc_profile" not in picture.info


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP"])
def test_each_accepted_kind_is_stored_with_its_renditions(admin_client, kind):
    content = encoded(kind, size=(1700, 1000))
    assert upload(admin_client, f"photo.{kind.lower()}", content).status_code == 302
    image = Image.objects.get()
    wide = image.renditions["wide"]
    assert [width for _name, width in wide["webp"]] == [480, 800, 1200, 1600]
    assert all(name.endswith(".webp") for name, _width in wide["webp"])
    assert (wide["width"], wide["height"]) == (1600, 900)
    square = image.renditions["square"]
    assert [width for _name, width in square["fallback"]] == [160, 320, 640]


@pytest.mark.parametrize("focal", ["101", "-1", "1e9", "", "50" * 500, "<script>"])
def test_a_hostile_focal_point_or_alt_is_a_form_error_not_a_500(admin_client, settings, focal):
    response = admin_client.post(
        ADD,
        {
            "file": SimpleUploadedFile("photo.jpg", encoded(), content_type="image/jpeg"),
            "alt_en": "A picture",
            "focal_x": focal,
            "focal_y": "50",
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["focal_x"]
    assert not Image.objects.exists() and stored_files(settings) == []


def test_arabic_indic_digits_and_an_overlong_alt_are_handled(admin_client):
    data = {"alt_en": "x" * 5000, "focal_x": "٣٠", "focal_y": "٥٠"}
    upload_file = SimpleUploadedFile("photo.jpg", encoded(), content_type="image/jpeg")
    response = admin_client.post(ADD, {**data, "file": upload_file})
    assert response.status_code == 200 and response.context["adminform"].form.errors["alt_en"]
    upload_file = SimpleUploadedFile("photo.jpg", encoded(), content_type="image/jpeg")
    assert admin_client.post(ADD, {**data, "alt_en": "ok", "file": upload_file}).status_code == 302
    assert (Image.objects.get().focal_x, Image.objects.get().focal_y) == (30, 50)


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP"])
def test_a_large_picture_is_stored_no_larger_than_pages_can_use(admin_client, kind):
    response = upload(admin_client, f"big.{kind.lower()}", encoded(kind, (6000, 4000)))
    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (3200, 2133)
    with Picture.open(image.file) as stored:
        assert stored.size == (3200, 2133)
