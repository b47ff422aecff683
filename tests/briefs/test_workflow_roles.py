"""The change form's steps and who may take them, held on the server against forged
requests: writers draft and send to review; editors also publish, schedule and withdraw."""

from datetime import timedelta

import pytest
from django.utils import timezone

from briefs.models import Brief
from publishing.models import Status
from tests.briefs.admin_forms import brief_form
from tests.browser_forms import form_data
from tests.factories import make_brief, make_expert, make_publication_type, state_of
from translations.roles import EDITORS, WRITERS

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/briefs/brief/add/"


def change_url(brief):
    return f"/admin/briefs/brief/{brief.pk}/change/"


def press(client, brief, button, **changes):
    """The change form as a browser submits it, with `button` pressed."""
    data = form_data(client.get(change_url(brief)), "brief_form")
    data.update(changes, **{button: "pressed"})
    return client.post(change_url(brief), data)


def buttons(client, url):
    html = client.get(url).content.decode()
    names = ["_save_draft", "_send_to_review", "_publish", "_schedule", "_withdraw"]
    return [name for name in names if f'name="{name}"' in html]


def test_a_writer_drafts_and_sends_to_review_but_cannot_publish(client, member):
    writer = member("wanda", WRITERS)
    kind, expert = make_publication_type(), make_expert()
    response = client.post(ADD_URL, brief_form(kind, authors=[(expert, 0)], status="draft"))
    assert response.status_code == 302
    brief = Brief.objects.get()
    assert (state_of(brief), brief.created_by) == ("draft", writer)
    assert buttons(client, change_url(brief)) == ["_save_draft", "_send_to_review"]

    assert press(client, brief, "_send_to_review").status_code == 302
    assert state_of(Brief.objects.get()) == "review"
    for forged in ("_publish", "_schedule", "_withdraw"):
        assert press(client, brief, forged).status_code == 403
        assert state_of(Brief.objects.get()) == "review"


def test_a_writer_cannot_change_others_briefs_or_published_ones(client, member):
    writer = member("wanda", WRITERS)
    others = make_brief("Someone Else's Draft", state=Status.DRAFT, authors=[make_expert()])
    own_published = make_brief("Own but Published", authors=[make_expert()], created_by=writer)
    for brief in (others, own_published):
        data = form_data(client.get(change_url(brief)), "brief_form")
        data.update(title_en="Rewritten", _save_draft="pressed")
        assert client.post(change_url(brief), data).status_code == 403
        assert Brief.objects.get(pk=brief.pk).title_en != "Rewritten"
    assert (
        client.post(f"/admin/briefs/brief/{own_published.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    response = client.post(
        "/admin/briefs/brief/",
        {"action": "withdraw_selected", "_selected_action": [own_published.pk]},
    )
    assert response.status_code in (200, 302)
    assert state_of(own_published) == "live"


def test_an_editor_publishes_schedules_and_withdraws(client, member):
    member("edith", EDITORS)
    draft = make_brief("Ready Draft", state=Status.DRAFT, authors=[make_expert()])
    assert buttons(client, change_url(draft)) == [
        "_save_draft",
        "_send_to_review",
        "_publish",
        "_schedule",
    ]
    later = timezone.localtime() + timedelta(days=2)
    response = press(
        client,
        draft,
        "_schedule",
        published_at_0=later.strftime("%Y-%m-%d"),
        published_at_1=later.strftime("%H:%M:%S"),
    )
    assert response.status_code == 302 and response["Location"] == change_url(draft)
    draft.refresh_from_db()
    assert state_of(draft) == "scheduled"
    assert "Scheduled" in client.get(change_url(draft)).content.decode()

    assert press(client, draft, "_publish").status_code == 302  # now, not in two days
    draft.refresh_from_db()
    assert draft.is_public
    assert "_withdraw" in buttons(client, change_url(draft))
    asked = press(client, draft, "_withdraw")
    assert asked.status_code == 200 and "Say why below" in asked.content.decode()
    assert state_of(draft) == "live"
    reason = "Published by mistake before the embargo."
    assert press(client, draft, "_withdraw", withdraw_reason=reason).status_code == 302
    assert state_of(draft) == "withdrawn"
    history = client.get(f"{change_url(draft).removesuffix('change/')}history/")
    assert f"Withdrawn: {reason}" in history.content.decode()


def test_scheduling_for_a_past_date_is_refused_with_a_message(client, member):
    member("edith", EDITORS)
    draft = make_brief("Ready Draft", state=Status.DRAFT, authors=[make_expert()])
    response = press(
        client, draft, "_schedule", published_at_0="2001-01-01", published_at_1="10:00:00"
    )
    assert response.status_code == 200
    assert "To schedule it, give it a later date." in response.content.decode()
    assert state_of(draft) == "draft"


def test_publishing_checks_what_a_published_brief_needs_and_keeps_the_input(client, member):
    member("edith", EDITORS)
    draft = make_brief("Half Done", state=Status.DRAFT, body_en="", authors=[make_expert()])
    response = press(client, draft, "_publish", summary_en="A summary typed just now.")
    assert response.status_code == 200
    html = response.content.decode()
    assert "A published brief needs a body in English." in html
    assert "A summary typed just now." in html
    assert state_of(draft) == "draft"


def opened(client, brief):
    return form_data(client.get(change_url(brief)), "brief_form")


@pytest.mark.parametrize("second", [EDITORS, WRITERS, "Translators"])
def test_a_save_from_a_stale_form_is_refused_and_keeps_what_was_typed(
    client, member, django_user_model, second
):
    first = django_user_model.objects.create_superuser("first-editor", password="pw")
    other = member("second", second)
    brief = make_brief(
        "Gas Deals", state=Status.DRAFT, authors=[make_expert()], created_by=other, title_ar="صفقات"
    )
    client.force_login(other)
    theirs = opened(client, brief)  # the second person opens the form…
    client.force_login(first)
    mine = opened(client, brief)
    mine["summary_en"] = "Saved first."
    assert client.post(change_url(brief), mine).status_code == 302  # …the first one saves

    client.force_login(other)
    theirs["title_ar"] = "صفقات الغاز في المتوسط"
    if second != "Translators":
        theirs["summary_en"] = "Typed by the second person."
    response = client.post(change_url(brief), theirs)
    assert response.status_code == 200
    html = response.content.decode()
    assert "first-editor saved this brief at" in html
    assert "صفقات الغاز في المتوسط" in html  # everything typed is still there
    assert f'href="{change_url(brief)}"' in html
    brief.refresh_from_db()
    assert (brief.summary_en, brief.title_ar) == ("Saved first.", "صفقات")

    again = form_data(response, "brief_form")  # having seen it, they save again: theirs wins
    assert client.post(change_url(brief), again).status_code == 302
    brief.refresh_from_db()
    assert brief.title_ar == "صفقات الغاز في المتوسط"
