"""The RECOMMENDED rail: curated picks first, then related briefs, then the newest."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains

from briefs.models import Brief, Recommendation
from briefs.rail import rail_for
from publishing import actions
from publishing.models import Status
from tests.factories import make_brief, make_expert, make_region, make_topic
from tests.html import visible_text

pytestmark = pytest.mark.django_db

SEED_SLUG = "netanyahu-and-putin-rendezvous-paris"
SEED_RAIL = [
    "how-make-russia-pay-ukraine-study-syria",
    "bennetts-bahrain-visit-further-invigorates-israel-gulf-diplomacy",
    "libyas-renewed-legitimacy-crisis",
]


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def slugs(picks):
    return [pick.brief.slug_en for pick in picks]


def titles(picks):
    return [pick.brief.title_en for pick in picks]


def seed_article():
    return Brief.objects.for_detail().get(slug_en=SEED_SLUG)


def test_seed_rail_comes_out_by_itself_without_curated_picks(client, demo):
    Recommendation.objects.all().delete()

    picks = rail_for(seed_article(), "en")
    assert slugs(picks) == SEED_RAIL
    assert [pick.reason for pick in picks] == [
        "shares author Anna Borshchevskaya; region Syria",
        "shares region Israel",
        "newest analysis",
    ]
    text = visible_text(client.get(f"/policy-analysis/{SEED_SLUG}").content.decode())
    assert (
        text.index("How to Make Russia Pay")
        < text.index("Bennett's Bahrain")
        < text.index("Libya's Renewed")
    )


def test_seed_rail_in_arabic_shows_the_same_briefs_in_arabic(demo):
    Recommendation.objects.all().delete()
    picks = rail_for(seed_article(), "ar")
    assert slugs(picks) == SEED_RAIL
    assert picks[0].reason == "shares author آنا بورشيفسكايا; region سوريا"  # names in Arabic


def test_curated_picks_come_first_in_their_order_then_related():
    anna = make_expert("Anna")
    make_brief("Related", authors=[anna], published_at=days_ago(1))
    first, second = make_brief("First Pick"), make_brief("Second Pick")
    article = make_brief("Article", authors=[anna], recommendations=[second, first])
    picks = rail_for(Brief.objects.for_detail().get(pk=article.pk), "en")
    assert titles(picks) == ["Second Pick", "First Pick", "Related"]
    assert [pick.curated for pick in picks] == [True, True, False]


def test_rail_never_shows_the_article_or_a_brief_twice():
    anna = make_expert("Anna")
    pick = make_brief("Pick", authors=[anna])
    article = make_brief("Article", authors=[anna], recommendations=[pick])
    make_brief("Other", authors=[anna])
    picks = titles(rail_for(Brief.objects.for_detail().get(pk=article.pk), "en"))
    assert "Article" not in picks
    assert len(picks) == len(set(picks)) == 2


def test_score_weighs_authors_over_regions_over_topics():
    anna, syria, energy = make_expert("Anna"), make_region("Syria"), make_topic("Energy")
    same_day = days_ago(2)
    make_brief("Shares Topic", topics=[energy], published_at=same_day)
    make_brief("Shares Region", regions=[syria], published_at=same_day)
    make_brief("Shares Author", authors=[anna], published_at=same_day)
    article = make_brief("Article", authors=[anna], regions=[syria], topics=[energy])
    assert titles(rail_for(article, "en")) == ["Shares Author", "Shares Region", "Shares Topic"]


def test_recent_briefs_are_preferred():
    anna, energy = make_expert("Anna"), make_topic("Energy")
    make_brief("Old Author Match", authors=[anna], published_at=days_ago(400))
    make_brief("New Topic Match", topics=[energy], published_at=days_ago(1))
    article = make_brief("Article", authors=[anna], topics=[energy])
    assert titles(rail_for(article, "en", size=2)) == ["New Topic Match", "Old Author Match"]


def test_ties_are_broken_by_date_then_id():
    energy = make_topic("Energy")
    moment = timezone.make_aware(datetime(2024, 5, 1, 12))
    older = make_brief("Older", topics=[energy], published_at=moment - timedelta(seconds=1))
    first = make_brief("Same Time A", topics=[energy], published_at=moment)
    second = make_brief("Same Time B", topics=[energy], published_at=moment)
    article = make_brief("Article", topics=[energy])
    assert slugs(rail_for(article, "en")) == [second.slug_en, first.slug_en, older.slug_en]


def test_newest_briefs_fill_the_rail_when_few_are_related():
    anna = make_expert("Anna")
    make_brief("Related", authors=[anna], published_at=days_ago(300))
    make_brief("Newest Unrelated", published_at=days_ago(1))
    make_brief("Older Unrelated", published_at=days_ago(2))
    make_brief("Oldest Unrelated", published_at=days_ago(3))
    article = make_brief("Article", authors=[anna])
    assert titles(rail_for(article, "en")) == ["Related", "Newest Unrelated", "Older Unrelated"]


def test_rail_size_is_a_setting(settings):
    for _ in range(6):
        make_brief()
    settings.RAIL_SIZE = 5
    assert len(rail_for(make_brief("Article"), "en")) == 5


def test_drafts_and_future_briefs_never_appear():
    anna = make_expert("Anna")
    make_brief("Draft", authors=[anna], state=Status.DRAFT)
    make_brief("Future", authors=[anna], published_at=timezone.now() + timedelta(days=1))
    draft_pick = make_brief("Draft Pick", state=Status.DRAFT)
    article = make_brief("Article", authors=[anna], recommendations=[draft_pick])
    assert titles(rail_for(Brief.objects.for_detail().get(pk=article.pk), "en")) == []


def test_unpublished_or_deleted_brief_leaves_every_rail_at_once(client):
    anna = make_expert("Anna")
    gone = make_brief("Soon Gone", authors=[anna])
    article = make_brief("Article", authors=[anna])
    assertContains(client.get(article.get_absolute_url()), "Soon Gone")

    actions.BackToDraft(gone, actor="test").run()
    assert "Soon Gone" not in client.get(article.get_absolute_url()).content.decode()

    actions.Publish(gone, actor="test").run()
    assertContains(client.get(article.get_absolute_url()), "Soon Gone")
    gone.delete()
    assert "Soon Gone" not in client.get(article.get_absolute_url()).content.decode()


def test_links_added_later_count_for_the_rail():
    anna = make_expert("Anna")
    later = make_brief("Linked Later", published_at=days_ago(1))
    later.authors.add(anna, through_defaults={"position": 0})
    make_brief("Newer Unrelated", published_at=days_ago(0))
    article = make_brief("Article", authors=[anna])
    assert titles(rail_for(article, "en", size=1)) == ["Linked Later"]


def test_arabic_rail_shows_only_arabic_versions_and_skips_curated_without_one():
    anna = make_expert("Anna", name_ar="آنا")
    english_pick = make_brief("English Pick")
    arabic_pick = make_brief("Arabic Pick", arabic=True, title_ar="اختيار عربي")
    make_brief("English Related", authors=[anna])
    make_brief("Arabic Related", authors=[anna], arabic=True, title_ar="تحليل ذو صلة")
    article = make_brief(
        "Article", authors=[anna], arabic=True, recommendations=[english_pick, arabic_pick]
    )
    article = Brief.objects.for_detail().get(pk=article.pk)
    arabic = rail_for(article, "ar")
    assert [pick.brief.title_ar for pick in arabic][:2] == ["اختيار عربي", "تحليل ذو صلة"]
    assert all(pick.brief.is_live("ar") for pick in arabic)
    assert titles(rail_for(article, "en"))[:2] == ["English Pick", "Arabic Pick"]


def test_admin_form_shows_each_languages_rail_with_reasons(editor_client, demo):
    Recommendation.objects.all().delete()
    seed = Brief.objects.get(slug_en=SEED_SLUG)
    response = editor_client.get(f"/admin/briefs/brief/{seed.pk}/change/")
    assertContains(response, "shares author Anna Borshchevskaya; region Syria")
    assertContains(response, "shares region Israel")
    assertContains(response, "newest analysis")
    assertContains(response, "shares author آنا بورشيفسكايا; region سوريا")
    assertContains(response, 'lang="ar">كيف نجعل روسيا تدفع الثمن في أوكرانيا: دروس من سوريا</a>')
