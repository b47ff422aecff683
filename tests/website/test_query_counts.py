"""Every page type's queries stay constant as the data grows (1 brief, then 50, 3 authors each)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from languages.registry import LANGUAGE_CODES
from tests.factories import make_brief, make_expert, make_region, make_topic

pytestmark = pytest.mark.django_db

PAGES = {
    "/": 3,  # latest briefs, their authors, publication types
    # Lists of briefs are never counted: a page reads its rows and one more.
    "/policy-analysis/": 3,  # the span of years, briefs, authors (filter choices: cached)
    # The shared slug space is tried in order: brief, topic, region.
    # Topic and region pages page through the links' index: ids, briefs, authors.
    "/policy-analysis/energy": 5,  # no brief, topic, ids, briefs, authors
    "/policy-analysis/levant": 7,  # no brief, no topic, region, its subtree, ids, …
    "/experts/": 1,
    "/experts/anna-borshchevskaya": 6,  # expert, expertise (2), count, briefs, authors
    "/policy-analysis/feed/": 4,  # briefs, authors, topics, regions
    "/policy-analysis/energy/feed/": 6,  # the address space: no brief, topic; …
    "/experts/anna-borshchevskaya/feed/": 5,
}


def build(count):
    energy = make_topic("Energy", name_ar="الطاقة", name_fa="انرژی")
    levant = make_region("Levant", name_ar="المشرق", name_fa="شامات")
    syria = make_region("Syria", parent=levant, name_ar="سوريا", name_fa="سوریه")
    anna = make_expert("Anna Borshchevskaya", name_ar="آنا بورشيفسكايا", name_fa="آنا بورشفسکایا")
    anna.topics.add(energy)
    anna.regions.add(levant)
    for _ in range(count):
        make_brief(
            authors=[anna, *(make_expert(name_ar="خبير", name_fa="کارشناس") for _ in range(2))],
            topics=[energy],
            regions=[syria, levant],
            arabic=True,
            title_fa="تحلیل آزمایشی",
            body_fa="<p>متن فارسی.</p>",
        )


def queries(client, url):
    client.get(url)  # what a page keeps in the cache is kept: counted as a reader finds it
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("language", ["" if c == "en" else f"/{c}" for c in LANGUAGE_CODES])
@pytest.mark.parametrize(("path", "expected"), PAGES.items())
def test_queries_do_not_grow_with_the_data(client, settings, language, path, expected):
    settings.BRIEFS_PER_PAGE = 50
    build(1)
    small = queries(client, language + path)
    build(49)
    large = queries(client, language + path)
    assert (small, large) == (expected, expected)
