"""Hostile XLIFF files are refused whole, with a report, and never stored or a 500."""

from xml.sax.saxutils import escape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from briefs.models import Brief
from tests.factories import make_brief, make_topic
from translations.status import fingerprint

pytestmark = pytest.mark.django_db


def unit(unit_id, source, target, language="ar"):
    """A unit as the export wrote them before inline codes: rich text as escaped HTML, and
    so read back as HTML, through the allow-list (translations.inline has the codes')."""
    return (
        f'<file original="x" datatype="html" source-language="en" target-language="{language}">'
        f'<body><trans-unit id="{unit_id}"><source>{escape(source)}</source>'
        f'<target>{target}</target><note from="source-fingerprint">{fingerprint(source)}</note>'
        "</trans-unit></body></file>"
    )


def xliff(*files, prolog=""):
    body = "".join(files)
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{prolog}'
        f'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">{body}</xliff>'
    ).encode()


def imported(tmp_path, document):
    """The import command's outcome: its report when it refuses the file."""
    path = tmp_path / "hostile.xlf"
    path.write_bytes(document)
    try:
        call_command("import_xliff", str(path), stdout=open("/dev/null", "w"))  # noqa: SIM115
    except CommandError as refused:
        return str(refused)
    return "imported"


@pytest.fixture
def brief():
    return make_brief("Gas Deals", summary_en="About gas.", body_en="<p>Gas.</p>")


def unchanged(brief):
    stored = Brief.objects.get(pk=brief.pk)
    return (stored.title_ar, stored.summary_ar, stored.body_ar) == (None, None, None) or (
        not stored.title_ar and not stored.summary_ar and not stored.body_ar
    )


def test_an_overlong_title_is_refused_not_stored(tmp_path, brief):
    report = imported(
        tmp_path, xliff(unit(f"briefs.brief.{brief.pk}.title", "Gas Deals", "ع" * 1_000_000))
    )
    assert "Nothing was imported" in report
    assert f"briefs.brief.{brief.pk}.title" in report and "at most 255 characters" in report
    assert unchanged(brief)


def test_an_overlong_name_is_refused(tmp_path):
    topic = make_topic("Energy")
    report = imported(
        tmp_path, xliff(unit(f"taxonomy.topic.{topic.pk}.name", "Energy", "ط" * 5000))
    )
    assert "at most 120 characters" in report
    topic.refresh_from_db()
    assert not topic.name_ar


def test_one_bad_unit_refuses_the_whole_file(tmp_path, brief):
    good = unit(f"briefs.brief.{brief.pk}.summary", "About gas.", "عن الغاز.")
    bad = unit(f"briefs.brief.{brief.pk}.title", "Gas Deals", "ع" * 300)
    assert "Nothing was imported" in imported(tmp_path, xliff(good, bad))
    assert unchanged(brief)


@pytest.mark.parametrize(
    "unit_id",
    [
        "briefs.brief.².title",
        "briefs.brief.٣.title",
        "briefs.brief.99999999999999999999999.title",
        "briefs.brief.-1.title",
        "briefs.brief.1 .title",
        "briefs.brief.1.title.extra",
        "briefs.brief",
        "",
        "auth.user.1.username",
        "briefs.authorship.1.position",
        "briefs.brief.{pk}.title_en",
        "briefs.brief.{pk}.status",
        "briefs.brief.{pk}.slug",
        "briefs.brief.{pk}.published_at",
        "../../etc/passwd",
        "briefs.brief.{pk}.title\x00",
    ],
)
def test_unit_ids_that_name_nothing_translatable_are_refused(tmp_path, brief, unit_id):
    unit_id = unit_id.replace("{pk}", str(brief.pk)).replace("\x00", "&#0;")
    report = imported(tmp_path, xliff(unit(unit_id, "Gas Deals", "صفقات الغاز")))
    assert "Nothing was imported" in report
    assert unchanged(brief)
    assert Brief.objects.get(pk=brief.pk).title_en == "Gas Deals"


def test_a_translation_into_the_language_it_is_written_in_is_refused(tmp_path, brief):
    report = imported(
        tmp_path, xliff(unit(f"briefs.brief.{brief.pk}.title", "Gas Deals", "Hacked", "en"))
    )
    assert "it is written in that language: there is nothing to translate" in report
    assert Brief.objects.get(pk=brief.pk).title_en == "Gas Deals"


@pytest.mark.parametrize("language", ["fr", "", "../en", "AR"])
def test_a_translation_into_a_language_not_published_is_refused(tmp_path, brief, language):
    report = imported(
        tmp_path, xliff(unit(f"briefs.brief.{brief.pk}.title", "Gas Deals", "Hacked", language))
    )
    assert f"unknown target language {language!r}" in report
    assert Brief.objects.get(pk=brief.pk).title_en == "Gas Deals"


@pytest.mark.parametrize(
    "target",
    [
        "&lt;script&gt;alert(1)&lt;/script&gt;عنوان",
        "&lt;img src=x onerror=alert(1)&gt;",
        "عنوان &lt;b&gt;عريض&lt;/b&gt;",
    ],
)
def test_markup_in_a_plain_text_field_is_refused(tmp_path, brief, target):
    report = imported(tmp_path, xliff(unit(f"briefs.brief.{brief.pk}.title", "Gas Deals", target)))
    assert "markup in a plain-text field" in report
    assert unchanged(brief)


@pytest.mark.parametrize(
    ("target", "named"),
    [
        ("&lt;p&gt;نص&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;", "<script>"),
        ("&lt;p onclick=alert(1)&gt;نص&lt;/p&gt;", "onclick attribute of <p>"),
        (
            '&lt;p&gt;&lt;a href="javascript:alert(1)"&gt;نص&lt;/a&gt;&lt;/p&gt;',
            "href attribute of <a>",
        ),
        ("&lt;p&gt;نص&lt;/p&gt;&lt;iframe src=//evil.example&gt;&lt;/iframe&gt;", "<iframe>"),
    ],
)
def test_rich_text_that_sanitising_would_change_is_refused_with_what_it_would_drop(
    tmp_path, brief, target, named
):
    report = imported(tmp_path, xliff(unit(f"briefs.brief.{brief.pk}.body", "<p>Gas.</p>", target)))
    assert "markup that rich text may not hold" in report and named in report
    assert unchanged(brief)


def test_clean_rich_text_is_imported(tmp_path, brief):
    target = '&lt;p&gt;الغاز &lt;a href="https://example.org/"&gt;هنا&lt;/a&gt;.&lt;/p&gt;'
    assert (
        imported(tmp_path, xliff(unit(f"briefs.brief.{brief.pk}.body", "<p>Gas.</p>", target)))
        == "imported"
    )
    assert Brief.objects.get(pk=brief.pk).body_ar.startswith("<p>الغاز <a href")


ENTITY_EXPANSION = """<!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;">]>"""
EXTERNAL_ENTITY = '<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
EXTERNAL_DTD = '<!DOCTYPE xliff SYSTEM "http://127.0.0.1:9/xliff.dtd">'


@pytest.mark.parametrize("prolog", [ENTITY_EXPANSION, EXTERNAL_ENTITY, EXTERNAL_DTD])
def test_dtds_and_entities_are_refused(tmp_path, brief, prolog):
    target = {ENTITY_EXPANSION: "&lol4;", EXTERNAL_ENTITY: "&secret;"}.get(prolog, "صفقات")
    document = xliff(unit(f"briefs.brief.{brief.pk}.title", "Gas Deals", target), prolog=prolog)
    assert "declares a DTD or entities" in imported(tmp_path, document)
    assert unchanged(brief)


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path, brief, settings):
    settings.XLIFF_IMPORT_MAX_BYTES = 1000
    padding = "<!--" + "x" * 2000 + "-->"
    document = xliff(unit(f"briefs.brief.{brief.pk}.title", "Gas Deals", "صفقات"), padding)
    assert "files of up to 1000" in imported(tmp_path, document).replace("\xa0", " ")
    assert unchanged(brief)


def test_the_admin_upload_refuses_an_oversized_file_with_a_form_error(
    editor_client, brief, settings
):
    settings.XLIFF_IMPORT_MAX_BYTES = 1000
    upload = SimpleUploadedFile("big.xlf", b"<xliff>" + b" " * 5000 + b"</xliff>")
    response = editor_client.post("/admin/translations/import/", {"file": upload})
    assert response.status_code == 200
    assert "files of up to" in response.content.decode()
    assert unchanged(brief)


@pytest.mark.parametrize(
    "document",
    [
        b"",
        b"\x00\x01\x02",
        b"<xliff",
        "<?xml version='1.0'?><x>ü</x>".encode("latin-1"),
        b"PK\x03\x04",
    ],
)
def test_unreadable_files_get_a_report_in_the_admin(editor_client, brief, document):
    upload = SimpleUploadedFile("broken.xlf", document)
    response = editor_client.post("/admin/translations/import/", {"file": upload})
    assert response.status_code == 200
    assert unchanged(brief)
