"""Small files that would hold a worker for seconds or minutes are refused at once, with a
report: a zip of XLIFF that unpacks to gigabytes of whitespace, deeply nested or
attribute-laden XML, and images whose pixels no page needs (docs/performance.md has the
times on the CI machine)."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import make_brief
from tests.security.test_hostile_xliff import unit, xliff

pytestmark = pytest.mark.django_db


def whitespace_bomb(members, megabytes, compression=zipfile.ZIP_BZIP2):
    buffer = io.BytesIO()
    head = b'<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:1.2"'
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for number in range(members):
            with archive.open(f"ar-{number:03d}.xlf", "w", force_zip64=True) as member:
                member.write(head + b' version="1.2">')
                for _megabyte in range(megabytes):
                    member.write(b" " * 1024 * 1024)
                member.write(b"</xliff>")
    return buffer.getvalue()


def imported(client, name, data):
    response = client.post(
        "/ar/admin/translations/import/", {"file": SimpleUploadedFile(name, data)}, follow=True
    )
    assert response.status_code == 200
    return response.content.decode()


def test_a_zip_of_whitespace_bombs_is_refused_before_it_is_unpacked(editor_client):
    bomb = whitespace_bomb(members=4, megabytes=19)  # the probe's had 120 of 20 MB
    assert len(bomb) < 5_000
    page = imported(editor_client, "bomb.zip", bomb)
    assert page.count("نسبة ضغطه أعلى من أن يكون ملف XLIFF") == 4  # each member, said why
    assert "استُوردت" not in page


def test_a_zip_that_unpacks_to_more_than_the_total_is_refused(editor_client, settings):
    settings.XLIFF_IMPORT_MAX_TOTAL_BYTES = 10 * 1024 * 1024
    page = imported(editor_client, "big.zip", whitespace_bomb(3, 4, zipfile.ZIP_STORED))
    assert "حجم الملف المضغوط بعد فكّه 12.0" in page


def test_a_zip_of_too_many_files_is_refused(editor_client, settings):
    settings.XLIFF_IMPORT_MAX_FILES = 5
    page = imported(editor_client, "many.zip", whitespace_bomb(6, 0, zipfile.ZIP_STORED))
    assert "عدد ملفات XLIFF في الملف المضغوط 6" in page


@pytest.mark.parametrize(
    "shape",
    [
        lambda inner: "<group>" * 200_000 + inner + "</group>" * 200_000,
        lambda inner: inner.replace(
            "<trans-unit ", "<trans-unit " + " ".join(f'a{n}="x"' for n in range(100_000)) + " "
        ),
    ],
    ids=["200,000 nested groups", "100,000 attributes"],
)
def test_deep_nesting_and_many_attributes_are_refused_as_met(editor_client, shape):
    brief = make_brief("Gas Deals")
    inner = unit(f"briefs.brief.{brief.pk}.title", brief.title_en, "صفقات")
    body = inner.split("<body>")[1].split("</body>")[0]
    document = xliff(inner.replace(body, shape(body)))
    page = imported(editor_client, "deep.xlf", document)
    assert "ليس ملف XLIFF" in page
    assert brief.title_ar is None
