"""The article page's queries do not grow with its authors, topics, regions or picks."""

import pytest

from languages.registry import LANGUAGE_CODES
from tests.factories import make_brief, make_expert, make_region, make_topic

pytestmark = pytest.mark.django_db

# brief, authors, topics, regions, curated picks, their authors, PDF attachments;
WITHOUT_THE_RAIL = 7
# then the rail: its related candidates, and the chosen briefs with their authors.
ARTICLE_QUERIES = WITHOUT_THE_RAIL + 2


# A version in each language.
TRANSLATED = {"arabic": True, "title_fa": "تحلیل آزمایشی", "body_fa": "<p>متن فارسی.</p>"}


def make_article(size, picks):
    authors = [make_expert(name_ar="خبير", name_fa="کارشناس") for _ in range(size)]
    topics = [make_topic(name_ar="موضوع", name_fa="موضوع") for _ in range(size)]
    regions = [make_region(name_ar="منطقة", name_fa="منطقه") for _ in range(size)]
    for _ in range(max(size, 3)):  # related briefs, for the rail's automatic picks
        make_brief(authors=authors[:1], topics=topics, regions=regions, **TRANSLATED)
    curated = [
        make_brief(authors=[make_expert() for _ in range(size)], **TRANSLATED) for _ in range(picks)
    ]
    return make_brief(
        "Measured",
        authors=authors,
        topics=topics,
        regions=regions,
        recommendations=curated,
        **TRANSLATED,
    )


@pytest.mark.parametrize(("size", "picks"), [(1, 1), (8, 2)])
@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_article_page_queries_are_constant(
    client, django_assert_num_queries, size, picks, language
):
    brief = make_article(size, picks)
    with django_assert_num_queries(ARTICLE_QUERIES):
        response = client.get(brief.url_in(language))
    html = response.content.decode()
    assert html.count('class="author-card"') == size
    assert html.count('class="teaser"') == 3


def test_a_rail_full_of_curated_picks_needs_no_related_query(client, django_assert_num_queries):
    brief = make_article(2, picks=3)
    with django_assert_num_queries(WITHOUT_THE_RAIL):
        client.get(brief.url_in("en"))
