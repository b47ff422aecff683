"""The article page's queries do not grow with its authors, topics, regions or picks."""

import pytest

from tests.factories import make_brief, make_expert, make_region, make_topic

pytestmark = pytest.mark.django_db

ARTICLE_QUERIES = 6  # brief, authors, topics, regions, picks, picks' authors


def make_article(size):
    picks = [
        make_brief(authors=[make_expert() for _ in range(size)], arabic=True) for _ in range(size)
    ]
    return make_brief(
        "Measured",
        authors=[make_expert() for _ in range(size)],
        topics=[make_topic() for _ in range(size)],
        regions=[make_region() for _ in range(size)],
        recommendations=picks,
        arabic=True,
    )


@pytest.mark.parametrize("size", [1, 8])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_article_page_queries_are_constant(client, django_assert_num_queries, size, language):
    brief = make_article(size)
    with django_assert_num_queries(ARTICLE_QUERIES):
        response = client.get(brief.url_in(language))
    assert response.status_code == 200
    assert response.content.decode().count('class="author-card"') == size
    assert response.content.decode().count('class="teaser"') == size
