"""Rich text is stored sanitised, and the public page never carries a script."""

import pytest
from pytest_django.asserts import assertContains

from briefs import publishing
from briefs.models import Brief
from editorial.richtext import sanitize_html
from tests.briefs.admin_forms import brief_form
from tests.factories import make_brief, make_expert, make_publication_type

PAYLOAD = (
    "<p>Kept <strong>bold</strong> <em>italic</em> "
    '<a href="https://example.org/x" onclick="steal()">link</a></p>'
    "<h2>Heading</h2><blockquote>Quote</blockquote><ul><li>item</li></ul>"
    "<script>alert('body')</script>"
    '<img src="x" onerror="alert(\'img\')">'
    "<a href=\"javascript:alert('href')\">bad link</a>"
    '<p style="color:red" onmouseover="alert(1)">styled</p>'
    '<iframe src="https://evil.example"></iframe>'
)


def assert_clean(html):
    lowered = html.lower()
    for forbidden in [
        "<script",
        "onerror",
        "onclick",
        "onmouseover",
        "javascript:",
        "<iframe",
        "style=",
    ]:
        assert forbidden not in lowered, forbidden


def test_sanitizer_keeps_the_allow_list_and_drops_the_rest():
    clean = sanitize_html(PAYLOAD)
    assert_clean(clean)
    for kept in [
        "<strong>bold</strong>",
        "<em>italic</em>",
        "<h2>Heading</h2>",
        "<blockquote>Quote</blockquote>",
        "<li>item</li>",
        'href="https://example.org/x"',
        'rel="noopener noreferrer"',
    ]:
        assert kept in clean
    assert 'href="mailto:desk@example.org"' in sanitize_html(
        '<a href="mailto:desk@example.org">m</a>'
    )


@pytest.mark.django_db
def test_payloads_posted_through_the_admin_are_gone_from_the_public_page(editor_client, client):
    expert = make_expert()
    editor_client.post(
        "/admin/briefs/brief/add/",
        brief_form(
            make_publication_type(),
            title_en="Payload",
            body_en=PAYLOAD,
            title_ar="حمولة",
            body_ar=PAYLOAD,
            authors=[(expert, 0)],
        ),
    )
    brief = Brief.objects.get()
    publishing.approve_arabic(brief, None)  # a second step for the Arabic version
    assert_clean(brief.body_en)
    assert_clean(brief.body_ar)
    for url in [brief.url_in("en"), brief.url_in("ar")]:
        page = client.get(url)
        assertContains(page, "<strong>bold</strong>")
        body = page.content.decode().split('class="brief__body"')[1]
        assert_clean(body)


@pytest.mark.django_db
def test_text_written_around_the_model_is_sanitised_on_display(client):
    brief = make_brief("Raw")
    Brief.objects.filter(pk=brief.pk).update(body_en="<p>ok</p><script>alert(1)</script>")
    page = client.get("/policy-analysis/raw").content.decode()
    assert "<p>ok</p>" in page
    assert "<script>alert(1)" not in page


@pytest.mark.django_db
def test_expert_bio_and_topic_description_are_sanitised():
    expert = make_expert(full_bio_en=PAYLOAD)
    assert_clean(expert.full_bio_en)
