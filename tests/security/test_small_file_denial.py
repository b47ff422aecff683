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


def whitespace_bomb(members, megabytes, compression=zipfile.ZIP_DEFLATED):
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
    bomb = whitespace_bomb(members=4, megabytes=19)  # the probe's: 120 of 20 MB, bzip2
    assert len(bomb) < 100_000  # 76 MB of whitespace
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


def zip_of(document, compression, **options):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression, **options) as archive:
        archive.writestr("ar-001.xlf", document)
    return buffer.getvalue()


def test_members_compressed_as_xliff_never_is_are_refused_not_a_500(editor_client):
    brief = make_brief("Gas Deals")
    document = xliff(unit(f"briefs.brief.{brief.pk}.title", brief.title_en, "صفقات"))
    for compression in (zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        page = imported(editor_client, "other.zip", zip_of(document, compression))
        assert "ليس بالطريقة التي تُضغط بها ملفات XLIFF" in page
    data = bytearray(zip_of(document, zipfile.ZIP_DEFLATED))
    for offset in (8, data.index(b"PK\x01\x02") + 10):  # deflate64 in both headers
        data[offset : offset + 2] = (9).to_bytes(2, "little")
    page = imported(editor_client, "deflate64.zip", bytes(data))
    assert "ليس بالطريقة التي تُضغط بها ملفات XLIFF" in page


@pytest.mark.parametrize("encoding", ["shift_jis", "utf-32", "utf-7", "no-such-encoding"])
def test_an_odd_encoding_is_refused_with_a_report(editor_client, encoding):
    document = f'<?xml version="1.0" encoding="{encoding}"?><xliff/>'.encode()
    page = imported(editor_client, "odd.xlf", document)
    assert "ليس ملف XML مقروءًا" in page or "ليس ملف XLIFF" in page


def test_a_file_refused_for_many_units_is_read_no_further(editor_client):
    units = "".join(
        f'<trans-unit id="briefs.brief.{9_000_000 + n}.title"><source>x</source>'
        "<target>ع</target></trans-unit>"
        for n in range(5_000)
    )
    document = xliff(f'<file original="x" target-language="ar"><body>{units}</body></file>')
    page = imported(editor_client, "many.xlf", document)
    assert "ولم يُقرأ أكثر من ذلك" in page
    assert page.count("9000") <= 210
