"""Query strings no page expects never make a server error, on any public or admin list.

Each page is fuzzed on the parameters its own links and forms use, and on the common
ones, with numbers too big for any column or date, non-ASCII digits, NUL bytes, long
strings and repeated parameters.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.contrib import admin
from django.utils import translation
from selectolax.lexbor import LexborHTMLParser

from tests.factories import make_brief, make_expert, make_region, make_topic

pytestmark = pytest.mark.django_db

HOSTILE_VALUES = ["99999999999999999999", "9999", "²", "٣٤", "\x00", "'\"<>%;--" + "x" * 3000]
# Parameters Django's admin and our pages read that a page's links may not show.
COMMON_PARAMETERS = ["page", "p", "o", "q", "e", "_to_field", "_popup"]


def parameters_of(html):
    """The query parameters a page's own links and GET forms use."""
    tree = LexborHTMLParser(html)
    names = {
        name
        for link in tree.css("a[href*='?']")
        for name, _value in parse_qsl(urlsplit(link.attributes["href"] or "").query)
    }
    names |= {
        field.attributes.get("name")
        for form in tree.css("form")
        if (form.attributes.get("method") or "get").lower() == "get"
        for field in form.css("input, select")
    }
    return sorted({name for name in names if name} | set(COMMON_PARAMETERS))


def fuzz(client, url):
    """Every parameter of `url` given each hostile value, and given twice; the 5xx answers."""
    errors = []
    for name in parameters_of(client.get(url).content.decode()):
        queries = [urlencode({name: value}) for value in HOSTILE_VALUES]
        queries.append(urlencode([(name, "1"), (name, "2")]))
        for query in queries:
            response = client.get(f"{url}?{query}")
            if response.status_code >= 500:
                errors.append(f"{url}?{query[:80]} → {response.status_code}")
    return errors


@pytest.fixture
def archive(db):
    expert, topic, region = make_expert("Anna Borshchevskaya"), make_topic(), make_region()
    brief = make_brief(authors=[expert], topics=[topic], regions=[region], arabic=True)
    return brief, expert, topic, region


def test_public_pages_answer_any_query_string_without_a_server_error(client, archive):
    client.raise_request_exception = False
    brief, expert, topic, region = archive
    errors = []
    for language in ("en", "ar"):
        with translation.override(language):
            urls = [
                "/ar/" if language == "ar" else "/",
                *(obj.get_absolute_url() for obj in (brief, expert, topic, region)),
            ]
        prefix = "/ar" if language == "ar" else ""
        urls += [
            f"{prefix}/policy-analysis/",
            f"{prefix}/experts/",
            f"{prefix}/policy-analysis/feed/",
        ]
        for url in urls:
            errors += fuzz(client, url)
    assert errors == []


def test_admin_lists_and_forms_answer_any_query_string_without_a_server_error(
    admin_client, archive
):
    admin_client.raise_request_exception = False
    urls = ["/admin/", "/admin/translations/import/"]
    for model in admin.site._registry:
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        urls += [base, f"{base}add/"]
    # The Arabic admin runs the same views; its brief list stands for the rest.
    urls.append("/ar/admin/briefs/brief/")
    errors = []
    for url in urls:
        errors += fuzz(admin_client, url)
    autocomplete = "/admin/autocomplete/?app_label=briefs&model_name=recommendation"
    for value in HOSTILE_VALUES:
        query = urlencode({"field_name": "recommended", "term": value, "page": value})
        response = admin_client.get(f"{autocomplete}&{query}")
        if response.status_code >= 500:
            errors.append(f"{autocomplete}&{query[:80]} → {response.status_code}")
    assert errors == []


@pytest.mark.parametrize(
    "query",
    [
        "year=99999999999999999999",
        "year=²",
        "published_at__year=99999999999999999999",
        "published_at__year=9999",
        "published_at__year=9999&published_at__month=12",
        "published_at__year=2020&published_at__month=99999999999999999999",
    ],
)
def test_bad_dates_in_the_brief_changelist_are_an_invalid_lookup_or_an_empty_list(
    admin_client, archive, query
):
    response = admin_client.get(f"/admin/briefs/brief/?{query}", follow=True)
    assert response.status_code == 200
    refused = response.redirect_chain and response.redirect_chain[-1][0].endswith("?e=1")
    assert refused or "0 briefs" in response.content.decode()


def test_a_prefilled_add_form_keeps_what_parses_and_drops_the_rest(admin_client):
    kept = admin_client.get("/admin/briefs/brief/add/?published_at=2021-03-04+10:30&title_en=Gas")
    assert kept.status_code == 200
    assert 'value="2021-03-04"' in kept.content.decode()
    assert 'value="Gas"' in kept.content.decode()
    dropped = admin_client.get("/admin/briefs/brief/add/?published_at=garbage")
    assert dropped.status_code == 200
    assert "garbage" not in dropped.content.decode()


@pytest.mark.parametrize("url", ["/policy-analysis/?type=%00", "/ar/admin/briefs/brief/?q=a%00b"])
def test_a_nul_character_is_a_bad_request_in_the_readers_language(admin_client, url):
    response = admin_client.get(url)
    assert response.status_code == 400
    if url.startswith("/ar/"):
        assert 'lang="ar"' in response.content.decode()
