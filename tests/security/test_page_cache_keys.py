"""The page cache keeps a page once per address it answers, counting only the query
parameters the page reads, and per validated host: junk parameters make no new entries,
and a host the site does not serve is refused before the cache is asked."""

import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import make_brief, make_expert

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE = True
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]


def page_entries():
    return [key for key in cache._cache if ":pages:" in key and "generation" not in key]


@pytest.fixture
def local_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()


def test_junk_parameters_make_no_new_cache_entries(client, local_cache):
    brief = make_brief("Gas Deals", authors=[make_expert()])
    url = brief.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    before = len(page_entries())
    for number in range(50):
        response = client.get(url, {"junk": number, "utm_source": "newsletter"})
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit"  # the page as it is without them
        assert client.get("/policy-analysis/feed/", {"junk": number}).status_code == 200
        assert client.get(url, {"page": number}).status_code == 200  # read by term pages
    assert len(page_entries()) == before


def test_parameters_a_page_reads_are_kept_apart(client, local_cache):
    make_brief("Gas Deals", authors=[make_expert()])
    first = client.get("/policy-analysis/", {"page": "1"})
    assert first["X-Page-Cache"] == "miss"
    assert client.get("/policy-analysis/", {"page": "1", "junk": "x"})["X-Page-Cache"] == "hit"
    assert client.get("/search/", {"q": "gas"})["X-Page-Cache"] == "miss"
    assert client.get("/search/", {"q": "oil"})["X-Page-Cache"] == "miss"


def test_a_page_is_kept_per_host_and_an_unknown_host_is_refused_first(local_cache):
    brief = make_brief("Gas Deals", authors=[make_expert()])
    url = brief.get_absolute_url()
    assert Client(HTTP_HOST="localhost").get(url)["X-Page-Cache"] == "miss"
    other = Client(HTTP_HOST="127.0.0.1").get(url)
    assert other["X-Page-Cache"] == "miss"  # not localhost's copy
    refused = Client(HTTP_HOST="attacker.example").get(url)
    assert refused.status_code == 400
    assert "X-Page-Cache" not in refused


def test_spellings_of_the_host_and_junk_values_are_answered_but_not_kept(local_cache):
    make_brief("Gas Deals", authors=[make_expert()])
    reader = Client(HTTP_HOST="localhost")
    assert reader.get("/policy-analysis/")["X-Page-Cache"] == "miss"
    before = len(page_entries())
    for number in range(1, 30):
        for host in (f"localhost:{10_000 + number}", "LOCALHOST", "localhost."):
            assert Client(HTTP_HOST=host).get("/policy-analysis/").status_code == 200
        for query in ({"page": "0" * number + "1"}, {"type": f"junk{number}"}):
            assert reader.get("/policy-analysis/", query).status_code in (200, 404)
        assert reader.get("/search/", {"q": "gas", "page": f"0{number}"}).status_code in (200, 404)
    assert len(page_entries()) == before
