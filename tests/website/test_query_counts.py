"""Every page type's queries stay constant as the data grows (1 brief, then 50, 3 authors each)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_brief, make_expert, make_region, make_topic

pytestmark = pytest.mark.django_db

# Each page also asks once for the next scheduled brief's minute (website.page_cache).
PAGES = {
    "/": 4,  # latest briefs, their authors, publication types
    # Lists of briefs are never counted: a page reads its rows and one more.
    "/policy-analysis/": 4,  # the span of years, briefs, authors (filter choices: cached)
    # The shared slug space is tried in order: brief, topic, region.
    # Topic and region pages page through the links' index: ids, briefs, authors.
    "/policy-analysis/energy": 6,  # no brief, topic, ids, briefs, authors
    "/policy-analysis/levant": 8,  # no brief, no topic, region, its subtree, ids, …
    "/experts/": 2,
    "/experts/anna-borshchevskaya": 7,  # expert, expertise (2), count, briefs, authors
    "/policy-analysis/feed/": 5,  # briefs, authors, topics, regions
    "/policy-analysis/energy/feed/": 6,
    "/experts/anna-borshchevskaya/feed/": 6,
}


def build(count):
    energy = make_topic("Energy", name_ar="الطاقة")
    levant = make_region("Levant", name_ar="المشرق")
    syria = make_region("Syria", parent=levant, name_ar="سوريا")
    anna = make_expert("Anna Borshchevskaya", name_ar="آنا بورشيفسكايا")
    anna.topics.add(energy)
    anna.regions.add(levant)
    for _ in range(count):
        make_brief(
            authors=[anna, make_expert(name_ar="خبير"), make_expert(name_ar="خبير")],
            topics=[energy],
            regions=[syria, levant],
            arabic=True,
        )


def queries(client, url):
    client.get(url)  # what a page keeps in the cache is kept: counted as a reader finds it
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("language", ["", "/ar"])
@pytest.mark.parametrize(("path", "expected"), PAGES.items())
def test_queries_do_not_grow_with_the_data(client, settings, language, path, expected):
    settings.BRIEFS_PER_PAGE = 50
    build(1)
    small = queries(client, language + path)
    build(49)
    large = queries(client, language + path)
    assert (small, large) == (expected, expected)
