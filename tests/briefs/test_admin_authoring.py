"""Editors author briefs in the admin, as a browser would post the forms."""

import pytest
from pytest_django.asserts import assertContains

from briefs.models import Brief
from publishing import actions
from publishing.models import Status
from tests.briefs.admin_forms import brief_form
from tests.factories import (
    make_brief,
    make_expert,
    make_publication_type,
    make_region,
    make_topic,
    state_of,
)

ADD_URL = "/admin/briefs/brief/add/"


@pytest.fixture
def brief_type(db):
    return make_publication_type("Brief Analysis")


def test_add_form_is_tabbed_by_language(editor_client):
    response = editor_client.get(ADD_URL)
    assert response.status_code == 200
    for field in ["title_en", "title_ar", "slug_en", "slug_ar", "body_en", "body_ar"]:
        assertContains(response, f'name="{field}"')
    assertContains(response, "tabbed_translation_fields.js")
    assertContains(response, "/static/vendor/jquery-ui/jquery-ui.min.js")
    assert "//" not in "".join(
        line for line in response.content.decode().splitlines() if "<script src" in line
    ).replace('src="/static/', "").replace('src="/admin/', "")


def test_editor_creates_brief_with_two_ordered_authors(editor_client, brief_type):
    first, second = make_expert("Simon Henderson"), make_expert("Anna Borshchevskaya")
    topic, region = make_topic("Energy"), make_region("Bahrain")

    response = editor_client.post(
        ADD_URL,
        brief_form(
            brief_type,
            title_en="Bennett's Bahrain Visit Further Invigorates Israel-Gulf Diplomacy",
            authors=[(second, 2), (first, 1)],  # as the drag-and-drop list numbers them
            topics=[topic],
            regions=[region],
        ),
    )

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    brief = Brief.objects.get()
    assert brief.slug_en == "bennetts-bahrain-visit-further-invigorates-israel-gulf-diplomacy"
    assert brief.ordered_authors == [first, second]
    page = editor_client.get(brief.get_absolute_url())
    assertContains(
        page,
        '<p class="byline">by <a href="/experts/simon-henderson"><bdi>Simon Henderson</bdi></a>'
        " and "
        '<a href="/experts/anna-borshchevskaya"><bdi>Anna Borshchevskaya</bdi></a></p>',
        html=True,
    )
    assertContains(page, '<a href="/policy-analysis/energy">Energy</a>', html=True)
    assertContains(page, '<a href="/policy-analysis/bahrain">Bahrain</a>', html=True)


def test_arabic_slug_is_generated_from_the_arabic_title(editor_client, brief_type):
    expert = make_expert()
    editor_client.post(
        ADD_URL,
        brief_form(
            brief_type,
            title_ar="لقاء نتنياهو وبوتين في باريس",
            body_ar="<p>نص.</p>",
            authors=[(expert, 0)],
        ),
    )
    brief = Brief.objects.get()
    assert brief.slug_ar == "lqa-ntnyahw-wbwtyn-fy-barys"


def test_editor_may_override_slugs(editor_client, brief_type):
    expert = make_expert()
    editor_client.post(
        ADD_URL,
        brief_form(
            brief_type,
            slug_en="my-own-slug",
            title_ar="لقاء",
            body_ar="<p>نص.</p>",
            slug_ar="liqa-khas",
            authors=[(expert, 0)],
        ),
    )
    brief = Brief.objects.get()
    assert (brief.slug_en, brief.slug_ar) == ("my-own-slug", "liqa-khas")


def test_published_brief_without_author_is_refused_with_a_message(editor_client, brief_type):
    response = editor_client.post(ADD_URL, brief_form(brief_type))
    assert response.status_code == 200
    assertContains(response, "A published brief needs at least one author.")
    assert not Brief.objects.exists()


def test_published_brief_without_english_body_is_refused(editor_client, brief_type):
    response = editor_client.post(
        ADD_URL, brief_form(brief_type, body_en="", authors=[(make_expert(), 0)])
    )
    assertContains(response, "A published brief needs a body in English.")
    assert not Brief.objects.exists()


def test_draft_may_be_saved_incomplete(editor_client, brief_type):
    response = editor_client.post(ADD_URL, brief_form(brief_type, status="draft", body_en=""))
    assert response.status_code == 302
    assert state_of(Brief.objects.get()) == Status.DRAFT


def test_duplicate_english_slug_is_refused(editor_client, brief_type):
    expert = make_expert()
    editor_client.post(ADD_URL, brief_form(brief_type, slug_en="taken", authors=[(expert, 0)]))
    response = editor_client.post(
        ADD_URL, brief_form(brief_type, title_en="Other", slug_en="taken", authors=[(expert, 0)])
    )
    assert response.status_code == 200
    assertContains(response, "already exists")
    assert Brief.objects.count() == 1


def test_changelist_filters_by_topic_and_author_and_refuses_what_is_not_a_choice(editor_client):
    energy, expert = make_topic("Energy"), make_expert("Ben Fishman")
    both = make_brief("Both", topics=[energy], authors=[expert])
    make_brief("Topic only", topics=[energy])
    make_brief("Neither")
    listed = editor_client.get("/admin/briefs/brief/", {"topic": energy.pk}).context["cl"]
    assert sorted(brief.title_en for brief in listed.result_list) == ["Both", "Topic only"]
    listed = editor_client.get(
        "/admin/briefs/brief/", {"topic": energy.pk, "author": expert.pk}
    ).context["cl"]
    assert [brief.pk for brief in listed.result_list] == [both.pk]
    for bad in ["x", "9" * 30, "-1"]:
        response = editor_client.get("/admin/briefs/brief/", {"topic": bad})
        assert response.status_code == 302 and "e=1" in response["Location"]
    page = editor_client.get("/admin/briefs/brief/").content.decode()
    assert f'?topic={energy.pk}"' in page and f'?author={expert.pk}"' in page


def test_changelist_shows_columns_filters_and_search(
    editor_client, brief_type, django_capture_on_commit_callbacks
):
    expert = make_expert("Ben Fishman")
    # Committed, so that the search index (which the search box reads) follows.
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            ADD_URL,
            brief_form(
                brief_type,
                title_en="Libya's Renewed Legitimacy Crisis",
                authors=[(expert, 0)],
                topics=[make_topic()],
                regions=[make_region()],
            ),
        )
        editor_client.post(
            ADD_URL,
            brief_form(
                make_publication_type(),
                title_en="Another",
                authors=[(make_expert(), 0)],
                topics=[make_topic()],
                regions=[make_region()],
                published_at_0="2019-01-01",
            ),
        )
    response = editor_client.get("/admin/briefs/brief/", {"q": "Libya"})
    assertContains(response, "Libya&#x27;s Renewed Legitimacy Crisis")
    assertContains(response, "Ben Fishman")
    for column in ["Publication type", "Authors", "State", "Arabic"]:
        assertContains(response, column)
    filters = ["state", "publication type", "year", "topic", "regions and countries", "author"]
    for filter_title in filters:
        assertContains(response, f"By {filter_title}")
    assert (
        editor_client.get("/admin/briefs/brief/", {"q": "Nothing like it"})
        .context["cl"]
        .result_count
        == 0
    )


def test_view_on_site_only_for_public_briefs(editor_client, brief_type):
    expert = make_expert()
    editor_client.post(ADD_URL, brief_form(brief_type, authors=[(expert, 0)]))
    brief = Brief.objects.get()
    change_url = f"/admin/briefs/brief/{brief.pk}/change/"
    assertContains(editor_client.get(change_url), "View on site")
    actions.BackToDraft(brief, actor="test").run()
    assert "View on site" not in editor_client.get(change_url).content.decode()


def test_autocomplete_finds_experts_for_the_authors_inline(editor_client):
    make_expert("Anna Borshchevskaya")
    response = editor_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "briefs",
            "model_name": "authorship",
            "field_name": "expert",
            "term": "Borsh",
        },
    )
    assert [row["text"] for row in response.json()["results"]] == ["Anna Borshchevskaya"]


def test_authors_and_picks_are_ordered_by_dragging_not_by_typing_numbers(editor_client):
    brief = make_brief("Gas Deals", authors=[make_expert("Anna"), make_expert("Ben")])
    form = editor_client.get(f"/admin/briefs/brief/{brief.pk}/change/").content.decode()
    for prefix in ("authorships", "recommendations"):  # the rows are dragged into order
        assert f'<fieldset class="module sortable" aria-labelledby="{prefix}-heading"' in form
    assert 'type="hidden" name="authorships-0-position"' in form
    assert 'class="_reorder_"' in form


def test_the_brief_form_loads_every_mixins_assets(editor_client):
    """Each admin mixin brings its own CSS and JavaScript; none hides another's."""
    form = editor_client.get("/admin/briefs/brief/add/").content.decode()
    for asset in [
        "/static/translations/admin.css",
        "/static/translations/editor-direction.js",
        "/static/briefs/admin.css",
        "/static/editorial/slug-prefill.js",
        "/static/adminsortable2/css/sortable.css",
        "/static/django_prose_editor/editor.js",
    ]:
        assert asset in form, asset
