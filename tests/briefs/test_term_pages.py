"""Topic and region pages: name, description and published briefs, in both languages."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains

from publishing.models import Status
from tests.factories import make_brief, make_region, make_topic

pytestmark = pytest.mark.django_db


def titles(response):
    return [brief.title for brief in response.context["briefs"]]


def test_topic_page_shows_description_and_its_briefs(client):
    energy = make_topic("Energy", description_en="<p>Oil, <em>gas</em> and power.</p>")
    make_brief("Gas Deals", topics=[energy])
    make_brief("Unrelated")
    make_brief("Hidden Draft", topics=[energy], state=Status.DRAFT)
    response = client.get("/policy-analysis/energy")
    assertContains(response, "<h1>Energy</h1>", html=True)
    assertContains(response, "<p>Oil, <em>gas</em> and power.</p>", html=True)
    assert titles(response) == ["Gas Deals"]


def test_region_page_includes_briefs_of_its_countries(client):
    gulf = make_region("Gulf")
    bahrain = make_region("Bahrain", parent=gulf)
    make_brief("Gulf Diplomacy", regions=[gulf])
    make_brief("Bahrain Visit", regions=[bahrain])
    make_brief("Both", regions=[gulf, bahrain])
    assert sorted(titles(client.get("/policy-analysis/gulf"))) == [
        "Bahrain Visit",
        "Both",
        "Gulf Diplomacy",
    ]
    assert sorted(titles(client.get("/policy-analysis/bahrain"))) == ["Bahrain Visit", "Both"]


def test_region_group_pages_list_each_brief_once_newest_first(client, settings):
    settings.BRIEFS_PER_PAGE = 3
    gulf = make_region("Gulf")
    bahrain, oman = make_region("Bahrain", parent=gulf), make_region("Oman", parent=gulf)
    day = timezone.make_aware(datetime(2024, 5, 1))
    for number, regions in enumerate(
        [[bahrain], [oman], [bahrain, oman], [gulf, oman], [bahrain], [oman], [gulf]]
    ):
        make_brief(f"Brief {number}", regions=regions, published_at=day - timedelta(days=number))
    pages = [titles(client.get(f"/policy-analysis/gulf?page={page}")) for page in (1, 2, 3)]
    assert pages == [
        ["Brief 0", "Brief 1", "Brief 2"],
        ["Brief 3", "Brief 4", "Brief 5"],
        ["Brief 6"],
    ]


def test_arabic_topic_page(client):
    energy = make_topic("Energy", name_ar="الطاقة")
    make_brief("Gas Deals", topics=[energy], arabic=True, title_ar="صفقات الغاز")
    make_brief("English Only", topics=[energy])
    response = client.get("/ar/policy-analysis/energy")
    assertContains(response, "<h1>الطاقة</h1>", html=True)
    assert titles(response) == ["صفقات الغاز"]
    assertContains(response, 'href="/policy-analysis/energy" hreflang="en"')


def test_topic_without_arabic_name_has_no_arabic_page(client):
    make_topic("Energy")
    assert client.get("/ar/policy-analysis/energy").status_code == 404
    page = client.get("/policy-analysis/energy").content.decode()
    assert 'hreflang="ar"' not in page
