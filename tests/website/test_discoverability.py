"""What search engines and social networks read: titles, canonical and hreflang, OG, JSON-LD."""

import json
import re

import pytest
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db

SEED = "/policy-analysis/netanyahu-and-putin-rendezvous-paris"
SEED_AR = "/ar/policy-analysis/lqa-ntnyahw-wbwty-nfy-barys"

EVERY_PAGE = [
    ("/", "/ar/"),
    ("/policy-analysis/", "/ar/policy-analysis/"),
    (SEED, SEED_AR),
    ("/policy-analysis/military-security", "/ar/policy-analysis/military-security"),
    ("/policy-analysis/syria", "/ar/policy-analysis/syria"),
    ("/experts/", "/ar/experts/"),
    ("/experts/anna-borshchevskaya", "/ar/experts/anna-borshchevskaya"),
]


def json_ld(response):
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return json.loads(match.group(1))


@pytest.mark.parametrize(("english", "arabic"), EVERY_PAGE)
def test_every_page_has_title_description_canonical_and_hreflang(client, demo, english, arabic):
    for url, language in [(english, "en"), (arabic, "ar")]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert re.search(r"<title>[^<]+</title>", html)
        assert re.search(r'<meta name="description" content="[^"]+">', html)
        assertContains(response, f'<link rel="canonical" href="http://testserver{url}">')
        assertContains(
            response, f'<link rel="alternate" hreflang="en" href="http://testserver{english}">'
        )
        assertContains(
            response, f'<link rel="alternate" hreflang="ar" href="http://testserver{arabic}">'
        )
        assertContains(
            response,
            f'<link rel="alternate" hreflang="x-default" href="http://testserver{english}">',
        )
        assert html.count("<h1") == 1, url
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), f"duplicate ids on {url}"
        assert f'<html lang="{language}"' in html


def test_article_has_open_graph_twitter_and_news_article(client, demo):
    response = client.get(SEED)
    assertContains(response, '<meta property="og:type" content="article">')
    assertContains(
        response, '<meta property="og:title" content="Netanyahu and Putin Rendezvous in Paris">'
    )
    assertContains(
        response, '<meta property="article:published_time" content="2015-11-30T12:00:00+00:00">'
    )
    assertContains(response, '<meta name="twitter:card" content="summary_large_image">')
    assertContains(response, '<meta property="og:image" content="http://testserver/media/images/')
    data = json_ld(response)
    assert data["image"].startswith("http://testserver/media/images/")  # the lead image
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Netanyahu and Putin Rendezvous in Paris"
    assert data["inLanguage"] == "en"
    assert data["datePublished"].startswith("2015-11-30")
    assert data["author"][0]["@type"] == "Person"
    assert data["author"][0]["name"] == "Anna Borshchevskaya"
    assert data["author"][0]["url"] == "http://testserver/experts/anna-borshchevskaya"


def test_arabic_article_structured_data_is_arabic(client, demo):
    data = json_ld(client.get(SEED_AR))
    assert data["inLanguage"] == "ar"
    assert data["headline"] == "لقاء نتنياهو وبوتين في باريس"
    assert data["author"][0]["url"] == "http://testserver/ar/experts/anna-borshchevskaya"


def test_expert_page_has_person_data_and_open_graph(client, demo):
    response = client.get("/experts/anna-borshchevskaya")
    assertContains(response, '<meta property="og:type" content="profile">')
    data = json_ld(response)
    assert data == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Anna Borshchevskaya",
        "url": "http://testserver/experts/anna-borshchevskaya",
        "jobTitle": "Senior Fellow",
        "image": data["image"],
    }
    assert data["image"].startswith("http://testserver/media/images/")
    assert "anna-borshchevskaya" in data["image"]  # her portrait, from the library


def test_json_ld_cannot_be_broken_out_of(client, demo):
    from briefs.models import Brief

    Brief.objects.filter(slug_en=SEED.rsplit("/", 1)[1]).update(
        title_en="</script><script>alert(1)</script>"
    )
    html = client.get(SEED).content.decode()
    assert "<script>alert(1)" not in html


def test_pages_link_their_feeds(client, demo):
    assertContains(client.get("/"), 'type="application/rss+xml"')
    assertContains(client.get("/policy-analysis/syria"), 'href="/policy-analysis/syria/feed/"')
    assertContains(
        client.get("/ar/experts/anna-borshchevskaya"),
        'href="/ar/experts/anna-borshchevskaya/feed/"',
    )


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain"
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (
            "/policy-analysis/netanyahu-and-putin-rendezvous-paris?utm_source=news&page=7",
            "/policy-analysis/netanyahu-and-putin-rendezvous-paris",
        ),
        ("/?utm_source=news&fbclid=abc", "/"),
        (
            "/policy-analysis/?utm_source=news&type=brief-analysis&ref=x&page=1",
            "/policy-analysis/?type=brief-analysis&amp;page=1",
        ),
        ("/experts/anna-borshchevskaya?gclid=1&page=1", "/experts/anna-borshchevskaya?page=1"),
        ("/ar/policy-analysis/syria?utm_campaign=x", "/ar/policy-analysis/syria"),
    ],
)
def test_the_canonical_address_keeps_only_what_changes_the_content(client, demo, url, canonical):
    response = client.get(url)
    assert response.status_code == 200
    assertContains(response, f'<link rel="canonical" href="http://testserver{canonical}">')
    assert "utm_" not in response.content.decode().split("</head>")[0]
