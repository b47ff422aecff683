"""The figure tool's picker: a searchable page of the library that hands the chosen image
back to the editor that opened it; offered in a brief's body only."""

import json

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.factories import make_image
from translations.roles import TRANSLATORS, WRITERS

pytestmark = pytest.mark.django_db
CHOOSER = "/admin/library/image/choose/"


def page(response):
    assert response.status_code == 200
    return LexborHTMLParser(response.content)


def test_the_chooser_offers_each_image_for_the_editor_that_opened_it(editor_client):
    image = make_image(
        renditions=True, alt_en="Gas platform", alt_ar="منصة غاز", caption_en="At sea."
    )
    html = page(editor_client.get(CHOOSER, {"CKEditorFuncNum": "-2"}))
    assert html.css_first("[data-editor-callback]").attributes["data-editor-callback"] == "-2"
    button = html.css_first("button[data-choose-image]")
    assert button.attributes["data-id"] == str(image.pk)
    assert button.attributes["data-alt"] == "Gas platform"
    assert button.attributes["data-caption"] == "At sea."
    assert button.attributes["data-url"].endswith(".jpg")  # the uncropped rendition
    assert "disabled" not in button.attributes
    assert html.css_first("script[src$='library/chooser.js']") is not None


def test_the_chooser_searches_and_pages_the_library(editor_client):
    make_image(renditions=True, alt_en="Gas platform", size=(320, 200))
    for number in range(25):  # small: the renditions of 26 large pictures took most of the time
        make_image(renditions=True, alt_en=f"Portrait {number}", size=(320, 200))
    searched = page(editor_client.get(CHOOSER, {"CKEditorFuncNum": "1", "q": "platform"}))
    assert [b.attributes["data-alt"] for b in searched.css("[data-choose-image]")] == [
        "Gas platform"
    ]
    first = page(editor_client.get(CHOOSER, {"CKEditorFuncNum": "1"}))
    assert len(first.css("[data-choose-image]")) == 24
    next_link = first.css_first("nav.paginator a").attributes["href"]
    assert "CKEditorFuncNum=1" in next_link and "p=2" in next_link
    second = page(editor_client.get(CHOOSER + next_link))
    assert len(second.css("[data-choose-image]")) == 2
    nothing = page(editor_client.get(CHOOSER, {"CKEditorFuncNum": "1", "q": "<b>zz</b>"}))
    said = nothing.css_first("#content-main").text()
    assert "No image in the library matches “<b>zz</b>”." in said
    assert nothing.css_first("#content-main b") is None


@pytest.mark.parametrize(
    "params",
    [
        {"CKEditorFuncNum": '1"><script>alert(1)</script>'},
        {"CKEditorFuncNum": "1", "p": "99999999999999999999"},
        {"CKEditorFuncNum": "1", "p": "-1"},
        {"CKEditorFuncNum": "1", "q": "gas " + "x" * 5000},
        {},
    ],
)
def test_bad_input_to_the_chooser_gets_a_clear_page(editor_client, params):
    make_image(renditions=True)
    response = editor_client.get(CHOOSER, params)
    html = page(response)
    assert "<script>alert(1)" not in response.content.decode()
    callback = params.get("CKEditorFuncNum", "")
    if not callback.isdigit():  # no editor to hand an image to: said, and nothing to press
        assert html.css_first("[data-editor-callback]") is None
        assert "Open this page from the figure button" in html.css_first(".errornote").text()
        assert all("disabled" in b.attributes for b in html.css("[data-choose-image]"))


def test_the_arabic_chooser_is_arabic_and_right_to_left(editor_client):
    make_image(renditions=True, alt_en="Gas platform", alt_ar="منصة غاز")
    html = page(editor_client.get("/ar" + CHOOSER, {"CKEditorFuncNum": "1"}))
    assert html.css_first("html").attributes["lang"] == "ar"
    assert html.css_first("html").attributes["dir"] == "rtl"
    assert html.css_first("[data-choose-image]").attributes["data-alt"] == "منصة غاز"


def test_who_may_open_the_chooser(client, member, django_user_model):
    make_image(renditions=True)
    assert client.get(CHOOSER).status_code == 302  # to the login page
    for name, group in [("writer", WRITERS), ("translator", TRANSLATORS)]:
        member(name, group)
        assert client.get(CHOOSER, {"CKEditorFuncNum": "1"}).status_code == 200
    nobody = django_user_model.objects.create_user("nobody", password="pw", is_staff=True)
    client.force_login(nobody)
    assert client.get(CHOOSER).status_code == 403


def editor_config(html, field):
    textarea = html.css_first(f"textarea[name={field}]")
    (value,) = [v for k, v in textarea.attributes.items() if k.startswith("data-django-prose")]
    return json.loads(value)["extensions"]


def test_only_a_briefs_body_offers_figures_with_the_chooser_in_the_admins_language(
    editor_client,
):
    for prefix in ["", "/ar"]:
        form = page(editor_client.get(f"{prefix}/admin/briefs/brief/add/"))
        for field in ["body_en", "body_ar"]:
            assert editor_config(form, field)["Figure"] == {"pickerUrl": f"{prefix}{CHOOSER}"}
    expert_form = page(editor_client.get("/admin/experts/expert/add/"))
    assert "Figure" not in editor_config(expert_form, "full_bio_en")
