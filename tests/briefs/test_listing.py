"""/policy-analysis/: every published brief, newest first, filterable and paginated."""

from datetime import datetime

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from publishing.models import Status
from taxonomy.models import Topic
from tests.factories import (
    make_brief,
    make_expert,
    make_publication_type,
    make_region,
    make_topic,
)
from tests.html import visible_text

pytestmark = pytest.mark.django_db


def dated(year, month=1, day=1):
    return timezone.make_aware(datetime(year, month, day, 12))


@pytest.fixture
def archive():
    analysis, watch = make_publication_type("Brief Analysis"), make_publication_type("PolicyWatch")
    energy, security = make_topic("Energy"), make_topic("Security")
    levant = make_region("Levant")
    syria = make_region("Syria", parent=levant, name_ar="سوريا")
    anna, ben = make_expert("Anna Borshchevskaya"), make_expert("Ben Fishman")
    make_brief(
        "Gas in 2019",
        publication_type=analysis,
        topics=[energy],
        authors=[anna],
        published_at=dated(2019),
    )
    make_brief(
        "Syria Watch",
        publication_type=watch,
        regions=[syria],
        authors=[ben],
        topics=[security],
        published_at=dated(2021),
        arabic=True,
        title_ar="مرصد سوريا",
    )
    make_brief(
        "Levant Energy",
        publication_type=analysis,
        regions=[levant],
        topics=[energy],
        authors=[anna, ben],
        published_at=dated(2022),
    )
    make_brief("Draft", state=Status.DRAFT, topics=[energy])
    return locals()  # fmt: skip


def titles(response):
    return [brief.title for brief in response.context["briefs"]]


def test_lists_published_briefs_newest_first(client, archive):
    response = client.get("/policy-analysis/")
    assert titles(response) == ["Levant Energy", "Syria Watch", "Gas in 2019"]
    assertContains(response, "<h1>Policy Analysis</h1>", html=True)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"type": "policywatch"}, ["Syria Watch"]),
        ({"topic": "energy"}, ["Levant Energy", "Gas in 2019"]),
        ({"region": "levant"}, ["Levant Energy", "Syria Watch"]),  # Syria is inside the Levant
        ({"region": "syria"}, ["Syria Watch"]),
        ({"expert": "ben-fishman"}, ["Levant Energy", "Syria Watch"]),
        ({"year": "2019"}, ["Gas in 2019"]),
        ({"topic": "energy", "expert": "ben-fishman"}, ["Levant Energy"]),
        ({"topic": "energy", "year": "2021"}, []),
    ],
)
def test_filters_combine(client, archive, query, expected):
    assert titles(client.get("/policy-analysis/", query)) == expected


def test_filter_form_is_labelled_and_keeps_its_choices(client, archive):
    response = client.get("/policy-analysis/", {"topic": "energy", "year": "2022"})
    for label in ["Publication type", "Topic", "Region or country", "Expert", "Year"]:
        assertContains(response, f">{label}</label>")
    assertContains(response, '<option value="energy" selected>Energy</option>', html=True)
    assertContains(response, '<option value="2022" selected>2022</option>', html=True)
    assertContains(response, "Clear filters")


def test_filter_choices_are_read_once_and_follow_each_public_change(
    client, archive, django_capture_on_commit_callbacks, django_assert_num_queries
):
    client.get("/policy-analysis/")
    with django_assert_num_queries(3):  # the choices come from the cache
        client.get("/policy-analysis/")
    with django_capture_on_commit_callbacks(execute=True):
        make_topic("Water", name_ar="المياه")  # announced once committed
    with django_assert_num_queries(7):
        response = client.get("/policy-analysis/")
    assertContains(response, '<option value="water">Water</option>', html=True)
    response = client.get("/ar/policy-analysis/")
    assertContains(response, '<option value="water">المياه</option>', html=True)
    with django_capture_on_commit_callbacks(execute=True):
        Topic.objects.filter(slug="water").get().delete()
    assertNotContains(client.get("/policy-analysis/"), 'value="water"')


@pytest.mark.parametrize(
    "query",
    [{"topic": "no-such-topic"}, {"year": "abc"}, {"year": "1850"}, {"expert": "<script>"}],
)
def test_unknown_filter_values_give_a_clear_empty_state(client, archive, query):
    response = client.get("/policy-analysis/", query)
    assert response.status_code == 200
    assert titles(response) == []
    assertContains(response, "Some filters are not valid, so nothing is shown.")
    assertNotContains(response, "<script>")


def test_no_match_says_so(client, archive):
    response = client.get("/policy-analysis/", {"topic": "security", "year": "2019"})
    assertContains(response, "No analysis matches these filters.")


def test_pagination_keeps_the_filters(client, archive, settings):
    settings.BRIEFS_PER_PAGE = 1
    response = client.get("/policy-analysis/", {"topic": "energy"})
    assert titles(response) == ["Levant Energy"]
    assertContains(response, 'href="?topic=energy&amp;page=2"')
    assertContains(response, "Page 1<")  # never counted: "of N" would cost a count
    last = client.get("/policy-analysis/", {"topic": "energy", "page": 2})
    assert titles(last) != ["Levant Energy"] and len(titles(last)) == 1
    assertContains(last, 'rel="prev"')
    assertNotContains(last, 'rel="next"')
    assert client.get("/policy-analysis/", {"topic": "energy", "page": 3}).status_code == 404
    second = client.get("/policy-analysis/", {"topic": "energy", "page": "2"})
    assert titles(second) == ["Gas in 2019"]
    assert client.get("/policy-analysis/", {"page": "99"}).status_code == 404
    assert client.get("/policy-analysis/", {"page": "x"}).status_code == 404


def test_arabic_list_shows_only_arabic_versions_in_arabic(client, archive, settings):
    response = client.get("/ar/policy-analysis/")
    assert [brief.title for brief in response.context["briefs"]] == ["مرصد سوريا"]
    text = visible_text(response.content.decode())
    assert "تحليلات السياسات" in text
    assert "1 كانون الثاني/يناير 2021" in text
    assert "Syria Watch" not in text
    # Only the region with an Arabic name is offered as a filter.
    assertContains(response, '<option value="syria">سوريا</option>', html=True)
    assertNotContains(response, '<option value="levant">')


def test_arabic_pagination_is_arabic(client, archive, settings):
    settings.BRIEFS_PER_PAGE = 1
    make_brief("Second Arabic", arabic=True, title_ar="تحليل ثان")
    text = visible_text(client.get("/ar/policy-analysis/").content.decode())
    assert "الصفحة 1" in text
    assert "التالي" in text
