"""Rich text is stored sanitised, and the public page never carries a script."""

import pytest
from pytest_django.asserts import assertContains
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from briefs.models import Brief
from editorial.locking import version_of
from editorial.richtext import TEXT
from publishing import actions
from tests.briefs.admin_forms import brief_form
from tests.factories import make_brief, make_expert, make_publication_type

CONFIRM_NAME = "_confirm_removal"
CONFIRM = f'input[type="checkbox"][name="{CONFIRM_NAME}"]'
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
    clean = TEXT.sanitize(PAYLOAD)
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
    assert 'href="mailto:desk@example.org"' in TEXT.sanitize(
        '<a href="mailto:desk@example.org">m</a>'
    )


@pytest.mark.django_db
def test_payloads_posted_through_the_admin_are_reported_then_gone_from_the_public_page(
    editor_client, client
):
    expert = make_expert()
    data = brief_form(
        make_publication_type(),
        title_en="Payload",
        body_en=PAYLOAD,
        title_ar="حمولة",
        body_ar=PAYLOAD,
        authors=[(expert, 0)],
        publish_despite_faults="on",  # what this checks is sanitising, not writing
    )
    refused = editor_client.post("/admin/briefs/brief/add/", data)
    assert refused.status_code == 200 and not Brief.objects.exists()  # nothing lost unseen
    errors = [e.text() for e in HTMLParser(refused.content).css(".errorlist li")]
    assert len(errors) == 2  # the English body and the Arabic body
    for error in errors:
        assert "Saving would remove what the editor cannot keep:" in error
        for removed in ["<script>", "<iframe>", "<img>", "onclick attribute of <a>"]:
            assert removed in error
    tokens = [box.attributes["value"] for box in HTMLParser(refused.content).css(CONFIRM)]
    assert len(tokens) == 2

    only_one = editor_client.post("/admin/briefs/brief/add/", {**data, CONFIRM_NAME: tokens[0]})
    assert only_one.status_code == 200 and not Brief.objects.exists()
    saved = editor_client.post("/admin/briefs/brief/add/", {**data, CONFIRM_NAME: tokens})
    assert saved.status_code == 302
    brief = Brief.objects.get()
    actions.Publish(brief, None, "ar", actor="test").run()  # a second step for the Arabic version
    assert_clean(brief.body_en)
    assert_clean(brief.body_ar)
    for url in [brief.url_in("en"), brief.url_in("ar")]:
        page = client.get(url)
        assertContains(page, "<strong>bold</strong>")
        body = page.content.decode().split('class="brief__body"')[1]
        assert_clean(body)


@pytest.mark.django_db
def test_what_the_editor_makes_is_saved_without_a_question(editor_client):
    body = (
        "<h2>Heading</h2><h3>Sub</h3><h4>Minor</h4><p>A <strong>b</strong> <em>i</em>"
        '<a href="https://example.org/x">the report</a> <a href="mailto:desk@example.org">m</a>'
        "<sup>1</sup> H<sub>2</sub>O<br>line</p><ul><li><p>one</p></li></ul>"
        '<ol start="3"><li><p>three</p></li></ol><blockquote><p>Quote</p></blockquote><hr>'
        "<table><tbody><tr><th>Year</th><th>Tons</th></tr>"
        '<tr><td colspan="2">2022 · 400</td></tr></tbody></table>'
    )
    data = brief_form(make_publication_type(), authors=[(make_expert(), 0)], body_en=body)
    assert editor_client.post("/admin/briefs/brief/add/", data).status_code == 302
    stored = Brief.objects.get().body_en
    for kept in ["<h4>Minor</h4>", "<sup>1</sup>", "<sub>2</sub>", "<hr>", '<ol start="3">',
                 "<th>Year</th>", '<td colspan="2">2022 · 400</td>', "<blockquote>"]:  # fmt: skip
        assert kept in stored


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


@pytest.mark.django_db
def test_bold_and_italic_written_before_the_editor_keep_their_emphasis(client, editor_client):
    brief = make_brief("Old Markup")
    Brief.objects.filter(pk=brief.pk).update(body_en="<p>An <b>old</b> and <I>older</I> body.</p>")
    page = client.get(brief.url_in("en")).content.decode()
    assert "<p>An <strong>old</strong> and <em>older</em> body.</p>" in page
    data = brief_form(
        brief.publication_type,
        authors=[(make_expert(), 0)],
        title_en="Old Markup",
        body_en="<p>An <b>old</b> and <i>older</i> body.</p>",
    )
    data["loaded_version"] = version_of(brief)
    data["_publish"] = "pressed"
    saved = editor_client.post(f"/admin/briefs/brief/{brief.pk}/change/", data)
    assert saved.status_code == 302  # nothing to confirm: nothing is lost
    assert Brief.objects.get(pk=brief.pk).body_en == (
        "<p>An <strong>old</strong> and <em>older</em> body.</p>"
    )
