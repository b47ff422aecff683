"""Who may see which brief, in which language."""

from datetime import timedelta

import pytest
from django.utils import timezone

from briefs.models import Brief
from publishing import actions
from publishing.models import Status
from tests.factories import make_brief, make_expert

pytestmark = pytest.mark.django_db


def test_published_brief_is_public(client):
    brief = make_brief("Open Brief", authors=[make_expert()])
    assert client.get("/policy-analysis/open-brief").status_code == 200
    assert Brief.objects.live().get() == brief


def test_draft_is_not_public(client):
    make_brief("Draft Brief", state=Status.DRAFT)
    assert client.get("/policy-analysis/draft-brief").status_code == 404
    assert not Brief.objects.live().exists()


def test_future_dated_brief_is_not_public_yet(client):
    make_brief("Scheduled Brief", published_at=timezone.now() + timedelta(hours=1))
    assert client.get("/policy-analysis/scheduled-brief").status_code == 404


def test_staff_preview_drafts_without_caching(editor_client):
    make_brief("Draft Brief", state=Status.DRAFT)
    response = editor_client.get("/policy-analysis/draft-brief")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]


def test_brief_without_arabic_version_is_404_under_ar(client):
    make_brief("English Only")
    assert client.get("/policy-analysis/english-only").status_code == 200
    assert client.get("/ar/policy-analysis/english-only").status_code == 404


def test_arabic_title_without_body_is_not_an_arabic_version(client):
    brief = make_brief("Half Translated", title_ar="عنوان فقط")
    assert brief.slug_ar
    assert client.get(f"/ar/policy-analysis/{brief.slug_ar}").status_code == 404


def test_english_page_of_english_only_brief_offers_no_arabic(client):
    make_brief("English Only")
    page = client.get("/policy-analysis/english-only").content.decode()
    assert "Also available in" not in page
    assert 'hreflang="ar"' not in page


def test_arabic_slug_answers_only_under_ar(client):
    brief = make_brief("Translated", arabic=True)
    assert client.get(f"/ar/policy-analysis/{brief.slug_ar}").status_code == 200
    assert client.get(f"/policy-analysis/{brief.slug_ar}").status_code == 404
    assert client.get("/ar/policy-analysis/translated").status_code == 404


def test_unpublished_recommendation_leaves_the_rail(client):
    pick = make_brief("Pick")
    make_brief("Host", recommendations=[pick])
    assert "Pick" in client.get("/policy-analysis/host").content.decode()
    actions.BackToDraft(pick, actor="test").run()
    assert "Pick" not in client.get("/policy-analysis/host").content.decode()


def test_arabic_rail_skips_picks_without_arabic(client):
    english_only = make_brief("English Pick")
    translated = make_brief("Arabic Pick", arabic=True, title_ar="اختيار مترجم")
    host = make_brief("Host", arabic=True, recommendations=[english_only, translated])
    page = client.get(f"/ar/policy-analysis/{host.slug_ar}").content.decode()
    assert "اختيار مترجم" in page
    assert "English Pick" not in page
