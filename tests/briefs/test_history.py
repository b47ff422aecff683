"""Every save keeps a revision with the brief's ordered authors, topics and picks, in both
languages; any two compare field by field; one can be restored, and a deleted brief
recovered with its relations."""

import re

import pytest
from reversion.models import Version

from briefs.models import Brief
from publishing.models import PublishingRecord, Status
from tests.browser_forms import form_data
from tests.factories import make_brief, make_expert, make_publication_type, make_topic, state_of
from tests.html import visible_text
from translations.roles import TRANSLATORS, give_role, setup_roles

pytestmark = pytest.mark.django_db


def change_url(brief):
    return f"/admin/briefs/brief/{brief.pk}/change/"


def save(client, brief, **typed):
    data = form_data(client.get(change_url(brief)), "brief_form")
    data.update(typed)
    response = client.post(change_url(brief), data)
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.fixture
def brief():
    return make_brief(
        "Gas Deals",
        summary_en="Gas deals in the Levant.",
        authors=[make_expert("Anna Borshchevskaya"), make_expert("Ben Fishman")],
        topics=[make_topic("Energy")],
    )


def versions_on(client, brief):
    html = client.get(f"/admin/briefs/brief/{brief.pk}/history/").content.decode()
    return re.findall(r'<option value="(\d+)"', html)


def test_saves_are_kept_and_any_two_compare_field_by_field(admin_client, brief):
    save(admin_client, brief, summary_en="Gas deals in the Levant, and who profits.")
    save(
        admin_client,
        brief,
        summary_en="Gas deals in the Eastern Mediterranean, and who profits.",
        title_ar="صفقات الغاز",
        **{"authorships-0-position": "1", "authorships-1-position": "0"},
    )
    history = admin_client.get(f"/admin/briefs/brief/{brief.pk}/history/")
    assert history.status_code == 200 and "admin" in history.content.decode()
    newer, older = versions_on(admin_client, brief)[:2]
    response = admin_client.get(
        f"/admin/briefs/brief/{brief.pk}/history/compare/?from={older}&to={newer}"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<del>Levant,</del>" in html and "<ins>Eastern Mediterranean,</ins>" in html
    assert "<ins>صفقات الغاز</ins>" in html  # the Arabic title, new in this version
    text = visible_text(html)
    assert "Authors" in text  # the byline's order changed
    assert "Title [en]" not in text  # unchanged fields are not listed
    assert text.count("Summary") == 1  # once, not again as the column it mirrors


def test_a_revision_is_restored_through_the_admin_form_and_recorded(admin_client, brief):
    save(admin_client, brief, summary_en="First version kept.")
    save(admin_client, brief, summary_en="A change to undo.")
    older = versions_on(admin_client, brief)[1]
    url = f"/admin/briefs/brief/{brief.pk}/history/{older}/"
    page = admin_client.get(url)
    assert page.status_code == 200 and "First version kept." in page.content.decode()
    response = admin_client.post(url, form_data(page, "brief_form"))
    assert response.status_code == 302
    # Restored as changes to the live brief: published by the same step as any other.
    assert PublishingRecord.objects.filter(object_id=brief.pk, action="restore").exists()
    assert Brief.objects.get(pk=brief.pk).summary_en != "First version kept."
    save(admin_client, brief, _publish="pressed")
    assert Brief.objects.get(pk=brief.pk).summary_en == "First version kept."


def test_a_deleted_brief_is_recovered_with_its_authors_in_order_and_topics(admin_client, brief):
    save(admin_client, brief, summary_en="Saved once in the admin.")
    pk = brief.pk
    admin_client.post(f"/admin/briefs/brief/{pk}/delete/", {"post": "yes"})
    assert not Brief.objects.filter(pk=pk).exists()
    listing = admin_client.get("/admin/briefs/brief/recover/").content.decode()
    version = re.search(r'href="/admin/briefs/brief/recover/(\d+)/"', listing).group(1)
    page = admin_client.get(f"/admin/briefs/brief/recover/{version}/")
    response = admin_client.post(
        f"/admin/briefs/brief/recover/{version}/", form_data(page, "brief_form")
    )
    assert response.status_code == 302
    recovered = Brief.objects.get(pk=pk)
    assert [e.name for e in recovered.ordered_authors] == ["Anna Borshchevskaya", "Ben Fishman"]
    assert [t.name for t in recovered.topics.all()] == ["Energy"]
    assert recovered.summary_en == "Saved once in the admin."
    # Nothing live comes back: an editor publishes it again, by the actions.
    assert state_of(recovered) is None and recovered.live_languages() == []
    assert recovered.state_label() == "Draft"


def test_a_restore_keeps_the_brief_in_the_state_it_is_in(admin_client, client):
    brief = make_brief(
        "Gas Deals",
        state=Status.DRAFT,
        publication_type=make_publication_type(name_ar="تحليل موجز"),
        authors=[make_expert(name_ar="نادية رحمن")],
        arabic=True,
        arabic_state=Status.DRAFT,
    )
    save(admin_client, brief, summary_en="Said while a draft.")
    save(admin_client, brief, summary_en="Said when published.", _publish="pressed")
    save(admin_client, brief, _approve_ar="pressed")
    assert client.get(brief.get_absolute_url()).status_code == 200
    draft_era = versions_on(admin_client, brief)[2]
    url = f"/admin/briefs/brief/{brief.pk}/history/{draft_era}/"
    admin_client.post(url, form_data(admin_client.get(url), "brief_form"))
    restored = Brief.objects.get(pk=brief.pk)
    assert (restored.summary_en, state_of(restored)) == ("Said when published.", "live")
    assert "Said when published." in client.get(brief.get_absolute_url()).content.decode()
    save(admin_client, brief, _publish="pressed")
    assert state_of(restored, "ar") == "live"
    assert "Said while a draft." in client.get(brief.get_absolute_url()).content.decode()
    assert client.get(restored.url_in("ar")).status_code == 200


def test_a_translators_save_is_in_the_history(client, brief, django_user_model):
    setup_roles()
    translator = django_user_model.objects.create_user("tariq", password="pw", is_staff=True)
    give_role(translator, TRANSLATORS)
    client.force_login(translator)
    save(client, brief, title_ar="صفقات الغاز", body_ar="<p>نص.</p>")
    history = client.get(f"/admin/briefs/brief/{brief.pk}/history/").content.decode()
    assert "tariq" in history


@pytest.mark.parametrize("query", ["from=abc&to=²", "from=99999999999999999999", "from=&to="])
def test_the_compare_page_takes_bad_input_calmly(admin_client, brief, query):
    response = admin_client.get(f"/admin/briefs/brief/{brief.pk}/history/compare/?{query}")
    assert response.status_code == 200


def test_the_history_names_each_workflow_step_and_when_a_brief_is_scheduled(admin_client, settings):
    settings.TIME_ZONE = "America/New_York"
    draft = make_brief("Gas Deals", state=Status.DRAFT, authors=[make_expert()])
    save(admin_client, draft, _send_to_review="pressed")
    save(
        admin_client,
        draft,
        _schedule="pressed",
        summary_en="Said when scheduled.",
        published_at_0="2031-12-07",
        published_at_1="14:30:00",
    )
    comments = [version.revision.comment for version in Version.objects.get_for_object(draft)][:2]
    assert comments == [
        "Scheduled for 7 December 2031, 14:30 (America/New_York). Changed Publication date "
        "and Summary [en].",
        "Sent to review.",
    ]
    shown = visible_text(
        admin_client.get(f"/admin/briefs/brief/{draft.pk}/history/").content.decode()
    )
    assert "Scheduled for 7 December 2031, 14:30 (America/New_York)" in shown
    assert "No fields changed." not in shown
    form = admin_client.get(change_url(draft)).content.decode()
    changelist = admin_client.get("/admin/briefs/brief/").content.decode()
    for page in (form, changelist):
        assert "Scheduled for 7 December 2031, 14:30 (America/New_York)" in page
