"""Briefs, topics and regions share /policy-analysis/<slug>; slugs are unique per language."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains

from briefs.models import Brief
from taxonomy.models import Region, Topic
from tests.factories import make_brief, make_region, make_topic

pytestmark = pytest.mark.django_db


def test_brief_slug_may_not_be_a_region_slug():
    make_region("Syria")
    brief = make_brief("Anything")
    brief.slug_en = "syria"
    with pytest.raises(ValidationError) as error:
        brief.full_clean()
    assert error.value.message_dict["slug_en"] == [
        "“syria” is already the address of the region or country “Syria”; choose another slug."
    ]


def test_arabic_brief_slug_may_not_be_a_topic_slug():
    make_topic("Energy")
    brief = make_brief("Anything", arabic=True)
    brief.slug_ar = "energy"
    with pytest.raises(ValidationError) as error:
        brief.full_clean()
    assert "slug_ar" in error.value.message_dict


def test_topic_slug_may_not_be_a_brief_slug_in_either_language():
    make_brief("Gas Deals", arabic=True, slug_ar="safaqat-alghaz")
    for slug in ("gas-deals", "safaqat-alghaz"):
        topic = Topic(name_en="Gas", slug=slug)
        with pytest.raises(ValidationError) as error:
            topic.full_clean()
        assert "brief" in error.value.message_dict["slug"][0]


def test_region_slug_may_not_be_a_topic_slug():
    make_topic("Energy")
    with pytest.raises(ValidationError):
        Region(name_en="Energy", slug="energy").full_clean()


def test_generated_slugs_step_around_the_shared_space():
    make_region("Syria")
    brief = make_brief("Syria")
    assert brief.slug_en == "syria-2"
    assert make_topic("Syria").slug == "syria-3"


def test_generated_slugs_are_unique_per_language():
    first = make_brief("Same Title", arabic=True, title_ar="عنوان واحد")
    second = make_brief("Same Title", arabic=True, title_ar="عنوان واحد")
    assert (first.slug_en, second.slug_en) == ("same-title", "same-title-2")
    assert (first.slug_ar, second.slug_ar) == ("nwan-wahd", "nwan-wahd-2")


def test_a_common_title_is_numbered_in_the_same_queries_however_many_share_it():
    kind = make_brief("Weekly Update").publication_type
    for _ in range(3):
        make_brief("Weekly Update", publication_type=kind)
    with CaptureQueriesContext(connection) as few:
        fifth = make_brief("Weekly Update", publication_type=kind)
    for _ in range(20):
        make_brief("Weekly Update", publication_type=kind)
    with CaptureQueriesContext(connection) as many:
        last = make_brief("Weekly Update", publication_type=kind)
    assert (fifth.slug_en, last.slug_en) == ("weekly-update-5", "weekly-update-26")
    assert len(many.captured_queries) == len(few.captured_queries)
    assert make_brief("Weekly Update Extra", publication_type=kind).slug_en == "weekly-update-extra"


def test_briefs_without_arabic_share_an_empty_arabic_slug():
    make_brief("One")
    make_brief("Two")
    assert Brief.objects.filter(slug_ar__isnull=True).count() == 2


def test_shared_space_pages_resolve_to_the_right_kind(client):
    make_topic("Energy")
    make_region("Syria")
    make_brief("Gas Deals")
    assertContains(client.get("/policy-analysis/energy"), "<h1>Energy</h1>", html=True)
    assertContains(client.get("/policy-analysis/syria"), "<h1>Syria</h1>", html=True)
    assert client.get("/policy-analysis/gas-deals").context["brief"].title_en == "Gas Deals"
    assert client.get("/policy-analysis/nothing-here").status_code == 404


def test_admin_refuses_a_topic_with_a_brief_slug(editor_client):
    make_brief("Gas Deals")
    response = editor_client.post(
        "/admin/taxonomy/topic/add/",
        {
            "name_en": "Gas",
            "name_ar": "",
            "slug": "gas-deals",
            "description_en": "",
            "description_ar": "",
        },
    )
    assertContains(response, "is already the address of the brief “Gas Deals”")
    assert not Topic.objects.exists()
