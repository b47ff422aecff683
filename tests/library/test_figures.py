"""Figures in a brief's body: chosen from the library in the editor's figure tool, shown
as the library's renditions with alt text, caption and credit in the reader's language;
an image from anywhere else is reported and never stored."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from selectolax.lexbor import LexborHTMLParser

from briefs.models import Brief
from tests import factories
from tests.briefs.admin_forms import brief_form
from tests.factories import make_brief, make_expert, make_publication_type

pytestmark = pytest.mark.django_db


def make_image(**fields):
    return factories.make_image(
        renditions=True,
        size=(1200, 600),
        alt_en="Map of the gas fields",
        alt_ar="خريطة حقول الغاز",
        caption_en="The fields off the coast.",
        caption_ar="الحقول قبالة الساحل.",
        credit_en="Drawn for the test",
        credit_ar="رُسمت للاختبار",
        **fields,
    )


def figure(image, alt="as typed", caption=None):
    """A figure as the editor's figure tool writes it."""
    caption = f'<figcaption class="figure-caption">{caption}</figcaption>' if caption else ""
    return (
        f'<figure class="figure"><img src="/media/whatever.jpg" alt="{alt}" '
        f'data-file="{image.pk}">{caption}</figure>'
    )


def body_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return LexborHTMLParser(response.content).css_first(".brief__body")


def test_a_figure_from_the_library_is_saved_without_a_question(editor_client):
    image = make_image()
    body = f"<p>Before.</p>{figure(image, caption='Written for this brief.')}<p>After.</p>"
    data = brief_form(make_publication_type(), authors=[(make_expert(), 0)], body_en=body)
    response = editor_client.post("/admin/briefs/brief/add/", data)
    assert response.status_code == 302, response.content
    stored = Brief.objects.get().body_en
    assert f'data-file="{image.pk}"' in stored
    assert '<figcaption class="figure-caption">Written for this brief.</figcaption>' in stored


@pytest.mark.parametrize(
    "image_html",
    [
        '<img src="https://tracker.example/pixel.gif" alt="x">',  # not from the library
        '<img src="file:///C:/Users/x/image001.png">',  # pasted from Word
        '<img src="/media/x.jpg" data-file="7 onerror=alert(1)">',  # a forged reference
        '<img src="/media/x.jpg" data-file="-3">',
    ],
)
def test_an_image_not_from_the_library_is_reported_and_not_stored(editor_client, image_html):
    body = f"<p>Text.</p><figure>{image_html}</figure>"
    data = brief_form(make_publication_type(), authors=[(make_expert(), 0)], body_en=body)
    refused = editor_client.post("/admin/briefs/brief/add/", data)
    assert refused.status_code == 200 and not Brief.objects.exists()
    error = LexborHTMLParser(refused.content).css_first(".errorlist li").text()
    assert "Saving would remove what the editor cannot keep:" in error and "<img>" in error
    token = LexborHTMLParser(refused.content).css_first("input[name=_confirm_removal]")
    saved = editor_client.post(
        "/admin/briefs/brief/add/", {**data, "_confirm_removal": token.attributes["value"]}
    )
    assert saved.status_code == 302
    assert "<img" not in Brief.objects.get().body_en


def test_the_article_draws_a_figure_from_the_library_in_the_readers_language(client):
    image = make_image()
    brief = make_brief(
        "Gas Fields",
        authors=[make_expert()],
        body_en=f"<p>Before.</p>{figure(image, caption='Fields named in this brief.')}",
        title_ar="حقول الغاز",
        body_ar=f"<p>قبل.</p>{figure(image)}",
    )
    english = body_of(client, brief.url_in("en")).css_first("figure")
    img = english.css_first("picture img")
    assert img.attributes["alt"] == "Map of the gas fields"  # the library's, not as typed
    assert (img.attributes["width"], img.attributes["height"]) == ("1200", "600")  # uncropped
    assert img.attributes["srcset"].count("w, ") == 2  # 480, 800 and 1200 wide
    assert english.css_first("source").attributes["type"] == "image/webp"
    assert english.css_first("source").attributes["sizes"] == "(min-width: 48rem) 44rem, 100vw"
    # The caption written for this brief, followed by the library's credit.
    caption = english.css_first("figcaption").text()
    assert caption == "Fields named in this brief. Drawn for the test"
    arabic = body_of(client, brief.url_in("ar")).css_first("figure")
    assert arabic.css_first("img").attributes["alt"] == "خريطة حقول الغاز"
    # No caption written in the Arabic text: the library's, and its credit, in Arabic.
    assert arabic.css_first("figcaption").text() == "الحقول قبالة الساحل. رُسمت للاختبار"


def test_alt_text_typed_in_the_editor_stands_in_where_the_library_has_none(client):
    image = factories.make_image(renditions=True, alt_en="English alt only")
    brief = make_brief(
        "Alt",
        authors=[make_expert()],
        title_ar="نص بديل",
        body_ar=f"<p>نص.</p>{figure(image, alt='وصف كتبه المترجم')}",
    )
    img = body_of(client, brief.url_in("ar")).css_first("figure img")
    assert img.attributes["alt"] == "وصف كتبه المترجم"


def test_an_image_deleted_from_the_library_leaves_no_broken_picture(client):
    image = make_image()
    brief = make_brief("Gone", authors=[make_expert()], body_en=f"<p>Text.</p>{figure(image)}")
    image.delete()
    body = body_of(client, brief.url_in("en"))
    assert body.css_first("img") is None
    assert "Text." in body.text()


def queries_for(client, url):
    client.get(url)  # what a first request loads once is not counted
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url)
    return len(queries), page.content.decode().count("<picture>")


def test_figures_cost_one_query_however_many(client):
    images = [make_image() for _ in range(3)]
    author = make_expert()
    without = make_brief("No Figures", authors=[author])
    one = make_brief("One Figure", authors=[author], body_en=figure(images[0]))
    three = make_brief("Three", authors=[author], body_en="".join(figure(i) for i in images))
    none_count, _pictures = queries_for(client, without.url_in("en"))
    assert queries_for(client, one.url_in("en")) == (none_count + 1, 1)
    assert queries_for(client, three.url_in("en")) == (none_count + 1, 3)


def test_writing_html_around_the_editor_cannot_smuggle_markup_into_a_figure(client):
    image = make_image()
    brief = make_brief("Smuggled", authors=[make_expert()])
    Brief.objects.filter(pk=brief.pk).update(
        body_en=f'<figure class="figure site-header" onclick="x()"><img src="javascript:x" '
        f'data-file="{image.pk}" onerror="alert(1)"><figcaption>Cap<script>x()</script>'
        "</figcaption></figure>"
    )
    html = client.get(brief.url_in("en")).content.decode()
    body = html.split('class="brief__body"')[1]
    for forbidden in ["onerror", "onclick", "<script", "javascript:", "site-header"]:
        assert forbidden not in body
    assert body.count("<picture>") == 1
