"""Translators change translations and nothing else, however the request is crafted."""

import logging

import pytest
from django.core.management import call_command
from pytest_django.asserts import assertContains

from briefs.models import Authorship, Brief
from publishing.models import Status
from tests.briefs.admin_forms import brief_form
from tests.browser_forms import form_data
from tests.factories import make_brief, make_expert, make_publication_type, make_topic, state_of
from translations.roles import setup_roles

pytestmark = pytest.mark.django_db


def change_url(obj):
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"


@pytest.fixture
def brief():
    return make_brief(
        "Gas Deals",
        authors=[make_expert("Anna")],
        topics=[make_topic("Energy")],
        summary_en="About gas.",
    )


def submitted(client, obj, **changes):
    """The change form as the browser would submit it, with `changes` typed or forged in."""
    data = form_data(client.get(change_url(obj)), f"{obj._meta.model_name}_form")
    data.update(changes)
    return client.post(change_url(obj), data)


def test_setup_roles_is_idempotent():
    first = {group.name: group.permissions.count() for group in setup_roles()}
    call_command("setup_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    again = {group.name: group.permissions.count() for group in setup_roles()}
    assert first == again
    assert first["Editors"] > first["Translators"] > 0


def test_translator_form_shows_english_read_only_and_arabic_editable(translator_client, brief):
    response = translator_client.get(change_url(brief))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert {"title_ar", "summary_ar", "body_ar", "slug_ar"} <= set(form.fields)
    assert not {"title_en", "body_en", "status", "published_at", "slug_en"} & set(form.fields)
    assertContains(response, 'dir="rtl"')
    assertContains(response, 'lang="ar"')
    assertContains(response, "Gas Deals")  # the English, shown read-only


def test_translator_saves_arabic_fields(translator_client, brief):
    response = submitted(translator_client, brief, title_ar="صفقات الغاز", body_ar="<p>نص.</p>")
    assert response.status_code == 302
    brief.refresh_from_db()
    assert (brief.title_ar, brief.body_ar) == ("صفقات الغاز", "<p>نص.</p>")
    assert brief.slug_ar == "sfqat-alghaz"


def test_forged_english_status_date_and_slug_changes_are_ignored_and_logged(
    translator_client, brief, caplog
):
    with caplog.at_level(logging.WARNING, logger="translations"):
        response = submitted(
            translator_client,
            brief,
            title_en="Hacked",
            body_en="<p>Hacked</p>",
            slug_en="hacked",
            status="draft",
            published_at_0="1999-01-01",
            title_ar="عنوان",
        )
    assert response.status_code == 302
    brief.refresh_from_db()
    assert brief.title_en == "Gas Deals"
    assert brief.body_en == "<p>English body.</p>"
    assert brief.slug_en == "gas-deals"
    assert state_of(brief) == Status.LIVE
    assert brief.published_at.year == 2020
    assert brief.title_ar == "عنوان"
    assert "title_en" in caplog.text and "slug_en" in caplog.text


def test_forged_author_and_topic_changes_are_ignored(translator_client, brief):
    other, energy = make_expert("Mallory"), brief.topics.get()
    forged = {
        "authorships-0-expert": str(other.pk),
        "authorships-TOTAL_FORMS": "2",
        "authorships-1-expert": str(other.pk),
        "authorships-1-position": "1",
        "brieftopic_set-0-DELETE": "on",
        "brieftopic_set-0-topic": str(energy.pk),
    }
    response = submitted(translator_client, brief, title_ar="عنوان", **forged)
    assert response.status_code == 302
    assert list(
        Authorship.objects.filter(brief=brief).values_list("expert__name_en", flat=True)
    ) == ["Anna"]
    assert [topic.name_en for topic in brief.topics.all()] == ["Energy"]


def test_translator_cannot_add_delete_or_publish(translator_client, brief):
    assert translator_client.get("/admin/briefs/brief/add/").status_code == 403
    response = translator_client.post(
        "/admin/briefs/brief/add/", brief_form(make_publication_type(), authors=[])
    )
    assert response.status_code == 403
    assert (
        translator_client.post(
            f"/admin/briefs/brief/{brief.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    assert Brief.objects.filter(pk=brief.pk).exists()
    draft = make_brief("Draft", state=Status.DRAFT, authors=[make_expert()])
    submitted(translator_client, draft, status="published")
    assert submitted(translator_client, draft, _publish="Publish now").status_code == 403
    draft.refresh_from_db()
    assert state_of(draft) == Status.DRAFT


def test_translator_reaches_every_translated_model_but_not_users(translator_client):
    for url in [
        "/admin/briefs/brief/",
        "/admin/experts/expert/",
        "/admin/taxonomy/topic/",
        "/admin/taxonomy/region/",
        "/admin/briefs/publicationtype/",
    ]:
        assert translator_client.get(url).status_code == 200, url
    assert translator_client.get("/admin/auth/user/").status_code == 403


def test_editor_role_can_do_everything(editor_role_client, brief):
    response = submitted(
        editor_role_client, brief, title_en="Gas Deals Revisited", _save_draft="Save draft"
    )
    assert response.status_code == 302
    brief.refresh_from_db()
    assert (brief.title_en, state_of(brief)) == ("Gas Deals Revisited", Status.DRAFT)
    assert editor_role_client.get("/admin/briefs/brief/add/").status_code == 200


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_translator_opens_the_change_form_of_every_translated_model(translator_client, prefix):
    brief = make_brief(authors=[make_expert()], topics=[make_topic()])
    region = brief.regions.model.objects.create(name_en="Levant")
    for obj in (brief, brief.publication_type, brief.authors.get(), brief.topics.get(), region):
        response = translator_client.get(prefix + change_url(obj))
        assert response.status_code == 200, obj._meta.label
        name_field = "title_ar" if obj is brief else "name_ar"
        assert f'name="{name_field}"' in response.content.decode(), obj._meta.label


def test_translator_saves_a_publication_type_without_touching_its_english(translator_client):
    kind = make_publication_type("Brief Analysis")
    response = submitted(translator_client, kind, name_ar="تحليل موجز", name_en="Hacked")
    assert response.status_code == 302
    kind.refresh_from_db()
    assert (kind.name_en, kind.name_ar) == ("Brief Analysis", "تحليل موجز")
