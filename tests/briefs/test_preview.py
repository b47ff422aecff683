"""Preview the form as it stands, unsaved, in either language; share a signed, expiring
link to a brief not yet public with someone who has no account."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from briefs.models import Brief
from publishing import actions
from publishing.models import Status
from tests.briefs.admin_forms import brief_form
from tests.browser_forms import form_data
from tests.factories import make_brief, make_expert, make_publication_type
from tests.html import visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return make_brief(
        "Gas Deals",
        state=Status.DRAFT,
        title_ar="صفقات الغاز",
        body_ar="<p>نص.</p>",
        authors=[make_expert("Anna Borshchevskaya", name_ar="آنا بورشفسكايا")],
    )


def change_url(brief):
    return f"/admin/briefs/brief/{brief.pk}/change/"


def preview(client, brief, language, **typed):
    data = form_data(client.get(change_url(brief)), "brief_form")
    data.update(typed)
    return client.post(f"/admin/briefs/brief/{brief.pk}/preview/?language={language}", data)


def test_preview_shows_the_unsaved_form_in_each_language(admin_client, draft):
    other = make_expert("Ben Fishman")
    typed = {
        "title_en": "Gas Deals, Revised Before Saving",
        "title_ar": "صفقات الغاز بعد المراجعة",
        "authorships-TOTAL_FORMS": "2",
        "authorships-1-expert": str(other.pk),
        "authorships-1-position": "0",
        "authorships-0-position": "1",
    }
    english = preview(admin_client, draft, "en", **typed)
    assert english.status_code == 200
    text = visible_text(english.content.decode())
    assert "PREVIEW" in text and "Gas Deals, Revised Before Saving" in text
    assert text.index("Ben Fishman") < text.index("Anna Borshchevskaya")  # the typed order
    assert '<meta name="robots" content="noindex, nofollow">' in english.content.decode()
    assert "no-cache" in english["Cache-Control"]
    arabic = preview(admin_client, draft, "ar", **typed)
    assert 'lang="ar" dir="rtl"' in arabic.content.decode()
    assert "صفقات الغاز بعد المراجعة" in arabic.content.decode()
    assert Brief.objects.get(pk=draft.pk).title_en == "Gas Deals"  # nothing was saved


def test_preview_is_for_those_who_may_change_the_brief(client, draft):
    assert client.post(f"/admin/briefs/brief/{draft.pk}/preview/").status_code == 302  # log in


def share_links(client, brief):
    html = client.get(change_url(brief)).content.decode()
    return re.findall(r'href="(/(?:ar/)?preview/[^"]+)"', html)


def test_a_shared_link_opens_the_draft_without_an_account_in_both_languages(
    admin_client, client, draft
):
    english, arabic = share_links(admin_client, draft)
    assert arabic.startswith("/ar/preview/")
    response = client.get(english)
    assert response.status_code == 200
    assert "PREVIEW" in response.content.decode() and "Gas Deals" in response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    assert "no-cache" in response["Cache-Control"]
    assert "صفقات الغاز" in client.get(arabic).content.decode()


def test_a_tampered_or_expired_link_gets_a_clear_page_and_never_the_content(
    admin_client, client, draft
):
    english, _arabic = share_links(admin_client, draft)
    other = make_brief("Another Draft", state=Status.DRAFT, authors=[make_expert()])
    token = english.rsplit("/", 1)[1]
    forged = token.replace(f"{draft.pk}:", f"{other.pk}:", 1)
    for url in [f"/preview/{forged}", english[:-3] + "abc", "/preview/garbage", "/preview/1"]:
        response = client.get(url)
        assert response.status_code == 404
        assert "This preview link is not valid" in response.content.decode()
        assert "Gas Deals" not in response.content.decode()
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        assert client.get(english).status_code == 404
    with time_machine.travel(timezone.now() + timedelta(days=6)):
        assert client.get(english).status_code == 200


def test_a_link_to_a_brief_since_published_leads_to_its_page_and_withdrawn_to_nothing(
    admin_client, client, draft
):
    english, _arabic = share_links(admin_client, draft)
    actions.Publish(draft, actor="test").run()
    assert client.get(english)["Location"] == "/policy-analysis/gas-deals"
    actions.Withdraw(draft, actor="test").run()
    assert client.get(english).status_code == 404


def test_public_briefs_offer_no_share_link(admin_client):
    public = make_brief("Out Already", authors=[make_expert()])
    assert share_links(admin_client, public) == []


def test_the_add_form_previews_too(admin_client):
    author = make_expert()
    data = brief_form(make_publication_type(), authors=[(author, 0)], title_en="Not Saved Yet")
    response = admin_client.post("/admin/briefs/brief/preview/?language=en", data)
    assert response.status_code == 200
    assert "Not Saved Yet" in response.content.decode()
    assert not Brief.objects.exists()


@pytest.mark.parametrize(
    "hostile",
    [
        {"authorships-TOTAL_FORMS": "99999999999999999999"},
        {"authorships-TOTAL_FORMS": "²", "brieftopic_set-TOTAL_FORMS": "-1"},
        {
            "authorships-TOTAL_FORMS": "1",
            "authorships-0-expert": "٣",
            "authorships-0-position": "x",
        },
        {"authorships-0-expert": "99999999999999999999999"},
        {"published_at_0": "garbage", "title_en": "x" * 5000},
    ],
)
def test_a_hostile_preview_post_is_shown_calmly(admin_client, draft, hostile):
    response = preview(admin_client, draft, "en", **hostile)
    assert response.status_code == 200
    assert "PREVIEW" in response.content.decode()
    assert Brief.objects.get(pk=draft.pk).title_en == "Gas Deals"
