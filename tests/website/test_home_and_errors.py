"""The home page, and the error pages in the site's design and the reader's language."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error
from pytest_django.asserts import assertContains

from tests.factories import make_brief, make_publication_type
from tests.html import visible_text

pytestmark = pytest.mark.django_db


def test_home_lists_latest_briefs_and_publication_types(client, demo):
    response = client.get("/")
    text = visible_text(response.content.decode())
    assert "Latest analysis" in text
    assert text.index("How to Make Russia Pay") < text.index("Netanyahu and Putin Rendezvous")
    for name in ["Brief Analysis", "Articles & Testimony", "PolicyWatch"]:
        assert name in text
    assertContains(response, 'href="/policy-analysis/?type=policywatch"')


def test_arabic_home(client, demo):
    text = visible_text(client.get("/ar/").content.decode())
    assert "أحدث التحليلات" in text
    assert "لقاء نتنياهو وبوتين في باريس" in text
    assert "المرصد السياسي" in text


def test_home_shows_only_arabic_types_in_arabic(client):
    make_publication_type("Untranslated Type")
    make_brief("Only English")
    text = visible_text(client.get("/ar/").content.decode())
    assert "Untranslated" not in text
    assert "Only English" not in text


def test_404_is_in_the_site_design_and_language(client):
    english = client.get("/policy-analysis/no-such-brief")
    assert english.status_code == 404
    assertContains(english, "<h1>Page not found</h1>", html=True, status_code=404)
    assertContains(english, 'class="site-header"', status_code=404)
    arabic = client.get("/ar/policy-analysis/no-such-brief")
    assertContains(arabic, "<h1>الصفحة غير موجودة</h1>", html=True, status_code=404)
    assertContains(arabic, '<html lang="ar" dir="rtl">', status_code=404)


def test_500_is_in_the_site_design_and_language():
    request = RequestFactory().get("/ar/")
    with translation.override("ar"):
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="ar" dir="rtl">' in html
    assert "حدث خطأ ما" in html
    assert 'class="site-header"' in html


def test_a_request_for_another_host_is_refused_with_a_one_line_warning(client, caplog):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    records = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert len(records) == 1
    assert records[0].levelname == "WARNING"
    assert records[0].exc_info is None
    assert "evil.example" in records[0].getMessage()
