"""Live text kept apart from drafts: an edit to a live brief, from the admin's form, a
restored revision or a translator's file, waits as unpublished changes, and readers keep
the published text until someone who may publish publishes it, in each language."""

from xml.etree import ElementTree

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains
from reversion.models import Version

from briefs.models import Brief
from publishing import actions
from publishing.models import LanguageState, PublishingRecord, Status
from tests.browser_forms import form_data
from tests.factories import make_brief, make_expert, state_of
from translations import xliff
from translations.roles import TRANSLATORS, WRITERS

pytestmark = pytest.mark.django_db
Record = PublishingRecord.Action


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the page cache forgetting, the search index)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def change_url(brief):
    return f"/admin/briefs/brief/{brief.pk}/change/"


def post_form(client, brief, button=None, **changes):
    """The change form as the browser submits it, with `changes` typed in and `button`."""
    data = form_data(client.get(change_url(brief)), "brief_form")
    data.update(changes)
    if button:
        data[button] = "pressed"
    return client.post(change_url(brief), data)


def reader_sees(brief, language="en"):
    brief = Brief.objects.get(pk=brief.pk)
    response = Client().get(brief.url_in(language))
    assert response.status_code == 200, (brief, language)
    return response.content.decode()


def state(brief, language="en"):
    return LanguageState.objects.get(
        content_type=ContentType.objects.get_for_model(Brief), object_id=brief.pk, language=language
    )


def live_brief():
    return make_brief(
        "Gas Deals in the Levant",
        authors=[make_expert("Anna Borshchevskaya")],
        body_en="<p>The published body.</p>",
        arabic=True,
        title_ar="صفقات الغاز في بلاد الشام",
        body_ar="<p>النص المنشور.</p>",
    )


def test_an_editors_edit_to_a_live_brief_waits_until_published(admin_client, commits):
    brief = live_brief()
    newcomer = make_expert("Dana Stroul")
    with commits():
        saved = post_form(
            admin_client,
            brief,
            title_en="Gas Deals Revisited",
            body_en="<p>The corrected body.</p>",
            **{"authorships-0-expert": str(newcomer.pk)},
        )
    assert saved.status_code == 302
    page = reader_sees(brief)
    assert "Gas Deals in the Levant" in page and "The published body." in page
    assert "Anna Borshchevskaya" in page and "Dana Stroul" not in page
    assert state(brief).status == Status.LIVE and state(brief).has_unpublished_changes
    # The editor sees the changes, and is told readers do not yet.
    form = admin_client.get(change_url(brief))
    assertContains(form, "Gas Deals Revisited")
    assertContains(form, "The corrected body.")
    assertContains(form, "this form shows unpublished changes")
    changed = admin_client.get("/admin/briefs/brief/", {"state": "changes"})
    assert [b.pk for b in changed.context["cl"].result_list] == [brief.pk]
    assertContains(changed, "Published; unpublished changes")
    home = admin_client.get("/admin/")
    assertContains(home, "Unpublished changes to live content")
    assertContains(home, f'<a href="{change_url(brief)}">Gas Deals in the Levant</a>', html=True)
    # A second edit builds on the first.
    with commits():
        post_form(admin_client, brief, summary_en="A second thought.")
    assert "Gas Deals in the Levant" in reader_sees(brief)
    with commits():
        published = post_form(admin_client, brief, button="_publish")
    assert published.status_code == 302
    page = reader_sees(brief)
    assert "Gas Deals Revisited" in page and "The corrected body." in page
    assert "A second thought." in page
    assert "Dana Stroul" in page and "Anna Borshchevskaya" not in page
    assert not state(brief).has_unpublished_changes and state(brief).live_revision is not None
    assertNotContains(admin_client.get(change_url(brief)), "unpublished changes;")
    assertNotContains(admin_client.get("/admin/"), "Unpublished changes to live content")
    records = PublishingRecord.objects.filter(object_id=brief.pk).values_list("action", flat=True)
    assert list(records)[:3] == [Record.PUBLISH, Record.EDIT, Record.EDIT]


def test_a_translators_edit_to_live_arabic_keeps_it_online_until_approved(
    admin_client, client, member, commits
):
    brief = live_brief()
    member("layla", TRANSLATORS)
    with commits():
        sent = post_form(client, brief, button="_send_to_review_ar", body_ar="<p>نص منقح.</p>")
    assert sent.status_code == 302
    assert state(brief, "ar").status == Status.LIVE  # not taken offline
    assert state(brief, "ar").draft_in_review
    assert "النص المنشور." in reader_sees(brief, "ar")
    form = admin_client.get(change_url(brief))
    assertContains(form, "نص منقح.")
    assertContains(form, "this form shows changes sent to review")
    assertContains(admin_client.get("/admin/"), "Arabic: changes in review")
    with commits():
        post_form(admin_client, brief, button="_approve_ar", publish_despite_faults="on")
    assert "نص منقح." in reader_sees(brief, "ar")
    assert "The published body." in reader_sees(brief)
    assert not state(brief, "ar").has_unpublished_changes


def test_each_language_is_published_with_its_own_changes_only(
    admin_client, client, member, commits
):
    brief = live_brief()
    with commits():
        post_form(admin_client, brief, body_en="<p>English changes.</p>")
    member("layla", TRANSLATORS)
    with commits():
        post_form(client, brief, body_ar="<p>تغييرات عربية.</p>")
    # Each form opens on every language's changes; the translator's save kept the English.
    assertContains(admin_client.get(change_url(brief)), "English changes.")
    with commits():
        post_form(admin_client, brief, button="_publish")
    assert "English changes." in reader_sees(brief)
    assert "النص المنشور." in reader_sees(brief, "ar")  # the Arabic waits for approval
    assert state(brief, "ar").has_unpublished_changes
    with commits():
        actions.Publish(Brief.objects.get(pk=brief.pk), None, "ar", actor="test").run()
    assert "تغييرات عربية." in reader_sees(brief, "ar")
    assert "English changes." in reader_sees(brief)


def test_changes_are_published_by_the_bulk_action_and_from_code(admin_client, commits):
    first, second = live_brief(), live_brief()
    for brief, text in [(first, "First, changed."), (second, "Second, changed.")]:
        with commits():
            post_form(admin_client, brief, body_en=f"<p>{text}</p>")
    with commits():
        admin_client.post(
            "/admin/briefs/brief/", {"action": "publish_selected", "_selected_action": [first.pk]}
        )
    assert "First, changed." in reader_sees(first)
    assert "The published body." in reader_sees(second)
    with commits():
        actions.Publish(Brief.objects.get(pk=second.pk), None, actor="test").run()
    assert "Second, changed." in reader_sees(second)


def test_a_refused_form_keeps_the_live_text_and_the_changes(admin_client, commits):
    brief = live_brief()
    with commits():
        post_form(admin_client, brief, body_en="<p>Kept as a change.</p>")
    refused = post_form(admin_client, brief, title_en="")
    assert refused.status_code == 200
    assert "The published body." in reader_sees(brief)
    assertContains(admin_client.get(change_url(brief)), "Kept as a change.")
    assert Brief.objects.get(pk=brief.pk).title_en == "Gas Deals in the Levant"


def test_changes_outlast_a_withdrawal_and_go_live_only_when_accepted(
    admin_client, client, member, commits
):
    """Taken down and published again, a brief goes back with its English changes (the
    editor publishes them) and its approved Arabic, the Arabic changes still waiting."""
    brief = live_brief()
    with commits():
        post_form(admin_client, brief, body_en="<p>English changes.</p>")
    member("layla", TRANSLATORS)
    with commits():
        post_form(client, brief, button="_send_to_review_ar", body_ar="<p>لم يُعتمد بعد.</p>")
    with commits():
        actions.Withdraw(Brief.objects.get(pk=brief.pk), None, actor="test", note="test").run()
    assert Brief.objects.get(pk=brief.pk).body_ar == "<p>النص المنشور.</p>"
    assert state(brief, "ar").status == Status.APPROVED and state(brief, "ar").draft_in_review
    with commits():
        post_form(admin_client, brief, button="_publish")
    assert "English changes." in reader_sees(brief)
    arabic = reader_sees(brief, "ar")
    assert "النص المنشور." in arabic and "لم يُعتمد بعد." not in arabic
    assert state(brief, "ar").draft_in_review  # still waiting, as the translator sent it
    with commits():
        post_form(admin_client, brief, button="_approve_ar", publish_despite_faults="on")
    assert "لم يُعتمد بعد." in reader_sees(brief, "ar")


def test_restoring_a_revision_makes_changes_to_publish(admin_client, commits):
    brief = live_brief()
    with commits():
        post_form(admin_client, brief, button="_publish", body_en="<p>First published.</p>")
        post_form(admin_client, brief, button="_publish", body_en="<p>Then this.</p>")
    first = next(
        version
        for version in Version.objects.get_for_object(brief)
        if version.field_dict["body_en"] == "<p>First published.</p>"
    )
    url = f"/admin/briefs/brief/{brief.pk}/history/{first.pk}/"
    data = form_data(admin_client.get(url), "brief_form")
    with commits():
        restored = admin_client.post(url, data)
    assert restored.status_code == 302
    assert "Then this." in reader_sees(brief)
    assert state(brief).has_unpublished_changes
    assertContains(admin_client.get(change_url(brief)), "First published.")
    with commits():
        post_form(admin_client, brief, button="_publish")
    assert "First published." in reader_sees(brief)


def test_a_translator_restores_no_revision_and_a_writer_none_of_a_live_brief(member):
    brief = live_brief()
    revision = Version.objects.get_for_object(brief).first()
    for name, group in [("layla", TRANSLATORS), ("walid", WRITERS)]:
        user = member(name, group)
        with pytest.raises(PermissionDenied):
            actions.Restore(brief, user, revision=revision).run()
    assert "The published body." in reader_sees(brief)


def test_an_xliff_translation_of_live_arabic_waits_in_review(commits):
    brief = live_brief()
    Brief.objects.filter(pk=brief.pk).update(summary_en="About gas in the Levant.")
    root = ElementTree.fromstring(xliff.export("ar"))
    namespace = "{urn:oasis:names:tc:xliff:document:1.2}"
    [unit] = [
        unit
        for unit in root.iter(f"{namespace}trans-unit")
        if unit.get("id") == f"briefs.brief.{brief.pk}.summary"
    ]
    unit.find(f"{namespace}target").text = "عن الغاز في بلاد الشام."
    for other in root.iter(f"{namespace}trans-unit"):  # what else waits stays as it is
        if other is not unit:
            other.find(f"{namespace}target").text = other.find(f"{namespace}source").text
    with commits():
        xliff.import_file(ElementTree.tostring(root, encoding="utf-8"))
    assert state_of(brief, "ar") == Status.LIVE and state(brief, "ar").draft_in_review
    assert "عن الغاز في بلاد الشام." not in reader_sees(brief, "ar")
    with commits():
        actions.Publish(Brief.objects.get(pk=brief.pk), None, "ar", actor="test").run()
    assert "عن الغاز في بلاد الشام." in reader_sees(brief, "ar")


def test_delete_and_recover_are_actions_that_check_and_record(admin_client, member, client):
    brief = live_brief()
    post_form(admin_client, brief, summary_en="Kept in its history.")  # a revision to recover
    writer = member("walid", WRITERS)
    with pytest.raises(PermissionDenied):
        actions.Delete(brief, writer).run()
    forged = client.post(f"/admin/briefs/brief/{brief.pk}/delete/", {"post": "yes"})
    assert forged.status_code == 403 and Brief.objects.filter(pk=brief.pk).exists()
    deleted = admin_client.post(f"/admin/briefs/brief/{brief.pk}/delete/", {"post": "yes"})
    assert deleted.status_code == 302 and not Brief.objects.filter(pk=brief.pk).exists()
    assert PublishingRecord.objects.filter(object_id=brief.pk, action=Record.DELETE).exists()
    version = Version.objects.get_deleted(Brief).get(object_id=str(brief.pk))
    url = f"/admin/briefs/brief/recover/{version.pk}/"
    data = form_data(admin_client.get(url), "brief_form")
    recovered = admin_client.post(url, data)
    assert recovered.status_code == 302
    brief = Brief.objects.get(pk=brief.pk)
    assert brief.live_languages() == [] and state_of(brief) is None  # a draft
    assert PublishingRecord.objects.filter(object_id=brief.pk, action=Record.RECOVER).exists()
    assert Client().get(f"/policy-analysis/{brief.slug_en}").status_code == 404


def test_restore_and_recover_from_code_go_through_the_same_actions(admin_user, commits):
    brief = live_brief()
    brief.summary_en = "An earlier summary."
    actions.Publish(brief, admin_user).run()
    brief.summary_en = "The current summary."
    actions.Publish(brief, admin_user).run()
    earlier = next(
        version.revision
        for version in Version.objects.get_for_object(brief)
        if version.field_dict["summary_en"] == "An earlier summary."
    )
    with commits():
        actions.Restore(Brief.objects.get(pk=brief.pk), admin_user, revision=earlier).run()
    assert "The current summary." in reader_sees(brief) and state(brief).has_unpublished_changes
    with commits():
        actions.Publish(Brief.objects.get(pk=brief.pk), admin_user).run()
    assert "An earlier summary." in reader_sees(brief)
    version = Version.objects.get_for_object(brief).first()
    actions.Delete(Brief.objects.get(pk=brief.pk), admin_user).run()
    gone = Brief(pk=brief.pk, source_language="en")
    actions.Recover(gone, admin_user, version=version).run()
    recovered = Brief.objects.get(pk=brief.pk)
    assert recovered.summary_en == "An earlier summary." and recovered.live_languages() == []
    records = PublishingRecord.objects.filter(object_id=brief.pk).values_list("action", flat=True)
    assert {Record.RESTORE, Record.DELETE, Record.RECOVER} <= set(records)
