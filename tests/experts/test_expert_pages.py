"""Expert pages and the experts list, in both languages."""

from datetime import datetime

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from publishing.models import Status
from tests.factories import make_brief, make_expert, make_image, make_region, make_topic
from tests.html import visible_text

pytestmark = pytest.mark.django_db


def test_expert_page_shows_profile_expertise_and_briefs(client):
    energy, syria = make_topic("Energy"), make_region("Syria")
    anna = make_expert(
        "Anna Borshchevskaya",
        role_en="Senior Fellow",
        full_bio_en="<p>Works on <strong>Russia</strong>.</p>",
        portrait=make_image(
            renditions=True, alt_en="Anna Borshchevskaya, smiling", size=(900, 1200)
        ),
    )
    anna.topics.add(energy)
    anna.regions.add(syria)
    make_brief("Older", authors=[anna], published_at=timezone.make_aware(datetime(2019, 1, 1)))
    make_brief("Newer", authors=[anna], published_at=timezone.make_aware(datetime(2021, 1, 1)))
    make_brief("Someone Else's", authors=[make_expert()])

    response = client.get("/experts/anna-borshchevskaya")
    assertContains(response, "<h1>Anna Borshchevskaya</h1>", html=True)
    assertContains(response, '<p class="expert__role">Senior Fellow</p>', html=True)
    assertContains(response, "<p>Works on <strong>Russia</strong>.</p>", html=True)
    assertContains(response, 'alt="Anna Borshchevskaya, smiling"')
    assertContains(response, 'width="640" height="640"')  # a square portrait rendition
    assertContains(response, '<a href="/policy-analysis/energy">Energy</a>', html=True)
    assertContains(response, '<a href="/policy-analysis/syria">Syria</a>', html=True)
    assert [brief.title for brief in response.context["briefs"]] == ["Newer", "Older"]


def test_experts_list_sorts_by_surname_and_hides_inactive(client):
    make_expert("Simon Henderson")
    make_expert("Anna Borshchevskaya")
    make_expert("Ben Fishman")
    make_expert("Gone Away", is_active=False)
    text = visible_text(client.get("/experts/").content.decode())
    assert text.index("Anna Borshchevskaya") < text.index("Ben Fishman") < text.index("Simon")
    assert "Gone Away" not in text


def test_arabic_expert_pages(client):
    make_expert("Anna Borshchevskaya", name_ar="آنا بورشيفسكايا", role_ar="زميلة أولى")
    make_expert("Ben Fishman", name_ar="بن فيشمان")
    make_expert("Untranslated Person")
    listing = client.get("/ar/experts/")
    text = visible_text(listing.content.decode())
    assert text.index("بورشيفسكايا") < text.index("فيشمان")
    assertNotContains(listing, "Untranslated")
    page = client.get("/ar/experts/anna-borshchevskaya")
    assertContains(page, "<h1>آنا بورشيفسكايا</h1>", html=True)
    assert client.get("/ar/experts/untranslated-person").status_code == 404


def test_expert_briefs_are_paginated(client, settings):
    settings.BRIEFS_PER_PAGE = 2
    anna = make_expert("Anna Borshchevskaya")
    for _ in range(3):
        make_brief(authors=[anna])
    response = client.get("/experts/anna-borshchevskaya")
    assert len(response.context["briefs"]) == 2
    assertContains(response, 'href="?page=2"')
    assert len(client.get("/experts/anna-borshchevskaya?page=2").context["briefs"]) == 1


def test_an_experts_pages_count_the_briefs_readers_may_see_in_each_language(client, settings):
    settings.BRIEFS_PER_PAGE = 1
    anna = make_expert("Anna Borshchevskaya", name_ar="آنا بورشيفسكايا")
    make_brief(authors=[anna], arabic=True)
    make_brief(authors=[anna])  # English only
    make_brief(authors=[anna], arabic=True, arabic_state=Status.REVIEW)  # Arabic not approved
    make_brief(authors=[anna], state=Status.DRAFT)
    make_brief(authors=[anna], state=Status.WITHDRAWN, arabic=True)
    english = client.get("/experts/anna-borshchevskaya").context["page_obj"].paginator
    arabic = client.get("/ar/experts/anna-borshchevskaya").context["page_obj"].paginator
    assert (english.count, english.num_pages) == (3, 3)
    assert (arabic.count, arabic.num_pages) == (1, 1)
    assert client.get("/experts/anna-borshchevskaya?page=4").status_code == 404
