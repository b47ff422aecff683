"""One path changes what the public sees: however a brief is taken down (the admin's form,
its bulk action, a raw update(), a delete), it is gone from every public surface on the
next request, and the change is announced to whatever keeps copies of pages."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from django.utils.formats import date_format

from briefs import publishing
from briefs.models import Authorship, Brief, BriefTopic
from publishing.models import PublishingRecord
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
    assert Brief.objects.get(pk=brief.pk).status != Brief.Status.WITHDRAWN  # not yet
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
    "update(status=draft)": lambda c, b: Brief.objects.filter(pk=b.pk).update(status="draft"),
    "update(published_at=next year)": lambda c, b: Brief.objects.filter(pk=b.pk).update(
        published_at=timezone.now() + timedelta(days=365)
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
    assert len(shown_on(client, site)) >= 20  # on every surface, in both languages
    with django_capture_on_commit_callbacks(execute=True):
        PATHS[path](admin_client, brief)
    assert shown_on(client, site) == []
    assert any(("briefs.brief", brief.pk) in change.objects for change in announcements)
    assert all(change.languages == {"en", "ar"} for change in announcements)


def withdraw_arabic_with_the_form(admin_client, brief):
    url = f"/admin/briefs/brief/{brief.pk}/change/"
    data = form_data(admin_client.get(url), "brief_form")
    data.update(_withdraw_arabic="pressed", withdraw_reason="The translation needs review.")
    assert admin_client.post(url, data).status_code == 302


ARABIC_PATHS = {
    "form: withdraw Arabic": withdraw_arabic_with_the_form,
    "update(arabic_status=draft)": lambda c, b: Brief.objects.filter(pk=b.pk).update(
        arabic_status="draft"
    ),
    "update(body_ar='')": lambda c, b: Brief.objects.filter(pk=b.pk).update(body_ar=""),
}


@pytest.mark.parametrize("path", ARABIC_PATHS)
def test_arabic_taken_down_is_on_no_arabic_surface_and_the_english_stays(
    client, admin_client, site, path
):
    before = shown_on(client, site)
    ARABIC_PATHS[path](admin_client, site[0])
    after = shown_on(client, site)
    assert [url for url in after if url.startswith("/ar")] == []
    assert after == [url for url in before if not url.startswith("/ar")]
    assert after


def test_update_keeps_the_links_copies_in_line(site):
    brief = site[0]
    Brief.objects.filter(pk=brief.pk).update(status="withdrawn")
    assert not Authorship.objects.filter(brief=brief, brief_is_published=True).exists()
    Brief.objects.filter(pk=brief.pk).update(status="published", title_ar="", body_ar="")
    links = BriefTopic.objects.filter(brief=brief)
    assert links.filter(brief_is_published=True, brief_in_arabic=False).count() == 1
    assert Brief.objects.get(pk=brief.pk).in_arabic is False


def test_a_stale_copy_cannot_show_a_brief_that_is_not_public(client, site):
    brief = site[0]
    Brief.objects.filter(pk=brief.pk).update(status="draft")
    # Rows written around every model method, as a careless script might.
    for link_model in (Authorship, BriefTopic):
        link_model.objects.filter(brief=brief).update(brief_is_published=True)
    assert shown_on(client, site) == []


def test_editing_a_draft_announces_nothing(admin_client, django_capture_on_commit_callbacks):
    draft = make_brief("Quiet Draft", status="draft", authors=[make_expert()])
    announced = []
    public_content_changed.connect(lambda change, **kwargs: announced.append(change))
    with django_capture_on_commit_callbacks(execute=True):
        draft.summary_en = "Still a draft."
        publishing.save(draft, user=None, previous_status="draft")
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
    empty = make_brief("Empty", status="draft", body_en="", authors=[make_expert()])
    response = admin_client.post(
        "/admin/briefs/brief/",
        {"action": "publish_selected", "_selected_action": [empty.pk]},
        follow=True,
    )
    assert "A published brief needs an English body." in response.content.decode()
    assert Brief.objects.get(pk=empty.pk).status == "draft"


def test_a_scheduled_brief_is_shown_as_scheduled_and_goes_public_at_its_minute(
    client, admin_client
):
    now = timezone.now().replace(second=0, microsecond=0)
    brief = make_brief("Tomorrow's Analysis", status="draft", authors=[make_expert()])
    publishing.publish(brief, user=None, at=now + timedelta(days=1))
    changelist = admin_client.get("/admin/briefs/brief/", {"state": "scheduled"})
    assert "Tomorrow&#x27;s Analysis" in changelist.content.decode()
    scheduled = (
        f"Scheduled for {date_format(timezone.localtime(brief.published_at), 'j F Y, H:i')} (UTC)"
    )
    assert f'<span class="brief-state-scheduled">{scheduled}</span>' in changelist.content.decode()
    assert (
        "Tomorrow" not in admin_client.get("/admin/briefs/brief/?state=published").content.decode()
    )
    url = brief.get_absolute_url()
    with time_machine.travel(now + timedelta(days=1) - timedelta(seconds=1), tick=False):
        assert client.get(url).status_code == 404
        assert "Tomorrow" not in client.get("/policy-analysis/").content.decode()
    with time_machine.travel(now + timedelta(days=1), tick=False):
        assert client.get(url).status_code == 200
        assert "Tomorrow" in client.get("/policy-analysis/").content.decode()
