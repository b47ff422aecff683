"""An Arabic-first brief, as Fikra Forum writes them: written, reviewed and published in
Arabic alone, on no English surface until its English translation is approved."""

import pytest

from briefs.models import Brief
from publishing.models import Status
from tests.briefs.admin_forms import brief_form
from tests.browser_forms import form_data
from tests.factories import make_brief, make_expert, make_publication_type

pytestmark = pytest.mark.django_db

ARABIC_FIRST = {
    "source_language": "ar",
    "title_en": "",
    "body_en": "",
    "title_ar": "العراق بعد الانتخابات",
    "body_ar": "<p>قراءة في نتائج الانتخابات العراقية.</p>",
}


@pytest.fixture
def kind():
    return make_publication_type("Fikra Forum")


def test_an_editor_publishes_a_brief_in_arabic_alone(admin_client, kind):
    make_brief("Gas deals")
    author = make_expert("Hamdi Malik", name_ar="حمدي مالك")
    added = admin_client.post(
        "/admin/briefs/brief/add/", brief_form(kind, authors=[(author, 0)], **ARABIC_FIRST)
    )
    assert added.status_code == 302, added.content.decode()[:2000]
    brief = Brief.objects.get(title_ar=ARABIC_FIRST["title_ar"])
    assert brief.source_language == "ar"
    assert (brief.status_in("ar"), brief.is_live("ar"), brief.is_live("en")) == (
        Status.LIVE,
        True,
        False,
    )
    # Its Latin address is the Arabic title's transliteration.
    assert brief.slug_ar == brief.slug_en == "alraq-bd-alantkhabat"
    arabic = admin_client.get(f"/ar/policy-analysis/{brief.slug_ar}")
    assert arabic.status_code == 200 and "العراق بعد الانتخابات" in arabic.content.decode()
    assert admin_client.get(f"/policy-analysis/{brief.slug_en}").status_code == 404
    assert "العراق بعد الانتخابات" in admin_client.get("/ar/policy-analysis/").content.decode()
    english_pages = (
        "/policy-analysis/",
        "/experts/hamdi-malik/feed/",
        "/experts/hamdi-malik",
        "/search/?q=elections",
    )
    for english in english_pages:
        response = admin_client.get(english)
        page = response.content.decode()
        assert response.status_code == 200, english
        assert "العراق بعد الانتخابات" not in page and "alraq-bd-alantkhabat" not in page, english
    sitemap = admin_client.get("/sitemap-briefs.xml").content.decode()
    assert "testserver/ar/policy-analysis/alraq-bd-alantkhabat" in sitemap
    assert "testserver/policy-analysis/alraq-bd-alantkhabat" not in sitemap
    # Named by its Arabic title in the English admin.
    changelist = admin_client.get("/admin/briefs/brief/").content.decode()
    assert "العراق بعد الانتخابات" in changelist


def test_its_english_is_a_translation_approved_on_its_own(admin_client, kind):
    author = make_expert("Hamdi Malik", name_ar="حمدي مالك")
    admin_client.post(
        "/admin/briefs/brief/add/", brief_form(kind, authors=[(author, 0)], **ARABIC_FIRST)
    )
    brief = Brief.objects.get(title_ar=ARABIC_FIRST["title_ar"])
    url = f"/admin/briefs/brief/{brief.pk}/change/"
    form = admin_client.get(url)
    page = form.content.decode()
    assert 'name="_approve_en"' not in page  # no English written yet
    assert "Written in" in page and 'name="source_language"' not in page  # chosen once
    data = form_data(form, "brief_form")
    data.update(
        {
            "title_en": "Iraq after the elections",
            "body_en": "<p>A reading of the results.</p>",
            "_approve_en": "Approve English",
        }
    )
    approved = admin_client.post(url, data)
    assert approved.status_code == 302, approved.content.decode()[:3000]
    brief.refresh_from_db()
    assert brief.is_live("en") and brief.is_live("ar") and brief.source_language == "ar"
    english = admin_client.get(f"/policy-analysis/{brief.slug_en}")
    assert english.status_code == 200 and "Iraq after the elections" in english.content.decode()
    assert "Iraq after the elections" in admin_client.get("/policy-analysis/").content.decode()


@pytest.mark.parametrize(("source", "title"), [("ar", "title_ar"), ("en", "title_en")])
def test_a_brief_needs_a_title_in_the_language_it_is_written_in(admin_client, kind, source, title):
    data = brief_form(kind, status="draft", **{**ARABIC_FIRST, "source_language": source})
    data[title] = ""
    refused = admin_client.post("/admin/briefs/brief/add/", data)
    assert refused.status_code == 200
    assert "A brief needs a title in the language it is written in" in refused.content.decode()
    assert not Brief.objects.exists()


def test_the_language_it_is_written_in_cannot_be_changed_later(admin_client):
    brief = make_brief("Gas deals", authors=[make_expert("Anna")])
    url = f"/admin/briefs/brief/{brief.pk}/change/"
    data = {**form_data(admin_client.get(url), "brief_form"), "source_language": "ar"}
    assert admin_client.post(url, data).status_code == 302
    brief.refresh_from_db()
    assert brief.source_language == "en" and brief.is_live("en")


@pytest.mark.parametrize("forged", ["fr", "", "AR", "ar\u0663", "<script>", "e" * 5000])
def test_a_forged_language_is_refused_with_a_message_and_nothing_saved(admin_client, kind, forged):
    data = brief_form(kind, status="draft", **{**ARABIC_FIRST, "source_language": forged})
    refused = admin_client.post("/admin/briefs/brief/add/", data)
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Select a valid choice" in page or "This field is required" in page
    assert 'value="العراق بعد الانتخابات"' in page  # what was typed is kept
    assert not Brief.objects.exists()
