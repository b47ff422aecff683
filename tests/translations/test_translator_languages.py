"""A translator translates into the languages of their groups ("Translators: ar"), and
into no other: the form, the steps, the export action and a forged request alike."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from briefs.models import Attachment
from languages.registry import LANGUAGE_CODES
from publishing.actions import SendToReview
from publishing.policy import translation_languages, translators_group
from tests.browser_forms import form_data
from tests.factories import make_brief, make_expert
from translations import xliff
from translations.fields import TARGET_LANGUAGES
from translations.models import TranslationExport
from translations.roles import TRANSLATORS, give_role, setup_roles
from translations.status import fingerprint

pytestmark = pytest.mark.django_db


@pytest.fixture
def brief(db):
    return make_brief("Gas deals", arabic=True, authors=[make_expert("Anna Borshchevskaya")])


def translator(django_user_model, client, languages):
    setup_roles()
    user = django_user_model.objects.create_user("tariq", password="pw", is_staff=True)
    give_role(user, TRANSLATORS, languages)
    client.force_login(user)
    return user


def test_a_translator_into_arabic_changes_the_arabic(client, django_user_model, brief):
    user = translator(django_user_model, client, ["ar"])
    assert translation_languages(user) == ["ar"]
    url = f"/admin/briefs/brief/{brief.pk}/change/"
    form = client.get(url)
    assert 'name="title_ar"' in form.content.decode()
    data = {**form_data(form, "brief_form"), "title_ar": "صفقات الغاز", "title_en": "Forged"}
    assert client.post(url, data).status_code == 302
    brief.refresh_from_db()
    # Kept as the live Arabic version's unpublished changes; the English is untouched.
    assert brief.title_en == "Gas deals"
    assert brief.unpublished_changes() == [("ar", False)]


def test_a_translator_into_no_language_may_change_nothing(client, django_user_model, brief):
    user = translator(django_user_model, client, [])
    assert translation_languages(user) == []
    url = f"/admin/briefs/brief/{brief.pk}/change/"
    form = client.get(url).content.decode()
    assert 'name="title_ar"' not in form  # shown as readers see it, not as a field
    forged = {"title_ar": "مزور", "body_ar": "<p>مزور</p>", "_send_to_review_ar": "1"}
    assert client.post(url, forged).status_code == 403
    brief.refresh_from_db()
    assert brief.title_ar == "تحليل تجريبي" and brief.unpublished_changes() == []
    with pytest.raises(PermissionDenied):
        SendToReview(brief, user, "ar").run()


def test_the_export_action_is_offered_for_the_translators_languages_only(
    client, django_user_model, brief
):
    translator(django_user_model, client, [])
    actions = client.get("/admin/briefs/brief/").content.decode()
    assert 'value="export_xliff_ar"' not in actions
    forged = {"action": "export_xliff_ar", "_selected_action": [brief.pk]}
    response = client.post("/admin/briefs/brief/", forged)
    assert response.status_code == 302 and not response.has_header("Content-Disposition")


@pytest.mark.django_db(transaction=True)
def test_the_translators_of_before_translate_into_every_language_after(django_user_model):
    """translations 0003: translators before the change translated every language."""
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate([("translations", "0002_exports")])
    try:
        Group.objects.filter(name=translators_group("ar")).delete()
        user = django_user_model.objects.create_user("layla", is_staff=True)
        user.groups.add(Group.objects.get_or_create(name=TRANSLATORS)[0])
        executor = MigrationExecutor(connection)
        executor.migrate(latest)
        user = django_user_model.objects.get(pk=user.pk)
        assert translation_languages(user) == ["ar"]
    finally:
        MigrationExecutor(connection).migrate(latest)


def test_a_translator_sends_batches_into_their_languages_only(client, django_user_model, brief):
    translator(django_user_model, client, [])
    form = client.get("/admin/translations/translationexport/add/").content.decode()
    assert '<option value="ar"' not in form
    response = client.post(
        "/admin/translations/translationexport/add/",
        {
            "language": "ar",
            "statuses": ["missing"],
            "max_units": 10,
            "max_words": 100,
            "_count": "1",
        },
    )
    assert "Select a valid choice" in response.content.decode()
    assert not TranslationExport.objects.exists()


@pytest.mark.parametrize("language", TARGET_LANGUAGES)
def test_a_translator_changes_their_language_and_forged_changes_to_others_are_refused(
    client, django_user_model, language
):
    brief = make_brief(
        "Gas deals",
        arabic=True,
        title_fa="قراردادهای گاز",
        body_fa="<p>متن فارسی.</p>",
        authors=[make_expert("Anna Borshchevskaya")],
    )
    pdf = Attachment(brief=brief, title_en="Full report", title_ar="التقرير", title_fa="گزارش")
    pdf.file.save("report.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    pdf.save()
    before = {code: getattr(brief, f"title_{code}") for code in LANGUAGE_CODES}
    user = translator(django_user_model, client, [language])
    url = f"/admin/briefs/brief/{brief.pk}/change/"
    form = client.get(url)
    html = form.content.decode()
    others = [code for code in LANGUAGE_CODES if code != language]
    assert f'name="title_{language}"' in html
    assert all(f'name="title_{code}"' not in html for code in others)
    # The PDFs' titles too: theirs to translate, the others' read-only; and the steps.
    assert f'name="attachments-0-title_{language}"' in html
    assert all(f'name="attachments-0-title_{code}"' not in html for code in others)
    assert f'name="_send_to_review_{language}"' in html
    assert all(f'name="_send_to_review_{code}"' not in html for code in others)
    forged = {f"title_{code}": "Forged" for code in others}
    forged.update({f"attachments-0-title_{code}": "Forged" for code in others})
    data = {**form_data(form, "brief_form"), **forged, f"title_{language}": "ترجمه"}
    response = client.post(url, data)
    assert response.status_code == 302
    brief.refresh_from_db()
    assert {code: getattr(brief, f"title_{code}") for code in others} == {
        code: before[code] for code in others
    }
    assert brief.unpublished_changes() == [(language, False)]
    pdf.refresh_from_db()
    assert all(getattr(pdf, f"title_{code}") != "Forged" for code in LANGUAGE_CODES)
    for code in TARGET_LANGUAGES:
        if code != language:
            steps = {f"_send_to_review_{code}": "1", f"title_{code}": "Forged"}
            assert client.post(url, steps).status_code == 403
            with pytest.raises(PermissionDenied):
                SendToReview(brief, user, code).run()
    # Nor through a file: a unit into another language is refused, and nothing is kept.
    for code in TARGET_LANGUAGES:
        if code != language:
            unit = (
                '<?xml version="1.0" encoding="utf-8"?>'
                '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
                f'<file original="briefs.brief" datatype="html" source-language="en" '
                f'target-language="{code}"><body><trans-unit id="briefs.brief.{brief.pk}.title">'
                f"<source>Gas deals</source><target>Forged</target>"
                f'<note from="source-fingerprint">{fingerprint("Gas deals")}</note>'
                "</trans-unit></body></file></xliff>"
            )
            with pytest.raises(xliff.ImportRefused) as refused:
                xliff.import_file(unit.encode(), user)
            assert "you may not change this in the admin" in refused.value.problems[0]
    brief.refresh_from_db()
    assert {code: getattr(brief, f"title_{code}") for code in others} == {
        code: before[code] for code in others
    }


@pytest.mark.parametrize(
    ("languages", "written_in", "opens_on"),
    [
        (["fa"], "en", "fa"),
        (["ar", "fa"], "en", "ar"),
        (["en", "fa"], "ar", "en"),
        (None, "ar", "ar"),
    ],
)
def test_the_form_opens_on_the_language_its_user_works_in(
    client, django_user_model, admin_client, languages, written_in, opens_on
):
    """A translator's tabs open on their first language the brief is translated into; an
    editor's on the brief's own language, whatever the admin's language."""
    brief = make_brief("Gas deals", source_language=written_in, title_ar="صفقات الغاز")
    if languages is None:
        viewer = admin_client
    else:
        translator(django_user_model, client, languages)
        viewer = client
    for prefix in ("", "/ar", "/fa"):
        html = viewer.get(f"{prefix}/admin/briefs/brief/{brief.pk}/change/").content.decode()
        assert f'data-working-language="{opens_on}"' in html
