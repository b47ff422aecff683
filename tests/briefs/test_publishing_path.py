"""One path changes what the public sees: however a brief is taken down (the admin's form,
its bulk action, an action called from code, the expiry job, a raw update() of its flags,
a delete), it is gone from every public surface on the next request, and the change is
announced to whatever keeps copies of pages."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from django.utils.formats import date_format

from briefs.models import Authorship, Brief, BriefTopic
from languages import registry
from publishing import actions, scheduled
from publishing.models import PublishingRecord, Status
from publishing.signals import public_content_changed
from tests.briefs.admin_forms import BUTTONS
from tests.browser_forms import form_data
from tests.factories import make_brief, make_expert
from tests.surfaces import shown_on

pytestmark = pytest.mark.django_db


def take_down_with_the_form(admin_client, brief, status):
    url = f"/admin/briefs/brief/{brief.pk}/change/"
    data = form_data(admin_client.get(url), "brief_form")
    data[BUTTONS[status]] = "pressed"  # the workflow button a browser would send
    if status == "withdrawn":  # asked for first, on the form
        data["withdraw_reason"] = "Superseded by a corrected version."
    response = admin_client.post(url, data)
    assert response.status_code == 302


def take_down_with_the_bulk_action(admin_client, brief):
    chosen = {"action": "withdraw_selected", "_selected_action": [brief.pk]}
    asked = admin_client.post("/admin/briefs/brief/", chosen)
    assert asked.status_code == 200 and "Why they are withdrawn" in asked.content.decode()
    assert not PublishingRecord.objects.filter(object_id=brief.pk, action="withdraw").exists()
    confirmed = form_data(asked, "withdraw_selected_form")
    confirmed["reason"] = "Withdrawn pending a correction."
    response = admin_client.post("/admin/briefs/brief/", confirmed)
    assert response.status_code == 302
    record = PublishingRecord.objects.filter(object_id=brief.pk, action="withdraw").get()
    assert record.note == "Withdrawn pending a correction."


PATHS = {
    "form: back to draft": lambda c, b: take_down_with_the_form(c, b, "draft"),
    "form: withdrawn": lambda c, b: take_down_with_the_form(c, b, "withdrawn"),
    "form: sent to review": lambda c, b: take_down_with_the_form(c, b, "review"),
    "bulk action: withdraw": take_down_with_the_bulk_action,
    "action: withdraw": lambda c, b: actions.Withdraw(b, actor="a script").run(),
    "job: expired": lambda c, b: expire_now(b),
    "update() of every live flag": lambda c, b: Brief.objects.filter(pk=b.pk).update(
        **{f"live_{language}": False for language in registry.LANGUAGE_CODES}
    ),
    "delete in the admin": lambda c, b: c.post(
        f"/admin/briefs/brief/{b.pk}/delete/", {"post": "yes"}
    ),
    "queryset delete": lambda c, b: Brief.objects.filter(pk=b.pk).delete(),
}


@pytest.mark.parametrize("path", PATHS)
def test_a_brief_taken_down_is_on_no_public_surface(
    client, admin_client, site, path, announcements, django_capture_on_commit_callbacks
):
    brief = site[0]
    assert len(shown_on(client, site)) >= 30  # on every surface, in every language
    with django_capture_on_commit_callbacks(execute=True):
        PATHS[path](admin_client, brief)
    assert shown_on(client, site) == []
    assert any(("briefs.brief", brief.pk) in change.objects for change in announcements)
    assert all(change.languages == set(registry.LANGUAGE_CODES) for change in announcements)


def withdraw_version_with_the_form(admin_client, brief, language):
    url = f"/admin/briefs/brief/{brief.pk}/change/"
    data = form_data(admin_client.get(url), "brief_form")
    data.update({f"_withdraw_{language}": "pressed"}, withdraw_reason="It needs review.")
    assert admin_client.post(url, data).status_code == 302


VERSION_PATHS = {
    "form: withdraw the version": withdraw_version_with_the_form,
    "action: withdraw the version": lambda c, b, language: actions.Withdraw(
        b, None, language, actor="x"
    ).run(),
    "update() of its live flag": lambda c, b, language: Brief.objects.filter(pk=b.pk).update(
        **{f"live_{language}": False}
    ),
}


@pytest.mark.parametrize("language", registry.LANGUAGE_CODES[1:])
@pytest.mark.parametrize("path", VERSION_PATHS)
def test_a_translation_taken_down_is_on_none_of_its_surfaces_and_the_others_stay(
    client, admin_client, site, path, language
):
    before = shown_on(client, site)
    VERSION_PATHS[path](admin_client, site[0], language)
    after = shown_on(client, site)
    assert [url for url in after if url.startswith(f"/{language}/")] == []
    assert after == [url for url in before if not url.startswith(f"/{language}/")]
    assert after


def expire_now(brief):
    actions.Publish(brief, actor="test").run()
    brief.language_states.filter(language="en").update(expire_at=timezone.now())
    assert [action.obj for action in scheduled.publish_due()] == [brief]


def test_update_keeps_the_links_copies_in_line(site):
    brief = site[0]
    Brief.objects.filter(pk=brief.pk).update(live_en=False)
    assert not Authorship.objects.filter(brief=brief, brief_live_en=True).exists()
    Brief.objects.filter(pk=brief.pk).update(live_en=True, live_ar=False)
    links = BriefTopic.objects.filter(brief=brief)
    assert links.filter(brief_live_en=True, brief_live_ar=False).count() == 1


def test_a_save_cannot_make_live_what_its_states_do_not(client, site):
    brief = site[0]
    actions.BackToDraft(brief, actor="test").run()
    brief.live_en = brief.live_ar = True  # as a revision brought back would hold them
    brief.save()
    assert shown_on(client, site) == []


def test_a_stale_copy_cannot_show_a_brief_that_is_not_public(client, site):
    brief = site[0]
    actions.BackToDraft(brief, actor="test").run()
    # Rows written around every model method, as a careless script might.
    for link_model in (Authorship, BriefTopic):
        link_model.objects.filter(brief=brief).update(brief_live_en=True, brief_live_ar=True)
    assert shown_on(client, site) == []


def test_editing_a_draft_announces_nothing(admin_client, django_capture_on_commit_callbacks):
    draft = make_brief("Quiet Draft", state=Status.DRAFT, authors=[make_expert()])
    announced = []
    public_content_changed.connect(lambda change, **kwargs: announced.append(change))
    with django_capture_on_commit_callbacks(execute=True):
        draft.summary_en = "Still a draft."
        actions.Save(draft, actor="test", edited=["en"]).run()
    assert announced == []


def test_each_step_is_recorded_with_who_and_what(admin_client, site):
    brief = site[0]
    take_down_with_the_form(admin_client, brief, "review")
    take_down_with_the_bulk_action(admin_client, brief)
    records = list(PublishingRecord.objects.filter(object_id=brief.pk).select_related("user"))
    assert [(r.action, r.user.username) for r in records] == [
        (PublishingRecord.Action.WITHDRAW, "admin"),
        (PublishingRecord.Action.SEND_TO_REVIEW, "admin"),
    ]


def test_the_bulk_publish_refuses_a_brief_without_a_body_and_says_why(admin_client):
    empty = make_brief("Empty", state=Status.DRAFT, body_en="", authors=[make_expert()])
    response = admin_client.post(
        "/admin/briefs/brief/",
        {"action": "publish_selected", "_selected_action": [empty.pk]},
        follow=True,
    )
    assert "A published brief needs a body in English." in response.content.decode()
    assert Brief.objects.get(pk=empty.pk).state == Status.DRAFT


def test_a_scheduled_brief_is_shown_as_scheduled_and_goes_public_by_the_job(client, admin_client):
    now = timezone.now().replace(second=0, microsecond=0)
    brief = make_brief("Tomorrow's Analysis", state=Status.DRAFT, authors=[make_expert()])
    actions.Publish(brief, actor="test", at=now + timedelta(days=1)).run()
    changelist = admin_client.get("/admin/briefs/brief/", {"state": "scheduled"})
    assert "Tomorrow&#x27;s Analysis" in changelist.content.decode()
    scheduled = (
        f"Scheduled for {date_format(timezone.localtime(brief.published_at), 'j F Y, H:i')} (UTC)"
    )
    assert (
        f'<span class="publishing-state publishing-state-scheduled">English: {scheduled}</span>'
        in changelist.content.decode()
    )
    assert "Tomorrow" not in admin_client.get("/admin/briefs/brief/?state=live").content.decode()
    url = brief.get_absolute_url()
    with time_machine.travel(now + timedelta(days=1) - timedelta(seconds=1), tick=False):
        assert scheduled_run() == []
        assert client.get(url).status_code == 404
        assert "Tomorrow" not in client.get("/policy-analysis/").content.decode()
    # Late: the worker was down for an hour. It still publishes, dated as scheduled.
    with time_machine.travel(now + timedelta(days=1, hours=1), tick=False):
        assert scheduled_run() == [brief]
        assert client.get(url).status_code == 200
        assert "Tomorrow" in client.get("/policy-analysis/").content.decode()
    assert Brief.objects.get(pk=brief.pk).published_at == now + timedelta(days=1)


def scheduled_run():
    return [action.obj for action in scheduled.publish_due()]
