"""Each object is translated from the language it is written in: an Arabic-first brief's
English is a translation, missing, outdated or complete as Arabic is for an English one,
and goes out to agencies and back as XLIFF with Arabic as its source."""

from datetime import datetime
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from briefs.models import Brief
from publishing.models import Status
from tests.factories import make_brief, make_publication_type, set_state
from translations import xliff
from translations.status import (
    COMPLETE,
    MISSING,
    ORIGINAL,
    OUTDATED,
    field_statuses,
    object_status,
    record_translations,
    with_status,
)

pytestmark = pytest.mark.django_db
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


@pytest.fixture
def arabic_first():
    brief = Brief.objects.create(
        publication_type=make_publication_type(),
        source_language="ar",
        title_en="",
        title_ar="منتدى فكرة: الانتخابات العراقية",
        body_ar="<p>تحليل للانتخابات.</p>",
        published_at=timezone.make_aware(datetime(2024, 5, 1, 12)),
    )
    return set_state(brief, "ar", Status.LIVE)


def test_an_arabic_first_briefs_english_is_the_translation_missing(arabic_first):
    english_first = make_brief("Gas deals")
    assert object_status(arabic_first, "en") == MISSING
    assert object_status(arabic_first, "ar") == ORIGINAL
    assert object_status(english_first, "en") == ORIGINAL
    assert object_status(english_first, "ar") == MISSING
    assert set(field_statuses(arabic_first, "en")) == {"title", "body"}
    assert field_statuses(arabic_first, "ar") == {}
    missing_english = with_status(Brief.objects.all(), "en", MISSING)
    missing_arabic = with_status(Brief.objects.all(), "ar", MISSING)
    assert list(missing_english) == [arabic_first]
    assert list(missing_arabic) == [english_first]
    # Nothing is "complete" in the language it is written in.
    assert arabic_first not in with_status(Brief.objects.all(), "ar", COMPLETE)


def test_its_english_goes_out_of_date_when_the_arabic_changes(arabic_first):
    arabic_first.title_en = "Fikra Forum: the Iraqi elections"
    arabic_first.body_en = "<p>An analysis of the elections.</p>"
    arabic_first.save()
    record_translations(arabic_first)
    assert object_status(arabic_first, "en") == COMPLETE
    arabic_first.body_ar = "<p>تحليل جديد للانتخابات.</p>"
    arabic_first.save()
    record_translations(arabic_first)
    assert object_status(arabic_first, "en") == OUTDATED
    assert field_statuses(arabic_first, "en")["body"][0] == OUTDATED


def test_it_goes_to_an_agency_and_back_from_arabic_into_english(arabic_first, admin_user):
    make_brief("Gas deals")  # English first: not in an English batch
    document = xliff.export("en")
    root = ElementTree.fromstring(document)
    [file] = root.findall("x:file", NS)
    assert (file.get("source-language"), file.get("target-language")) == ("ar", "en")
    units = {unit.get("id"): unit for unit in file.iterfind(".//x:trans-unit", NS)}
    assert set(units) == {f"briefs.brief.{arabic_first.pk}.{field}" for field in ("title", "body")}
    assert units[f"briefs.brief.{arabic_first.pk}.title"].find("x:source", NS).text == (
        "منتدى فكرة: الانتخابات العراقية"
    )
    for unit in units.values():
        unit.find("x:target", NS).text = "Fikra Forum: the Iraqi elections"
    xliff.import_file(ElementTree.tostring(root, encoding="utf-8"), admin_user)
    arabic_first.refresh_from_db()
    # A translation of a brief not yet public in English: written in, sent to review.
    assert arabic_first.title_en == "Fikra Forum: the Iraqi elections"
    assert arabic_first.status_in("en") == Status.REVIEW
    assert not arabic_first.is_live("en")


def test_a_unit_into_the_language_it_is_written_in_is_refused(arabic_first, admin_user):
    unit_id = f"briefs.brief.{arabic_first.pk}.title"
    document = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
        '<file original="briefs.brief" datatype="html" source-language="en" '
        'target-language="ar"><body>'
        f'<trans-unit id="{unit_id}"><source>x</source><target>مزور</target>'
        '<note from="source-fingerprint">0</note></trans-unit></body></file></xliff>'
    ).encode()
    with pytest.raises(xliff.ImportRefused) as refused:
        xliff.import_file(document, admin_user)
    assert "it is written in that language" in refused.value.problems[0]
    arabic_first.refresh_from_db()
    assert arabic_first.title_ar == "منتدى فكرة: الانتخابات العراقية"


def test_editors_see_a_queue_for_each_language_something_waits_for(arabic_first, admin_client):
    make_brief("Gas deals")  # waits for its Arabic
    home = admin_client.get("/admin/").content.decode()
    assert "Translation queue (English)" in home and "Translation queue (Arabic)" in home
    english = home[
        home.index("Translation queue (English)") : home.index("Translation queue (Arabic)")
    ]
    assert "منتدى فكرة" in english and "Gas deals" not in english


def test_the_changelist_offers_english_translation_once_a_brief_is_written_in_arabic(
    admin_client,
):
    make_brief("Gas deals")
    changelist = admin_client.get("/admin/briefs/brief/").content.decode()
    assert "translation_ar=missing" in changelist and "translation_en=" not in changelist
    Brief.objects.create(
        publication_type=make_publication_type(), source_language="ar", title_ar="عنوان"
    )
    changelist = admin_client.get("/admin/briefs/brief/").content.decode()
    assert "translation_en=missing" in changelist
    missing = admin_client.get("/admin/briefs/brief/", {"translation_en": "missing"})
    assert [brief.title_ar for brief in missing.context["cl"].result_list] == ["عنوان"]
    assert '<span class="translation-original">original</span>' in changelist
