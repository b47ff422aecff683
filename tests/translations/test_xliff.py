"""XLIFF 1.2 round trips for translation agencies; stale or broken files change nothing."""

import io
import zipfile
from xml.etree import ElementTree

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from reversion.models import Version

from briefs.models import Brief
from publishing import actions
from publishing.models import PublishingRecord, Status
from tests.factories import make_brief, make_topic, state_of
from translations import xliff
from translations.status import COMPLETE, object_status

pytestmark = pytest.mark.django_db
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


def translate_all(document, prefix="ترجمة"):
    root = ElementTree.fromstring(document)
    for unit in root.iterfind(".//x:trans-unit", NS):
        unit.find("x:target", NS).text = f"{prefix} {unit.get('id')}"
    return ElementTree.tostring(root, encoding="utf-8")


def test_export_lists_exactly_the_pending_fields(tmp_path):
    brief = make_brief("Gas Deals", summary_en="About gas.")
    make_brief("Done", arabic=True)
    changed = make_brief("Changed", arabic=True)
    changed.title_en = "Changed again"
    changed.save()
    topic = make_topic("Energy")
    path = tmp_path / "pending.zip"
    call_command("export_xliff", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("ar-001.xlf"))
    assert root.get("version") == "1.2"
    units = {
        unit.get("id"): unit
        for unit in root.iterfind(".//x:trans-unit", NS)
        if not unit.get("id").startswith("briefs.publicationtype.")  # the factories' types
    }
    assert set(units) == {
        f"briefs.brief.{brief.pk}.title",
        f"briefs.brief.{brief.pk}.summary",
        f"briefs.brief.{brief.pk}.body",
        f"briefs.brief.{changed.pk}.title",
        f"taxonomy.topic.{topic.pk}.name",
    }
    assert units[f"briefs.brief.{changed.pk}.title"].find("x:source", NS).text == "Changed again"
    assert units[f"briefs.brief.{changed.pk}.title"].find("x:target", NS).get("state") == (
        "needs-review-translation"
    )


def test_round_trip_changes_exactly_the_translated_fields(tmp_path):
    brief = make_brief("Gas Deals", summary_en="About gas.")
    other = make_brief("Untouched", arabic=True)
    before = Brief.objects.values().get(pk=other.pk)
    path = tmp_path / "done.xlf"
    path.write_bytes(translate_all(xliff.export("ar")))
    call_command("import_xliff", str(path), stdout=open("/dev/null", "w"))  # noqa: SIM115
    brief.refresh_from_db()
    assert brief.title_ar == f"ترجمة briefs.brief.{brief.pk}.title"
    assert brief.summary_ar == f"ترجمة briefs.brief.{brief.pk}.summary"
    assert brief.title_en == "Gas Deals"
    assert object_status(brief, "ar") == COMPLETE
    assert Brief.objects.values().get(pk=other.pk) == before


def test_imported_arabic_waits_for_approval_and_is_kept_in_history(tmp_path, client):
    brief = make_brief("Gas Deals", summary_en="About gas.")
    path = tmp_path / "done.xlf"
    path.write_bytes(translate_all(xliff.export("ar")))
    call_command("import_xliff", str(path), stdout=open("/dev/null", "w"))  # noqa: SIM115
    brief.refresh_from_db()
    assert state_of(brief, "ar") == Status.REVIEW
    assert not brief.has_version_in("ar")
    assert client.get(f"/ar/policy-analysis/{brief.slug_ar}").status_code == 404
    record = PublishingRecord.objects.get(language="ar")
    assert (record.object_id, record.action) == (brief.pk, "review")
    [version] = Version.objects.get_for_object(brief)
    assert version.revision.comment == "Translations imported from an XLIFF file"
    assert version.field_dict["title_ar"] == brief.title_ar

    actions.Publish(brief, None, "ar", actor="test").run()
    assert client.get(f"/ar/policy-analysis/{brief.slug_ar}").status_code == 200


def test_stale_import_is_refused_and_changes_nothing(tmp_path):
    first = make_brief("First")
    second = make_brief("Second")
    document = translate_all(xliff.export("ar"))
    second.title_en = "Second, rewritten"
    second.save()
    path = tmp_path / "stale.xlf"
    path.write_bytes(document)
    with pytest.raises(CommandError) as refused:
        call_command("import_xliff", str(path))
    assert (
        f"briefs.brief.{second.pk}.title: the source text changed since this file was exported"
        in str(refused.value)
    )
    first.refresh_from_db()
    assert first.title_ar in ("", None)


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        (b"not xml", "Not a readable XML file"),
        (b"<xliff version='2.0'/>", "Not an XLIFF 1.2 file."),
        (
            b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
            b'<file original="x" source-language="en" target-language="ar" datatype="html"><body>'
            b'<trans-unit id="auth.user.1.password"><source>x</source><target>y</target>'
            b"</trans-unit></body></file></xliff>",
            "auth.user.1.password: names no translatable model",
        ),
    ],
)
def test_broken_files_are_refused_with_a_report(document, problem):
    with pytest.raises(xliff.ImportRefused) as refused:
        xliff.import_file(document)
    assert any(problem in line for line in refused.value.problems)


def test_admin_upload_imports_or_reports(translator_client):
    brief = make_brief("Gas Deals")
    done = translate_all(xliff.export("ar"))
    page = translator_client.get("/admin/translations/import/")
    assert page.status_code == 200
    stale = make_brief("Stale")
    stale_document = translate_all(xliff.export("ar"))
    stale.title_en = "Stale, rewritten"
    stale.save()
    refused = translator_client.post(
        "/admin/translations/import/", {"file": SimpleUploadedFile("t.xlf", stale_document)}
    )
    assert "the source text changed since this file was exported" in refused.content.decode()
    assert not Brief.objects.filter(title_ar__gt="").exists()
    accepted = translator_client.post(
        "/admin/translations/import/", {"file": SimpleUploadedFile("t.xlf", done)}
    )
    assert accepted.status_code == 302
    brief.refresh_from_db()
    assert brief.title_ar == f"ترجمة briefs.brief.{brief.pk}.title"


def test_upload_needs_a_translating_role(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", is_staff=True))
    assert client.get("/admin/translations/import/").status_code == 403
