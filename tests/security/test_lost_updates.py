"""Two people on one form: the second save, from a form opened before the first, is
refused with everything typed kept, and names who saved; on every model edited in the
admin. A second submission, made knowingly, goes through."""

import pytest
from django.test import Client

from addresses.models import Redirect
from briefs.models import Brief, PublicationType
from experts.models import Expert
from library.models import Image
from taxonomy.models import Region, Topic
from tests.browser_forms import form_data
from tests.factories import (
    make_brief,
    make_expert,
    make_image,
    make_publication_type,
    make_region,
    make_topic,
)
from translations.roles import give_role, setup_roles

pytestmark = pytest.mark.django_db

# model: (make one, the field the first person changes, the one the second changes)
CASES = {
    Brief: (lambda: make_brief("Gas Deals", authors=[make_expert()]), "summary_en", "title_en"),
    PublicationType: (lambda: make_publication_type("Analysis"), "name_ar", "name_en"),
    Expert: (lambda: make_expert("Anna Borshchevskaya"), "role_en", "short_bio_en"),
    Topic: (lambda: make_topic("Energy"), "name_ar", "description_en"),
    Region: (lambda: make_region("Levant"), "name_ar", "description_en"),
    Image: (lambda: make_image(), "caption_en", "credit_en"),
    Redirect: (
        lambda: Redirect.objects.create(old_path="/old/a", new_path="/policy-analysis/a"),
        "new_path",
        "old_path",
    ),
}
VALUES = {
    "name_ar": "اسم جديد",
    "new_path": "/policy-analysis/b",
    "old_path": "/old/c",
}


def person(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, password="pw", is_staff=True)
    give_role(user, group.name)
    client = Client()
    client.force_login(user)
    return client


def change_url(obj):
    opts = obj._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/"


@pytest.mark.parametrize("model", CASES, ids=lambda model: model.__name__)
def test_a_save_from_an_older_form_is_refused_with_everything_typed_kept(django_user_model, model):
    editors, _writers, _translators = setup_roles()
    make, first_field, second_field = CASES[model]
    obj = make()
    url, form_id = change_url(obj), f"{obj._meta.model_name}_form"
    ada, bo = person(django_user_model, "ada", editors), person(django_user_model, "bo", editors)
    hers, his = form_data(ada.get(url), form_id), form_data(bo.get(url), form_id)

    hers[first_field] = VALUES.get(first_field, "Saved first")
    assert ada.post(url, {**hers, "_save": "Save"}).status_code == 302
    his[second_field] = VALUES.get(second_field, "Typed second")
    refused = bo.post(url, {**his, "_save": "Save"})
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "ada saved this" in page and "Nothing of yours was saved" in page
    assert VALUES.get(second_field, "Typed second") in page  # still in the form
    # What the form opens on: the row, or a live brief's unpublished changes.
    stored = form_data(ada.get(url), form_id)
    assert stored[first_field] == VALUES.get(first_field, "Saved first")
    assert stored[second_field] != VALUES.get(second_field, "Typed second")

    knowingly = form_data(refused, form_id)
    assert bo.post(url, {**knowingly, "_save": "Save"}).status_code == 302
    stored = form_data(bo.get(url), form_id)
    assert stored[second_field] == VALUES.get(second_field, "Typed second")


def test_an_editors_older_form_does_not_overwrite_a_translators_arabic(django_user_model):
    editors, _writers, translators = setup_roles()
    topic = make_topic("Energy")
    expert = make_expert("Anna Borshchevskaya", role_en="Senior Fellow")
    editor = person(django_user_model, "edith", editors)
    translator = person(django_user_model, "tariq", translators)
    for obj, field, arabic in [(topic, "name_ar", "الطاقة"), (expert, "role_ar", "زميلة أولى")]:
        url, form_id = change_url(obj), f"{obj._meta.model_name}_form"
        older = form_data(editor.get(url), form_id)
        translated = form_data(translator.get(url), form_id)
        translated[field] = arabic
        assert translator.post(url, {**translated, "_save": "Save"}).status_code == 302
        assert editor.post(url, {**older, "_save": "Save"}).status_code == 200
        assert getattr(type(obj).objects.get(pk=obj.pk), field) == arabic


def test_a_form_without_its_version_is_refused_as_stale(django_user_model):
    editors, _writers, _translators = setup_roles()
    expert = make_expert("Anna Borshchevskaya", role_en="Senior Fellow")
    editor = person(django_user_model, "edith", editors)
    url = change_url(expert)
    data = form_data(editor.get(url), "expert_form")
    del data["loaded_version"]  # opened before a release added it, or forged
    data["role_en"] = "Fellow"
    assert editor.post(url, {**data, "_save": "Save"}).status_code == 200
    assert Expert.objects.get(pk=expert.pk).role_en == "Senior Fellow"


def test_the_refusal_names_who_saved_through_an_import(django_user_model):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.security.test_hostile_xliff import unit, xliff

    editors, _writers, translators = setup_roles()
    topic = make_topic("Energy")
    editor = person(django_user_model, "edith", editors)
    translator = person(django_user_model, "tariq", translators)
    url = change_url(topic)
    older = form_data(editor.get(url), "topic_form")
    document = xliff(unit(f"taxonomy.topic.{topic.pk}.name", "Energy", "الطاقة"))
    translator.post("/admin/translations/import/", {"file": SimpleUploadedFile("t.xlf", document)})
    refused = editor.post(url, {**older, "_save": "Save"})
    assert "tariq saved this topic" in refused.content.decode()
