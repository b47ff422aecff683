"""Internal links: the editor's link dialog finds briefs and experts on the site, in the
language of the text being written, and says which are not public yet."""

import json

import pytest
from selectolax.lexbor import LexborHTMLParser

from publishing.models import Status
from tests.factories import make_brief, make_expert
from translations.roles import TRANSLATORS

pytestmark = pytest.mark.django_db
CHOOSER = "/admin/link-chooser/"


def found(response):
    """[(kind, name, address, note, button's address)] as the chooser lists them."""
    assert response.status_code == 200
    html = LexborHTMLParser(response.content)
    rows = []
    for group in html.css(".link-chooser__group"):
        for item in group.css("li"):
            note = item.css_first(".link-chooser__note")
            rows.append(
                (
                    group.css_first("h2").text(),
                    item.css_first(".link-chooser__name").text(),
                    item.css_first(".link-chooser__url").text(),
                    note.text() if note else "",
                    item.css_first("button").attributes["data-link-target"],
                )
            )
    return rows


def test_the_chooser_finds_briefs_and_experts_public_ones_first(editor_client):
    make_brief("Gas in Cyprus", authors=[make_expert("Cyprus Desk")])
    make_brief("Cyprus Draft", state=Status.DRAFT)
    rows = found(editor_client.get(CHOOSER, {"q": "cyprus", "language": "en"}))
    assert rows == [
        ("Briefs", "Gas in Cyprus", "/policy-analysis/gas-cyprus", "",
         "/policy-analysis/gas-cyprus"),
        ("Briefs", "Cyprus Draft", "/policy-analysis/cyprus-draft", "(not public yet: Draft)",
         "/policy-analysis/cyprus-draft"),
        ("Experts", "Cyprus Desk", "/experts/cyprus-desk", "", "/experts/cyprus-desk"),
    ]  # fmt: skip


def test_for_arabic_text_it_finds_what_is_written_in_arabic_with_its_arabic_address(
    editor_client,
):
    make_brief("Gas in Cyprus", title_ar="الغاز في قبرص", body_ar="<p>نص.</p>")
    make_brief(
        "Cyprus Talks",
        title_ar="محادثات قبرص",
        body_ar="<p>نص.</p>",
        arabic_state=Status.REVIEW,
    )
    make_brief("Cyprus, English only")
    # Asked from the English admin, for the Arabic body.
    rows = found(editor_client.get(CHOOSER, {"q": "قبرص", "language": "ar"}))
    names = [(name, note) for _kind, name, _url, note, _button in rows]
    assert names == [("الغاز في قبرص", ""), ("محادثات قبرص", "(not public yet: In review)")]
    assert all(url.startswith("/ar/policy-analysis/") for _k, _n, url, _note, _b in rows)
    assert found(editor_client.get(CHOOSER, {"q": "Cyprus", "language": "ar"})) == []


@pytest.mark.parametrize(
    "params",
    [
        {"q": "<script>alert(1)</script>", "language": "en"},
        {"q": "gas", "language": "xx"},
        {"q": "gas " * 500, "language": "en"},
        {"q": "%_\\", "language": "ar"},
        {},
    ],
)
def test_bad_input_to_the_chooser_gets_a_clear_page(editor_client, params):
    make_brief("Gas in Cyprus")
    response = editor_client.get(CHOOSER, params)
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()
    assert LexborHTMLParser(response.content).css_first("#content-main p") is not None


def test_who_may_use_the_chooser(client, member, django_user_model):
    make_brief("Gas in Cyprus")
    assert client.get(CHOOSER, {"q": "gas"}).status_code == 302  # to the login page
    member("translator", TRANSLATORS)
    assert [row[1] for row in found(client.get(CHOOSER, {"q": "gas"}))] == ["Gas in Cyprus"]
    nobody = django_user_model.objects.create_user("nobody", password="pw", is_staff=True)
    client.force_login(nobody)
    assert found(client.get(CHOOSER, {"q": "gas"})) == []  # may view no brief, finds none


def editor_config(response, field):
    textarea = LexborHTMLParser(response.content).css_first(f"textarea[name={field}]")
    (value,) = [v for k, v in textarea.attributes.items() if k.startswith("data-django-prose")]
    return textarea.attributes, json.loads(value)


def test_every_rich_text_editor_offers_the_chooser_in_the_admins_language(editor_client):
    for prefix in ["", "/ar"]:
        for url, field in [
            ("/admin/briefs/brief/add/", "body_en"),
            ("/admin/experts/expert/add/", "full_bio_ar"),
            ("/admin/taxonomy/topic/add/", "description_en"),
        ]:
            attributes, config = editor_config(editor_client.get(prefix + url), field)
            assert config["extensions"]["Link"]["chooserUrl"] == f"{prefix}{CHOOSER}"
            assert config["js_modules"] == ["/static/editorial/link-targets.js"]
            # Each editor is written in its field's language and direction, whatever the
            # admin's: the English body stays left to right in the Arabic admin.
            language = field.rsplit("_", 1)[1]
            assert attributes["lang"] == language
            assert attributes["dir"] == ("rtl" if language == "ar" else "ltr")


def test_the_editors_dialogs_are_arabic_in_the_arabic_admin(editor_client):
    catalog = editor_client.get("/ar/admin/jsi18n/").content.decode()
    for english, arabic in [
        ("Insert Figure", "إدراج شكل"),
        ("Browse...", "تصفّح…"),
        ("Edit Link", "تعديل الرابط"),
        ("Find a brief or an expert…", "ابحث عن تحليل أو خبير…"),
    ]:
        assert f"{json.dumps(english)}: {json.dumps(arabic)}" in catalog
