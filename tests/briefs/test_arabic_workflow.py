"""The Arabic version's own state: a translator's save is an Arabic draft, sent to review
when ready; it reaches readers only once someone who may publish approves it, and
outdated Arabic stays public, flagged to editors. Forged steps are refused."""

import pytest
from reversion.models import Version

from briefs.models import Brief
from publishing.models import PublishingRecord, Status
from tests.browser_forms import form_data
from tests.factories import (
    make_brief,
    make_expert,
    make_publication_type,
    make_topic,
    set_state,
    state_of,
)
from translations.roles import EDITORS, TRANSLATORS, WRITERS

pytestmark = pytest.mark.django_db
ARABIC_BUTTONS = ["_send_to_review_ar", "_approve_ar", "_withdraw_ar"]


@pytest.fixture
def brief():
    """A public English brief with no Arabic yet, filed under a topic; what it shows of
    other objects (its type, author and topic) has Arabic."""
    energy = make_topic("Energy", name_ar="الطاقة")
    return make_brief(
        "Gas Deals",
        publication_type=make_publication_type("Brief Analysis", name_ar="تحليل موجز"),
        authors=[make_expert("Nadia Rahman", name_ar="نادية رحمن")],
        topics=[energy],
    )


def change_url(brief):
    return f"/admin/briefs/brief/{brief.pk}/change/"


def submit(client, brief, button=None, **changes):
    data = form_data(client.get(change_url(brief)), "brief_form")
    data.update(changes)
    if button:
        data[button] = "pressed"
    return client.post(change_url(brief), data)


def arabic_buttons(client, brief):
    html = client.get(change_url(brief)).content.decode()
    return [name for name in ARABIC_BUTTONS if f'name="{name}"' in html]


def arabic_page(client, brief):
    brief.refresh_from_db()
    return client.get(f"/ar/policy-analysis/{brief.slug_ar}") if brief.slug_ar else None


def arabic_surfaces(client, brief):
    """Where a public Arabic version shows, other than its page."""
    pages = {
        "listing": client.get("/ar/policy-analysis/"),
        "topic": client.get(f"/ar/policy-analysis/{brief.topics.get().slug}"),
        "feed": client.get("/ar/policy-analysis/feed/"),
        "english page": client.get(brief.url_in("en")),
    }
    title = "خطوط الغاز"
    return {
        name: title in page.content.decode() or "العربية" in page.content.decode()
        if name == "english page"
        else title in page.content.decode()
        for name, page in pages.items()
    }


ARABIC = {"title_ar": "خطوط الغاز", "body_ar": "<p>نص الترجمة.</p>"}


def test_a_translators_save_is_a_draft_and_goes_public_only_when_approved(client, member, brief):
    translator = member("tariq", TRANSLATORS)
    assert arabic_buttons(client, brief) == ["_send_to_review_ar"]

    assert submit(client, brief, **ARABIC).status_code == 302
    brief.refresh_from_db()
    assert (brief.title_ar, state_of(brief, "ar")) == ("خطوط الغاز", "draft")
    assert arabic_page(client, brief).status_code == 404
    assert not any(arabic_surfaces(client, brief).values())

    assert submit(client, brief, "_send_to_review_ar").status_code == 302
    brief.refresh_from_db()
    assert state_of(brief, "ar") == "review"
    assert arabic_page(client, brief).status_code == 404
    for forged in ("_approve_ar", "_withdraw_ar"):
        assert submit(client, brief, forged).status_code == 403
        assert state_of(brief, "ar") == "review"

    editor = member("edith", EDITORS)
    waiting = client.get("/admin/briefs/brief/?state_ar=review").content.decode()
    assert "Gas Deals" in waiting
    assert arabic_buttons(client, brief) == ["_approve_ar"]
    response = submit(client, brief, "_approve_ar")
    assert response.status_code == 302
    assert "Arabic: Published" in client.get(response.url).content.decode()
    assert arabic_page(client, brief).status_code == 200
    assert all(arabic_surfaces(client, brief).values())

    records = PublishingRecord.objects.filter(object_id=brief.pk, language="ar").order_by("at")
    assert [(r.action, r.user) for r in records] == [
        ("review", translator),
        ("approve", editor),
    ]
    comments = [v.revision.comment for v in Version.objects.get_for_object(brief)]
    assert len(comments) == 3  # each save of the three kept in the history


def test_approving_needs_an_arabic_title_and_body_and_loses_nothing_typed(client, member, brief):
    member("edith", EDITORS)
    response = submit(client, brief, "_approve_ar", title_ar="عنوان فقط")
    assert response.status_code == 200
    assert "A version in Arabic needs a title and a body in it" in response.content.decode()
    assert "عنوان فقط" in response.content.decode()
    assert state_of(brief, "ar") is None  # nothing saved


def test_writers_cannot_approve_ar_either(client, member):
    writer = member("wanda", WRITERS)
    own = make_brief("Own Draft", state=Status.DRAFT, created_by=writer, authors=[make_expert()])
    assert submit(client, own, "_approve_ar", **ARABIC).status_code == 403
    assert state_of(own, "ar") is None and Brief.objects.get(pk=own.pk).title_ar is None


def test_outdated_arabic_stays_public_and_is_flagged_to_editors(client, member, brief):
    make_brief_arabic_public(brief)
    member("edith", EDITORS)
    rewritten = submit(client, brief, None, body_en="<p>A rewritten English body.</p>")
    assert rewritten.status_code == 302
    assert arabic_page(client, brief).status_code == 200
    changelist = client.get("/admin/briefs/brief/?translation_ar=outdated").content.decode()
    assert "Gas Deals" in changelist
    form = client.get(change_url(brief)).content.decode()
    assert "The English version changed since this was translated" in form
    assert "rewritten" in form  # the word diff shows what moved


def test_an_arabic_edit_to_a_live_version_waits_and_the_version_stays_public(client, member, brief):
    make_brief_arabic_public(brief)
    member("edith", EDITORS)
    submit(client, brief, None, title_ar="خطوط الغاز الجديدة")
    assert state_of(brief, "ar") == "live"
    assert "خطوط الغاز الجديدة" not in arabic_page(client, brief).content.decode()
    submit(client, brief, "_approve_ar")
    assert "خطوط الغاز الجديدة" in arabic_page(client, brief).content.decode()

    member("tariq", TRANSLATORS)
    submit(client, brief, None, body_ar="<p>ترجمة لم تكتمل بعد</p>")
    assert state_of(brief, "ar") == "live"  # the half-finished text is not public
    page = arabic_page(client, brief).content.decode()
    assert "خطوط الغاز الجديدة" in page and "ترجمة لم تكتمل بعد" not in page


def test_an_editor_withdraws_the_arabic_and_the_english_stays(client, member, brief):
    make_brief_arabic_public(brief)
    member("edith", EDITORS)
    assert arabic_buttons(client, brief) == ["_withdraw_ar"]
    asked = submit(client, brief, "_withdraw_ar")  # first asked to confirm, and why
    assert asked.status_code == 200
    assert "Withdraw the Arabic version of “Gas Deals”?" in asked.content.decode()
    assert 'name="withdraw_reason"' in asked.content.decode()
    assert arabic_page(client, brief).status_code == 200  # nothing done yet
    reason = "The translation of the second paragraph is wrong."
    withdrawn = submit(client, brief, "_withdraw_ar", withdraw_reason=reason)
    assert withdrawn.status_code == 302
    assert arabic_page(client, brief).status_code == 404
    assert client.get(brief.url_in("en")).status_code == 200
    record = PublishingRecord.objects.get(language="ar", action="withdraw")
    assert record.note == reason
    history = client.get(f"/admin/briefs/brief/{brief.pk}/history/").content.decode()
    assert f"Arabic: withdrawn: {reason}" in history


def test_arabic_awaiting_approval_of_a_public_brief_has_a_share_link(client, member, brief):
    member("tariq", TRANSLATORS)
    submit(client, brief, "_send_to_review_ar", **ARABIC)
    member("edith", EDITORS)
    html = client.get(change_url(brief)).content.decode()
    [arabic_link] = [part.split('"')[0] for part in html.split('href="/ar/preview/')[1:]]
    assert 'href="/preview/' not in html  # the English is public: no preview to share
    client.logout()
    shared = client.get(f"/ar/preview/{arabic_link}")
    assert shared.status_code == 200
    assert "خطوط الغاز" in shared.content.decode()
    assert shared["X-Robots-Tag"] == "noindex, nofollow"


def make_brief_arabic_public(brief):
    Brief.objects.filter(pk=brief.pk).update(**ARABIC)
    brief.refresh_from_db()
    set_state(brief, "ar", Status.LIVE)  # and records what the Arabic was translated from
    assert brief.has_version_in("ar")


def test_a_translators_untouched_save_keeps_approved_arabic_public(client, member):
    """Browsers send a textarea's paragraphs with CRLF line breaks (tests.browser_forms
    does too): an untouched save is no edit, and approved Arabic stays public."""
    brief = make_brief(
        "Gas Deals",
        authors=[make_expert(name_ar="نادية رحمن")],
        title_ar="صفقات الغاز",
        body_ar="<p>الفقرة الأولى.</p>\n<p>الفقرة الثانية.</p>",
        body_en="<p>First.</p>\n<p>Second.</p>",
    )
    member("tariq", TRANSLATORS)
    assert "\r\n" in form_data(client.get(change_url(brief)), "brief_form")["body_ar"]
    assert submit(client, brief).status_code == 302
    assert state_of(brief, "ar") == "live"
    assert arabic_page(client, brief).status_code == 200
