"""A brief's lead image: a <picture> of renditions on the article page and in lists, the
caption and credit in the reader's language, the image shared on social networks; and
no query more however many briefs have one."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from selectolax.lexbor import LexborHTMLParser

from library.models import Image
from tests import factories
from tests.factories import make_brief, make_expert

pytestmark = pytest.mark.django_db


def make_image(renditions=True, **fields):
    return factories.make_image(
        renditions=True,
        alt_en="Gas platform at sea",
        alt_ar="منصة غاز في البحر",
        caption_en="The Leviathan platform.",
        caption_ar="منصة ليفياثان.",
        credit_en="Drawn for the demo",
        credit_ar="رُسمت للعرض التوضيحي",
        **fields,
    )


def test_the_article_shows_the_lead_image_as_renditions_in_each_language(client):
    brief = make_brief(
        "Gas Deals", arabic=True, authors=[make_expert()], lead_image=make_image(renditions=True)
    )
    for language, alt, caption in [
        ("en", "Gas platform at sea", "The Leviathan platform."),
        ("ar", "منصة غاز في البحر", "منصة ليفياثان."),
    ]:
        html = client.get(brief.url_in(language)).content.decode()
        figure = LexborHTMLParser(html).css_first(".brief__lead-image")
        source, img = figure.css_first("source"), figure.css_first("img")
        assert source.attributes["type"] == "image/webp"
        assert source.attributes["srcset"].count(".webp ") == 4
        assert img.attributes["srcset"].count(".jpg ") == 4
        assert (img.attributes["width"], img.attributes["height"]) == ("1600", "900")
        assert img.attributes["alt"] == alt
        assert caption in figure.css_first("figcaption").text()
        head = LexborHTMLParser(html).css_first('meta[property="og:image"]').attributes
        assert head["content"].startswith("http://testserver/media/images/")
        assert '"image": "http://testserver/media/images/' in html  # schema.org


def test_lists_show_it_without_a_query_more(client):
    counts = []
    for size in (2, 8):
        for _ in range(size):
            make_brief(authors=[make_expert()], lead_image=make_image(renditions=True))
        cache.clear()  # the filters' choices read afresh each time, as after a change
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/policy-analysis/").content.decode()
        counts.append(len(queries))
        assert html.count('class="teaser__image"') == Image.objects.count()
    assert counts[0] == counts[1]
