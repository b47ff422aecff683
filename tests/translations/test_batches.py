"""Batches for translation agencies: chosen, split, counted, recorded, and brought back."""

import io
import json
import zipfile
from xml.etree import ElementTree

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from briefs.models import Attachment, Brief
from tests.factories import make_brief, make_image, make_publication_type, make_topic
from translations.batches import Selection
from translations.models import ExportedUnit, TranslationExport
from translations.wordcount import WordCount

pytestmark = pytest.mark.django_db
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
SILENT = {"stdout": io.StringIO(), "stderr": io.StringIO()}


@pytest.fixture
def kind(db):
    """A publication type already in Arabic, so that only the briefs wait."""
    return make_publication_type("Analysis", name_ar="تحليل")


def export(tmp_path, *args, name="batch.zip"):
    """Run export_xliff; the zip's {file name: XLIFF root} and its manifest."""
    path = tmp_path / name
    out = io.StringIO()
    call_command("export_xliff", str(path), *args, stdout=out, stderr=io.StringIO())
    with zipfile.ZipFile(path) as archive:
        files = {
            name: ElementTree.fromstring(archive.read(name))
            for name in archive.namelist()
            if name.endswith(".xlf")
        }
        manifest = json.loads(archive.read("manifest.json"))
    return files, manifest, out.getvalue()


def unit_ids(files):
    return [
        unit.get("id") for root in files.values() for unit in root.iterfind(".//x:trans-unit", NS)
    ]


def translated_zip(files, only=None):
    """A zip as the agency sends it back: every target filled (of the files in `only`)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, root in files.items():
            if only and name not in only:
                continue
            for unit in root.iterfind(".//x:trans-unit", NS):
                unit.find("x:target", NS).text = f"ترجمة {unit.get('id')}"
            archive.writestr(name, ElementTree.tostring(root, encoding="utf-8"))
    return buffer.getvalue()


def test_word_and_repetition_counts_on_a_known_text():
    count = WordCount()
    assert count.add("<p>Gas prices rose. Oil fell!</p><p>Gas prices rose.</p>") == 8
    assert count.add("<h2>Oil fell!</h2>") == 2
    assert (count.words, count.repeated_words, count.new_words) == (10, 5, 5)
    assert (count.segments, count.repeated_segments) == (4, 2)


def test_a_batch_is_chosen_by_status_type_topic_and_dates(tmp_path, kind):
    energy = make_topic("Energy", name_ar="الطاقة")
    other_type = make_publication_type("Op-ed", name_ar="رأي")
    wanted = make_brief("Gas Deals", publication_type=kind, topics=[energy])
    make_brief("Not Energy", publication_type=kind)
    make_brief("Other Type", publication_type=other_type, topics=[energy])
    outdated = make_brief("Rewritten", publication_type=kind, topics=[energy], arabic=True)
    outdated.title_en = "Rewritten again"
    outdated.save()
    old = make_brief("Old", publication_type=kind, topics=[energy])
    Brief.objects.filter(pk=old.pk).update(published_at="2015-06-01T12:00:00Z")

    files, manifest, _out = export(
        tmp_path, "--select", f"type={kind.slug}", "--select", f"topic={energy.slug}",
        "--select", "since=2019-01-01", "--status", "missing",
    )  # fmt: skip
    assert unit_ids(files) == [f"briefs.brief.{wanted.pk}.title", f"briefs.brief.{wanted.pk}.body"]
    assert manifest["selection"]["criteria"]["topic"] == energy.slug

    files, _manifest, _out = export(
        tmp_path, "--select", f"topic={energy.slug}", "--status", "outdated", name="o.zip"
    )
    assert unit_ids(files) == [f"briefs.brief.{outdated.pk}.title"]


def test_bad_choices_are_refused_with_a_message(tmp_path, kind):
    with pytest.raises(CommandError, match="topic: Select a valid choice"):
        export(tmp_path, "--select", "topic=no-such-topic")
    with pytest.raises(CommandError, match="give NAME=VALUE"):
        export(tmp_path, "--select", "topic")
    with pytest.raises(CommandError, match="No content can be chosen by colour"):
        export(tmp_path, "--select", "colour=red")
    with pytest.raises(CommandError, match="The end of the period comes before its start"):
        export(tmp_path, "--select", "since=2024-02-01", "--select", "until=2024-01-01")
    assert not TranslationExport.objects.exists()


def test_files_are_split_by_units_and_by_words(tmp_path, kind):
    for number in range(5):
        make_brief(f"Brief {number}", publication_type=kind, body_en="<p>one two three four</p>")
    files, manifest, _out = export(tmp_path, "--max-units", "4")
    assert sorted(files) == ["ar-001.xlf", "ar-002.xlf", "ar-003.xlf"]
    assert [file["units"] for file in manifest["files"]] == [4, 4, 2]
    files, manifest, _out = export(tmp_path, "--limit", "3", "--resend", name="3.zip")
    assert manifest["total"]["units"] == 3

    # Each brief is a title of two words and a body of four: at most 7 words to a file.
    files, manifest, _out = export(tmp_path, "--max-words", "7", "--resend", name="w.zip")
    assert [file["source_words"] for file in manifest["files"]] == [6] * 5
    assert manifest["total"]["units"] == 10
    # A unit longer than the limit travels alone rather than not at all.
    make_brief("Long", publication_type=kind, body_en="<p>" + "word " * 50 + "</p>")
    files, manifest, _out = export(tmp_path, "--max-words", "7", name="l.zip")
    assert [file["source_words"] for file in manifest["files"]] == [1, 50]  # title, body


def test_the_manifest_and_the_report_count_new_and_repeated_words(tmp_path, kind):
    body = "<p>Sanctions bite. Talks stall.</p>"
    make_brief("Alpha", publication_type=kind, body_en=body)
    make_brief("Beta", publication_type=kind, body_en=body)
    _files, manifest, out = export(tmp_path)
    assert manifest["total"] == {
        "units": 4,
        "source_words": 1 + 4 + 1 + 4,  # titles are new, the second body repeats the first
        "new_words": 1 + 4 + 1,
        "repeated_words": 4,
        "segments": 6,
        "repeated_segments": 2,
    }
    assert "Total: 1 files, 4 units, 10 words (6 new, 4 repeated)" in out
    counted = io.StringIO()
    call_command("export_xliff", "--count", "--resend", stdout=counted)
    assert "Total: 1 files, 4 units, 10 words (6 new, 4 repeated)" in counted.getvalue()
    assert TranslationExport.objects.count() == 1  # a count sends nothing


def test_what_is_out_is_not_sent_again_until_it_changes_or_is_asked_for(tmp_path, kind, client):
    first = make_brief("First", publication_type=kind)
    files, _manifest, _out = export(tmp_path)
    assert len(unit_ids(files)) == 2
    record = TranslationExport.objects.get()
    assert record.completed_at and record.units == 2 and record.source_words == 3
    assert ExportedUnit.objects.out().count() == 2

    second = make_brief("Second", publication_type=kind)
    files, _manifest, _out = export(tmp_path, name="2.zip")
    assert unit_ids(files) == [f"briefs.brief.{second.pk}.title", f"briefs.brief.{second.pk}.body"]
    files, _manifest, _out = export(tmp_path, "--resend", name="3.zip")
    assert len(unit_ids(files)) == 4

    first.title_en = "First, rewritten"
    first.save()
    files, _manifest, _out = export(tmp_path, name="4.zip")
    assert unit_ids(files) == [f"briefs.brief.{first.pk}.title"]  # its new English
    with pytest.raises(CommandError, match="Nothing pending matches"):
        export(tmp_path, name="5.zip")


def test_the_queue_shows_words_and_what_is_out(tmp_path, kind, django_user_model, client):
    make_brief("Gas Deals", publication_type=kind, body_en="<p>Gas deals were signed.</p>")
    client.force_login(django_user_model.objects.create_superuser("ed", password="pw"))
    page = client.get("/admin/").content.decode()
    assert 'Gas Deals</a> — <span class="translation-missing">missing</span>, 6 words' in page
    assert "out with an agency" not in page
    export(tmp_path)
    page = client.get("/admin/").content.decode()
    assert "2 fields out with an agency" in page
    assert "sent to an agency on" in page and "not back yet" in page


def test_a_zip_comes_back_in_parts_each_file_whole(tmp_path, kind):
    briefs = [make_brief(f"Brief {n}", publication_type=kind) for n in range(3)]
    files, _manifest, _out = export(tmp_path, "--max-units", "2")
    assert sorted(files) == ["ar-001.xlf", "ar-002.xlf", "ar-003.xlf"]
    partial = tmp_path / "back.zip"
    partial.write_bytes(translated_zip(files, only={"ar-001.xlf", "ar-002.xlf"}))
    out = io.StringIO()
    call_command("import_xliff", str(partial), stdout=out)
    assert "ar-001.xlf: imported 2 translations." in out.getvalue()
    number = TranslationExport.objects.get().pk
    assert f"Export {number}: 4 of 6 fields back, 2 still out." in out.getvalue()
    for brief in briefs[:2]:
        brief.refresh_from_db()
        assert brief.title_ar == f"ترجمة briefs.brief.{brief.pk}.title"
    briefs[2].refresh_from_db()
    assert not briefs[2].title_ar
    assert ExportedUnit.objects.out().count() == 2


def test_a_stale_file_in_a_zip_is_refused_whole_and_the_others_come_in(tmp_path, kind):
    briefs = [make_brief(f"Brief {n}", publication_type=kind) for n in range(2)]
    files, _manifest, _out = export(tmp_path, "--max-units", "2")
    briefs[1].body_en = "<p>Rewritten.</p>"
    briefs[1].save()
    back = tmp_path / "back.zip"
    back.write_bytes(translated_zip(files))
    with pytest.raises(CommandError) as refused:
        call_command("import_xliff", str(back), stdout=io.StringIO())
    assert "Nothing was imported from ar-002.xlf" in str(refused.value)
    assert f"briefs.brief.{briefs[1].pk}.body: the source text changed" in str(refused.value)
    briefs[0].refresh_from_db()
    briefs[1].refresh_from_db()
    assert briefs[0].title_ar.startswith("ترجمة")
    assert not briefs[1].title_ar  # its title, in the same file, is not kept either
    assert ExportedUnit.objects.out().count() == 2


def test_export_reads_objects_in_slices_not_one_query_each(
    tmp_path, kind, django_assert_max_num_queries
):
    for number in range(3):
        make_brief(f"Few {number}", publication_type=kind)
    with django_assert_max_num_queries(40) as few:
        export(tmp_path, "--resend", name="few.zip")
    for number in range(30):
        make_brief(f"Many {number}", publication_type=kind)
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        export(tmp_path, "--resend", name="many.zip")
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_admin_counts_words_then_prepares_the_files(kind, editor_client):
    energy = make_topic("Energy", name_ar="الطاقة")
    brief = make_brief("Gas Deals", publication_type=kind, topics=[energy])
    make_brief("Elsewhere", publication_type=kind)
    form = {
        "language": "ar",
        "statuses": ["missing", "outdated"],
        "max_units": 1000,
        "max_words": 20000,
    }
    counted = editor_client.post(
        "/admin/translations/translationexport/add/",
        {**form, "topic": energy.slug, "_count": "Count words"},
    )
    page = counted.content.decode()
    assert "ar-001.xlf" in page and "<td>2</td><td>4</td>" in page  # 2 fields, 4 words
    assert not TranslationExport.objects.exists()

    refused = editor_client.post(
        "/admin/translations/translationexport/add/", {**form, "max_units": 0, "_export": "1"}
    )
    assert "Ensure this value is greater than or equal to 1." in refused.content.decode()

    made = editor_client.post(
        "/admin/translations/translationexport/add/",
        {**form, "topic": energy.slug, "_export": "Prepare the files"},
        follow=True,
    )
    export = TranslationExport.objects.get()
    page_url = f"/admin/translations/translationexport/{export.pk}/"
    assert made.redirect_chain[-1][0] == f"{page_url}change/"
    assert "Download" in made.content.decode()
    home = editor_client.get("/admin/").content.decode()  # where the editor learns it is ready
    assert f'href="{page_url}download/" download>ready: download 2 fields</a>' in home
    download = editor_client.get(f"{page_url}download/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    root = ElementTree.fromstring(archive.read("ar-001.xlf"))
    assert unit_ids({"": root}) == [
        f"briefs.brief.{brief.pk}.title",
        f"briefs.brief.{brief.pk}.body",
    ]


def test_the_changelist_action_streams_a_zip_and_the_upload_takes_it_back(
    kind, editor_client, settings
):
    brief = make_brief("Gas Deals", publication_type=kind)
    response = editor_client.post(
        "/admin/briefs/brief/", {"action": "export_xliff_ar", "_selected_action": [brief.pk]}
    )
    assert response["Content-Type"] == "application/zip"
    data = b"".join(response.streaming_content)
    archive = zipfile.ZipFile(io.BytesIO(data))
    files = {name: ElementTree.fromstring(archive.read(name)) for name in ["ar-001.xlf"]}
    assert unit_ids(files) == [f"briefs.brief.{brief.pk}.title", f"briefs.brief.{brief.pk}.body"]
    assert TranslationExport.objects.get().units == 2

    back = editor_client.post(
        "/admin/translations/import/",
        {"file": SimpleUploadedFile("back.zip", translated_zip(files))},
        follow=True,
    )
    messages = [str(message) for message in back.context["messages"]]
    assert "Imported 2 translations." in messages
    assert (
        f"Export {TranslationExport.objects.get().pk}: 2 of 2 fields back, 0 still out." in messages
    )

    # More than a page of objects is prepared in the background instead.
    settings.XLIFF_STREAM_MAX_OBJECTS = 1
    other = make_brief("Oil", publication_type=kind)
    response = editor_client.post(
        "/admin/briefs/brief/",
        {"action": "export_xliff_ar", "_selected_action": [brief.pk, other.pk]},
    )
    latest = TranslationExport.objects.first()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/translations/translationexport/{latest.pk}/change/"
    assert latest.file and latest.units == 2  # Oil's title and body; Gas Deals is done


def test_writers_may_not_send_to_an_agency(kind, member, client):
    brief = make_brief("Gas Deals", publication_type=kind)
    member("writer", "Writers")
    response = client.post(
        "/admin/briefs/brief/", {"action": "export_xliff_ar", "_selected_action": [brief.pk]}
    )
    assert response.status_code in (200, 302) and not TranslationExport.objects.exists()
    assert client.get("/admin/translations/translationexport/add/").status_code == 403


def test_a_batch_of_briefs_carries_what_they_show_without_arabic_once(tmp_path, kind):
    """A new topic, a PDF's title and an image's alt text that two chosen briefs show are
    sent with them, each once; with --without-dependents, the briefs alone."""
    arms = make_topic("Arms Control")
    translated = make_topic("Energy", name_ar="الطاقة")
    picture = make_image(alt_en="A drone against the sky")
    first = make_brief("Drones", publication_type=kind, topics=[arms, translated])
    second = make_brief("Missiles", publication_type=kind, topics=[arms], lead_image=picture)
    report = Attachment(brief=first, title_en="Full report", file="documents/report.pdf")
    Attachment.objects.bulk_create([report])
    make_brief("Not chosen", publication_type=kind, topics=[make_topic("Unrelated")])

    chosen = Selection("ar", objects={"briefs.brief": [first.pk, second.pk]})
    ids = [unit.id for unit in chosen.units()]
    assert sorted(ids) == sorted(
        [
            f"briefs.brief.{first.pk}.title",
            f"briefs.brief.{first.pk}.body",
            f"briefs.brief.{second.pk}.title",
            f"briefs.brief.{second.pk}.body",
            f"briefs.attachment.{Attachment.objects.get().pk}.title",
            f"library.image.{picture.pk}.alt",
            f"taxonomy.topic.{arms.pk}.name",
        ]
    )
    alone = Selection("ar", objects={"briefs.brief": [first.pk]}, dependents=False)
    assert [unit.id for unit in alone.units()] == [
        f"briefs.brief.{first.pk}.title",
        f"briefs.brief.{first.pk}.body",
    ]

    files, _manifest, _out = export(tmp_path, "--select", f"type={kind.slug}")
    assert unit_ids(files).count(f"taxonomy.topic.{arms.pk}.name") == 1
    files, _manifest, _out = export(
        tmp_path, "--select", f"type={kind.slug}", "--without-dependents", "--resend", name="a.zip"
    )
    assert not [unit for unit in unit_ids(files) if not unit.startswith("briefs.brief.")]


@pytest.mark.parametrize(
    ("briefs", "said"),
    [(1, "استُوردت ترجمتان."), (2, "استُوردت 4 ترجمات."), (6, "استُوردت 12 ترجمةً.")],
)
def test_the_arabic_admin_counts_imported_translations_in_arabic_plural_forms(
    tmp_path, kind, editor_client, briefs, said
):
    for number in range(briefs):
        make_brief(f"Gas Deals {number}", publication_type=kind)
    files, _manifest, _out = export(tmp_path)
    back = editor_client.post(
        "/ar/admin/translations/import/",
        {"file": SimpleUploadedFile("back.zip", translated_zip(files))},
        follow=True,
    )
    messages = [str(message) for message in back.context["messages"]]
    assert messages[0] == said
