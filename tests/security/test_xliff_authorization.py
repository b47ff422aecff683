"""An XLIFF import changes only what its user may change in the admin form of each object,
in that language, and is refused whole otherwise: the source check is a hash of public
text, which anyone can compute."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from reversion.models import Version

from briefs.models import Brief
from experts.models import Expert
from publishing.models import Status
from taxonomy.models import Topic
from tests.browser_forms import form_data
from tests.factories import make_brief, make_expert, make_topic, state_of
from tests.security.test_hostile_xliff import unit, xliff
from translations.models import TranslationExport
from translations.roles import EDITORS, TRANSLATORS, WRITERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(db):
    """A published brief with approved Arabic, an expert and a topic in Arabic."""
    expert = make_expert("Anna Borshchevskaya", name_ar="آنا بورشيفسكايا")
    topic = make_topic("Energy", name_ar="الطاقة")
    brief = make_brief("Gas Deals", arabic=True, authors=[expert], topics=[topic])
    return brief, expert, topic


def forged(brief, expert, topic, language="ar"):
    return xliff(
        unit(f"briefs.brief.{brief.pk}.title", "Gas Deals", "عنوان مزور", language),
        unit(f"experts.expert.{expert.pk}.name", "Anna Borshchevskaya", "اسم مزور", language),
        unit(f"taxonomy.topic.{topic.pk}.name", "Energy", "موضوع مزور", language),
    )


def post(client, document):
    return client.post(
        "/admin/translations/import/",
        {"file": SimpleUploadedFile("forged.xlf", document)},
        follow=True,
    )


def untouched(brief, expert, topic):
    return (
        Brief.objects.get(pk=brief.pk).title_ar,
        state_of(brief, "ar"),
        Expert.objects.get(pk=expert.pk).name_ar,
        Topic.objects.get(pk=topic.pk).name_ar,
    ) == ("تحليل تجريبي", "live", "آنا بورشيفسكايا", "الطاقة")


def test_a_writer_cannot_rewrite_anyones_arabic_through_an_import(client, member, published):
    member("wanda", WRITERS)
    response = post(client, forged(*published))
    page = response.content.decode()
    assert "Imported" not in page
    assert "you may not change" in page
    assert untouched(*published)
    assert client.get(published[0].url_in("ar")).status_code == 200  # still public


def test_a_writer_may_import_into_their_own_draft_only(client, member):
    writer = member("wanda", WRITERS)
    own = make_brief("Own Draft", state=Status.DRAFT, created_by=writer)
    response = post(client, xliff(unit(f"briefs.brief.{own.pk}.title", "Own Draft", "مسودتي")))
    assert "Imported 1 translation." in response.content.decode()
    assert Brief.objects.get(pk=own.pk).title_ar == "مسودتي"


def test_a_translator_may_not_import_into_english_fields(client, member, published):
    member("tariq", TRANSLATORS)
    brief = published[0]
    document = xliff(unit(f"briefs.brief.{brief.pk}.title", "Gas Deals", "Forged", "en"))
    page = post(client, document).content.decode()
    assert "Imported" not in page
    assert Brief.objects.get(pk=brief.pk).title_en == "Gas Deals"


def test_translators_and_editors_import_what_their_forms_let_them(client, member, published):
    member("tariq", TRANSLATORS)
    assert "Imported 3 translations." in post(client, forged(*published)).content.decode()
    member("edith", EDITORS)
    topic = published[2]
    document = xliff(unit(f"taxonomy.topic.{topic.pk}.name", "Energy", "طاقة"))
    assert "Imported 1 translation." in post(client, document).content.decode()


def test_an_export_is_downloaded_by_whoever_made_it_and_by_editors(client, member, published):
    first = member("tariq", TRANSLATORS)
    made = client.post(
        "/admin/briefs/brief/",
        {"action": "export_xliff_ar", "_selected_action": [published[0].pk]},
    )
    assert made.status_code == 200  # streamed to its maker
    export = TranslationExport.objects.get(created_by=first)
    export.file.save("batch.zip", ContentFile(b"PK"), save=True)
    download = f"/admin/translations/translationexport/{export.pk}/download/"
    assert client.get(download).status_code == 200

    member("tamara", TRANSLATORS)  # another translator: neither listed nor downloaded
    assert client.get(download).status_code == 403
    listing = client.get("/admin/translations/translationexport/").content.decode()
    assert f"/translationexport/{export.pk}/" not in listing

    member("edith", EDITORS)
    assert client.get(download).status_code == 200


def test_a_translator_reads_the_history_but_restores_nothing(client, member, published):
    brief = published[0]
    editor = member("edith", EDITORS)
    client.force_login(editor)
    url = f"/admin/briefs/brief/{brief.pk}/change/"
    data = form_data(client.get(url), "brief_form")
    client.post(url, {**data, "title_en": "Gas Deals, Revised", "_publish": "Publish now"})
    version = Version.objects.get_for_object(brief).last()
    member("tariq", TRANSLATORS)
    history = client.get(f"/admin/briefs/brief/{brief.pk}/history/")
    assert history.status_code == 200
    assert f"/history/{version.pk}/" not in history.content.decode()  # no restore link
    revision = f"/admin/briefs/brief/{brief.pk}/history/{version.pk}/"
    assert client.get(revision).status_code == 403
    forged = {**form_data(client.get(url), "brief_form"), "_save": "Save"}
    assert client.post(revision, forged).status_code == 403
    assert Brief.objects.get(pk=brief.pk).title_en == "Gas Deals, Revised"
