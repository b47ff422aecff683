"""The content check: accessibility faults in a brief's text, found before it is public."""

import pytest
from reversion.models import Version
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from briefs.models import Brief
from publishing.models import Status
from tests.briefs.admin_forms import brief_form
from tests.browser_forms import form_data
from tests.factories import (
    make_brief,
    make_expert,
    make_image,
    make_publication_type,
    make_topic,
    state_of,
)

pytestmark = pytest.mark.django_db

# (field, text, what the check says): each rule, in English and in Arabic.
FAULTS = [
    ("body", "<h2>One</h2><h4>Three</h4><p>x y</p>", "Heading level skipped: h2 is followed by h4"),
    ("body", "<h2> </h2><p>x y</p>", "An empty heading (h2)"),
    ("body", '<p>See <a href="https://example.org/r">click here</a>.</p>', "does not say where"),
    ("body", '<p><a href="https://example.org/r">https://example.org/r</a></p>', "A bare web"),
    ("body", "<table><tbody><tr><td>1</td></tr></tbody></table>", "A table without a header"),
    ("summary", " ".join(["word"] * 81), "Paragraph 1 has 81 words"),
    ("summary", "ملخص كتب بالعربية في حقل إنجليزي", "Arabic-script text in the English version"),
]
ARABIC_FAULTS = [
    ("body", '<p>انظر <a href="https://example.org/r">اضغط هنا</a>.</p>', "does not say where"),
    ("body", "<h3>عنوان</h3><p>نص</p>", "Heading level skipped: h1 is followed by h3"),
    ("summary", " ".join(["كلمة"] * 90), "Paragraph 1 has 90 words"),
    ("title", "Gas Deals in the Eastern Mediterranean", "Latin text in the Arabic version"),
    ("body", "<h2> </h2><p>نص</p>", "An empty heading (h2)"),
    ("body", '<p><a href="https://example.org/r">https://example.org/r</a></p>', "A bare web"),
    ("body", "<table><tbody><tr><td>١</td></tr></tbody></table>", "A table without a header"),
]


@pytest.fixture
def form(db):
    def make(**fields):
        data = brief_form(make_publication_type(), authors=[(make_expert(), 0)], **fields)
        if data["title_ar"] or data["body_ar"]:
            data["title_ar"] = data["title_ar"] or "عنوان"
            data["body_ar"] = data["body_ar"] or "<p>نص عربي.</p>"
        return data

    return make


def refusal(response):
    errors = HTMLParser(response.content).css_first(".errornote, .errorlist.nonfield")
    return errors.text() if errors else ""


@pytest.mark.parametrize(("field", "text", "said"), FAULTS)
def test_each_fault_in_english_refuses_publishing_and_says_where(
    editor_client, form, field, text, said
):
    response = editor_client.post("/admin/briefs/brief/add/", form(**{f"{field}_en": text}))
    assert response.status_code == 200 and not Brief.objects.exists()
    listed = HTMLParser(response.content).css("ul.content-faults li")
    assert any(said in item.text() for item in listed), [i.text() for i in listed]
    links = [item.css_first("a").attributes["href"] for item in listed]
    assert f"#id_{field}_en" in links


@pytest.mark.parametrize(("field", "text", "said"), ARABIC_FAULTS)
def test_each_fault_in_arabic_refuses_publishing(editor_client, form, field, text, said):
    data = form(**{f"{field}_ar": text, "title_ar": "عنوان" if field != "title" else text})
    response = editor_client.post("/admin/briefs/brief/add/", data)  # the messages in English
    assert response.status_code == 200 and not Brief.objects.exists()
    listed = HTMLParser(response.content).css("ul.content-faults li")
    assert listed, refusal(response)
    at_fault = [i for i in listed if i.css_first("a").attributes["href"] == f"#id_{field}_ar"]
    assert any(said in item.text() for item in at_fault), [i.text() for i in listed]


def test_arabic_messages_are_in_arabic(editor_client, form):
    data = form(body_en='<p><a href="https://example.org/r">here</a></p>')
    page = editor_client.post("/ar/admin/briefs/brief/add/", data).content.decode()
    assert "لا يوضح وجهته" in page
    assert "does not say" not in page


def test_a_figure_without_alt_text_in_its_language_is_a_fault(editor_client, form):
    image = make_image(renditions=True, alt_en="Tankers at Ashkelon", alt_ar="")
    figure = (
        f'<figure class="figure"><img src="{image.file.url}" alt="" data-file="{image.pk}">'
        '<figcaption class="figure-caption">ميناء</figcaption></figure>'
    )
    english = figure.replace("ميناء", "Port")
    data = form(body_en=f"<p>Text.</p>{english}", body_ar=f"<p>نص.</p>{figure}")
    response = editor_client.post("/admin/briefs/brief/add/", data)
    listed = [item.text() for item in HTMLParser(response.content).css("ul.content-faults li")]
    assert len(listed) == 1 and listed[0].startswith("Body (Arabic)"), listed
    assert "Image 1 has no alt text" in listed[0]

    # And the other way about: described in Arabic only, the English body is at fault.
    undescribed = make_image(renditions=True, alt_en="", alt_ar="ناقلات في عسقلان")
    second = english.replace(f'data-file="{image.pk}"', f'data-file="{undescribed.pk}"')
    data = form(body_en=f"<p>Text.</p>{english}{second}", body_ar="<p>نص.</p>")
    response = editor_client.post("/admin/briefs/brief/add/", data)
    listed = [item.text() for item in HTMLParser(response.content).css("ul.content-faults li")]
    assert listed == ["Body (English): Image 2 has no alt text: describe it in the image library."]


def test_clean_text_publishes_without_a_question(editor_client, form):
    data = form(
        body_en="<h2>Background</h2><p><a href='https://example.org/r'>The 2022 report</a></p>",
        summary_en="Two short sentences. Both fine.",
    )
    assert editor_client.post("/admin/briefs/brief/add/", data).status_code == 302
    assert state_of(Brief.objects.get()) == Status.LIVE


def test_a_publisher_may_publish_despite_faults_and_the_history_says_so(editor_client, form):
    data = form(body_en="<h2>One</h2><h4>Three</h4><p>x</p>")
    saved = editor_client.post("/admin/briefs/brief/add/", {**data, "publish_despite_faults": "on"})
    assert saved.status_code == 302
    brief = Brief.objects.get()
    assert state_of(brief) == Status.LIVE
    [version] = Version.objects.get_for_object(brief)
    said = "Published despite 1 content fault, by editor: Body (English): Heading level skipped"
    assert said in version.revision.comment
    history = editor_client.get(f"/admin/briefs/brief/{brief.pk}/history/").content.decode()
    assert said in history


def test_a_draft_with_faults_saves_and_the_form_lists_them(editor_client, form):
    data = form(body_en="<p><a href='https://example.org/r'>read more</a></p>", status="draft")
    assert editor_client.post("/admin/briefs/brief/add/", data).status_code == 302
    brief = Brief.objects.get()
    page = HTMLParser(editor_client.get(f"/admin/briefs/brief/{brief.pk}/change/").content)
    [item] = page.css(".field-content_check ul.content-faults li")
    assert "“read more” does not say where it leads" in item.text()
    assert item.css_first("a").attributes["href"] == "#id_body_en"


def test_approving_arabic_with_faults_needs_the_same_confirmation(editor_client):
    brief = make_brief(
        "Gas",
        authors=[make_expert()],
        title_ar="عنوان",
        body_ar="<h3>عنوان</h3>",
        arabic_state=Status.REVIEW,
    )
    url = f"/admin/briefs/brief/{brief.pk}/change/"
    data = form_data(editor_client.get(url), "brief_form")
    refused = editor_client.post(url, {**data, "_approve_ar": "1"})
    assert refused.status_code == 200
    assert "Heading level skipped: h1 is followed by h3" in refused.content.decode()
    brief.refresh_from_db()
    assert state_of(brief, "ar") == Status.REVIEW
    approved = editor_client.post(url, {**data, "_approve_ar": "1", "publish_despite_faults": "on"})
    assert approved.status_code == 302
    brief.refresh_from_db()
    assert state_of(brief, "ar") == Status.LIVE


def test_only_someone_who_may_publish_is_offered_the_confirmation(member, client):
    member("writer", "Writers")
    page = client.get("/admin/briefs/brief/add/").content.decode()
    assert "publish_despite_faults" not in page
    assert "field-content_check" in page


@pytest.mark.parametrize(
    ("html", "said"),
    [
        ("<h1>Again</h1>", "A second main heading (h1)"),
        ('<a href="https://example.org"></a>', "A link without text"),
        ('<p>x</p><img src="/m/x.jpg" alt="Chart"><img src="/m/y.jpg">', "Image 2 has no alt"),
        ('<h2><img src="/m/x.jpg" alt="Chart"></h2>', None),  # its alt text names it
        ("<table><tr><th>Year</th></tr><tr><td>1</td></tr></table>", None),
    ],
)
def test_the_checks_on_markup_editors_cannot_make_here(html, said):
    """Markup the brief's editor does not allow (h1, links without text) is still checked:
    text from other models, or written around the form, passes the same checks."""
    from editorial.content_check import rich_text_faults

    faults = rich_text_faults(html)
    assert [said] == [fault[: len(said)] for fault in faults] if said else faults == []


def test_links_to_briefs_readers_cannot_open_are_faults(editor_client, form):
    public = make_brief("Public", arabic=True, slug_ar="aam")
    draft = make_brief("Draft", state=Status.DRAFT)
    withdrawn = make_brief("Gone", state=Status.WITHDRAWN)
    make_brief(
        "English Only", title_ar="بالإنجليزية فقط", slug_ar="ingl", arabic_state=Status.REVIEW
    )
    topic = make_topic("Energy", name_ar="الطاقة")

    def link(path):
        return f'<a href="{path}">رابط بالاسم</a>'

    body_en = " ".join(
        f'<p><a href="{path}">Named link {number}</a></p>'
        for number, path in enumerate(
            [
                public.get_absolute_url(),
                topic.get_absolute_url(),
                draft.get_absolute_url(),
                withdrawn.get_absolute_url(),
                "/policy-analysis/no-such-brief",
                "/experts/",
            ]
        )
    )
    body_ar = f"<p>{link('/ar/policy-analysis/aam')} و{link('/ar/policy-analysis/ingl')}</p>"
    response = editor_client.post(
        "/admin/briefs/brief/add/", form(body_en=body_en, title_ar="عنوان", body_ar=body_ar)
    )
    listed = [item.text() for item in HTMLParser(response.content).css("ul.content-faults li")]
    assert listed == [
        "Body (English): Links to a brief readers cannot open: “Draft” (Draft), at "
        "/policy-analysis/draft",
        "Body (English): Links to a brief readers cannot open: “Gone” (Withdrawn), at "
        "/policy-analysis/gone",
        "Body (English): Links to an address where there is no brief: "
        "/policy-analysis/no-such-brief",
        "Body (Arabic): Links to a brief readers cannot open: “English Only” (In review), at "
        "/ar/policy-analysis/ingl",
    ]
