"""The sitemap lists every public page with its Arabic alternate, and validates."""

from pathlib import Path

import pytest
from lxml import etree

from publishing.models import Status
from tests.factories import make_brief

pytestmark = pytest.mark.django_db

SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "schemas" / "sitemap.xsd")))
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200
    document = etree.fromstring(response.content)
    SCHEMA.assertValid(document)
    return document


def all_urls(client):
    index = fetch(client, "/sitemap.xml")
    sections = index.xpath("//s:sitemap/s:loc/text()", namespaces=NS)
    documents = [fetch(client, url.replace("http://testserver", "")) for url in sections]
    return {
        url.xpath("s:loc/text()", namespaces=NS)[0]: url
        for document in documents
        for url in document.xpath("//s:url", namespaces=NS)
    }


def test_sitemap_validates_and_lists_every_public_page(client, demo):
    urls = all_urls(client)
    base = "http://testserver"
    for path in [
        "/",
        "/ar/",
        "/policy-analysis/",
        "/experts/",
        "/policy-analysis/netanyahu-and-putin-rendezvous-paris",
        "/ar/policy-analysis/lqa-ntnyahw-wbwty-nfy-barys",
        "/experts/anna-borshchevskaya",
        "/ar/experts/anna-borshchevskaya",
        "/policy-analysis/military-security",
        "/policy-analysis/israel",
        "/ar/policy-analysis/syria",
    ]:
        assert base + path in urls, path


def test_brief_entries_carry_alternates_and_lastmod(client, demo):
    entry = all_urls(client)[
        "http://testserver/policy-analysis/netanyahu-and-putin-rendezvous-paris"
    ]
    alternates = {
        link.get("hreflang"): link.get("href") for link in entry.xpath("x:link", namespaces=NS)
    }
    assert alternates == {
        "en": "http://testserver/policy-analysis/netanyahu-and-putin-rendezvous-paris",
        "ar": "http://testserver/ar/policy-analysis/lqa-ntnyahw-wbwty-nfy-barys",
        "fa": "http://testserver/fa/policy-analysis/dydar-ntanyahw-w-pwtyn-dr-parys",
        "x-default": "http://testserver/policy-analysis/netanyahu-and-putin-rendezvous-paris",
    }
    assert entry.xpath("s:lastmod/text()", namespaces=NS)


def test_drafts_and_missing_translations_are_left_out(client, cache):
    make_brief("Public English")
    make_brief("Secret Draft", state=Status.DRAFT, arabic=True)
    urls = all_urls(client)
    assert "http://testserver/policy-analysis/public-english" in urls
    assert not any("secret-draft" in url for url in urls)
    arabic_briefs = [url for url in urls if url.startswith("http://testserver/ar/policy-analysis/")]
    assert arabic_briefs == ["http://testserver/ar/policy-analysis/"]  # only the listing


@pytest.fixture
def cache():
    from django.core.cache import cache as default_cache

    default_cache.clear()
    yield
    default_cache.clear()
