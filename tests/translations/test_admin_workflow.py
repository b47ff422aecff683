"""The translation status column and filter, the diff, the minor-edit box and the queue."""

from datetime import datetime

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from publishing.models import Status
from tests.factories import make_brief, make_expert, make_topic, state_of
from tests.translations.test_roles import change_url, submitted

pytestmark = pytest.mark.django_db


def test_changelist_has_status_column_and_filter(editor_client):
    make_brief("Untranslated")
    outdated = make_brief("Changed", arabic=True)
    outdated.title_en = "Changed again"
    outdated.save()
    partial = make_brief("Partial", title_ar="عنوان", arabic_state=Status.DRAFT)
    response = editor_client.get("/admin/briefs/brief/")
    assertContains(response, '<span class="translation-missing">missing</span>', html=True)
    assertContains(response, '<span class="translation-outdated">outdated</span>', html=True)
    assertContains(response, "By Arabic translation")
    # The state column says where each version begun stands; the translation column
    # whether the Arabic is missing parts or outdated.
    rows = {brief.title_en: brief for brief in response.context["cl"].result_list}
    admin_class = response.context["cl"].model_admin
    state = {title: str(admin_class.publishing_state(brief)) for title, brief in rows.items()}
    assert "English: Published" in state["Untranslated"] and "Arabic" not in state["Untranslated"]
    assert "Arabic: Published" in state["Changed again"]
    assert "Arabic: Draft" in state[partial.title_en]
    headers = [header["text"] for header in response.context["result_headers"]]
    assert "state" in headers and "Arabic" in headers
    make_expert("Untranslated Expert")
    experts = editor_client.get("/admin/experts/expert/")
    assertContains(experts, '<span class="translation-missing">missing</span>', html=True)
    filtered = editor_client.get("/admin/briefs/brief/", {"translation_ar": "outdated"})
    assert [brief.title_en for brief in filtered.context["cl"].result_list] == ["Changed again"]


def test_outdated_field_shows_a_word_diff_to_the_translator(translator_client):
    brief = make_brief("Gas flows east to Europe", arabic=True, authors=[make_expert()])
    brief.title_en = "Gas flows west to Europe"
    brief.save()
    response = translator_client.get(change_url(brief))
    assertContains(response, "The English version changed since this was translated:")
    assertContains(response, "<del>east</del>", html=True)
    assertContains(response, "<ins>west</ins>", html=True)
    assertContains(response, "<span>Gas flows</span>", html=True)


def test_editor_minor_edit_keeps_translations_current(editor_client):
    brief = make_brief("Gas Dels", arabic=True, authors=[make_expert()])
    submitted(editor_client, brief, title_en="Gas Deals", minor_edit="on")
    submitted(editor_client, brief, summary_ar="")
    response = editor_client.get("/admin/briefs/brief/", {"translation_ar": "outdated"})
    assert list(response.context["cl"].result_list) == []
    submitted(editor_client, brief, title_en="Oil Deals")
    response = editor_client.get("/admin/briefs/brief/", {"translation_ar": "outdated"})
    # The edit waits, unpublished: the list names the brief as readers see it.
    assert [b.pk for b in response.context["cl"].result_list] == [brief.pk]
    assertContains(response, "Published; unpublished changes")


def test_translator_home_shows_the_queue_with_counts(translator_client):
    make_brief("Old Untranslated", published_at=timezone.make_aware(datetime(2001, 1, 1)))
    make_brief("New Untranslated")
    done = make_brief("Translated", arabic=True)
    outdated = make_brief("Will Change", arabic=True)
    outdated.title_en = "Changed"
    outdated.save()
    make_topic("Energy")
    response = translator_client.get("/admin/")
    html = response.content.decode()
    assertContains(response, "Translation queue (Arabic)")
    assert "<bdi>Briefs</bdi> — 2 to translate, 1 outdated" in html
    assert "<bdi>Topics</bdi> — 1 to translate, 0 outdated" in html
    assert html.index("Changed") < html.index("New Untranslated") < html.index("Old Untranslated")
    assertNotContains(response, f">{done.title_en}<")


def test_translator_admin_reads_right_to_left_in_arabic(translator_client):
    brief = make_brief("Gas Deals", authors=[make_expert()])
    home = translator_client.get("/ar/admin/")
    assertContains(home, '<html lang="ar" dir="rtl">')
    assertContains(home, "قائمة انتظار الترجمة (العربية)")
    form = translator_client.get("/ar" + change_url(brief))
    assertContains(form, '<html lang="ar" dir="rtl">')
    assertContains(form, 'name="title_ar"')
    assertContains(form, "العنوان")


def test_status_column_does_not_cost_a_query_per_row(editor_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def changelist_queries():
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get("/admin/briefs/brief/").status_code == 200
        return len(captured)

    make_brief("One", arabic=True, authors=[make_expert()])
    few = changelist_queries()
    for _ in range(10):
        make_brief(arabic=True, authors=[make_expert()])
    assert changelist_queries() == few


def test_the_translator_reads_the_english_as_readers_see_it_not_its_html(translator_client):
    brief = make_brief(
        "Gas Deals",
        body_en="<h2>Background</h2><ul><li>one</li><li>two</li></ul><p>A <strong>b</strong></p>",
        authors=[make_expert()],
    )
    expert = make_expert(full_bio_en="<p>Writes on <em>energy</em>.</p>")
    bio = translator_client.get(f"/ar/admin/experts/expert/{expert.pk}/change/")
    # In English and left to right, in the Arabic admin too.
    assertContains(bio, '<div lang="en" dir="ltr"><p>Writes on <em>energy</em>.</p></div>')
    assertNotContains(bio, "&lt;em&gt;")
    page = translator_client.get(change_url(brief))
    assertContains(page, '<div class="readonly"><div lang="en" dir="ltr"><h2>Background</h2>')
    assertContains(page, "<li>one</li><li>two</li>")
    assertNotContains(page, "&lt;h2&gt;Background")
    assertContains(page, 'name="body_ar"')  # the Arabic is written in the editor


def test_a_translator_marks_an_outdated_field_still_current_and_it_is_in_the_history(
    translator_client, client
):
    brief = make_brief(
        "Gas flows east",
        summary_en="Gas flows.",
        summary_ar="يتدفق الغاز.",
        arabic=True,
        authors=[make_expert()],
    )
    brief.title_en, brief.summary_en = "Gas flows east now", "Gas flows, at last."  # two changes
    brief.save()
    form = translator_client.get(change_url(brief))
    assertContains(form, "Title (Arabic): still current")
    assertContains(form, "Summary (Arabic): still current")
    assertNotContains(form, "Body (Arabic): still current")  # the body did not change

    response = submitted(translator_client, brief, still_current_title_ar="on")
    assert response.status_code == 302
    outdated = translator_client.get("/admin/briefs/brief/", {"translation_ar": "outdated"})
    assert [b.title_en for b in outdated.context["cl"].result_list] == ["Gas flows east now"]
    after = translator_client.get(change_url(brief))
    assertNotContains(after, "Title (Arabic): still current")
    assertContains(after, "Summary (Arabic): still current")  # the one not ticked stays outdated
    brief.refresh_from_db()
    assert (brief.title_ar, state_of(brief, "ar")) == ("تحليل تجريبي", "live")
    assert client.get(brief.url_in("ar")).status_code == 200  # untouched, still public
    history = translator_client.get(f"/admin/briefs/brief/{brief.pk}/history/")
    assertContains(history, "Title (Arabic): still current")


def test_the_diff_keeps_paragraphs_and_list_items_apart(translator_client):
    brief = make_brief(
        "Gas",
        body_en="<p>Gas flows east.</p><ul><li>Leviathan</li><li>Tamar</li></ul>",
        arabic=True,
        authors=[make_expert()],
    )
    brief.body_en = "<p>Gas flows west.</p><ul><li>Leviathan</li><li>Tamar</li><li>Karish</li></ul>"
    brief.save()
    page = translator_client.get(change_url(brief)).content.decode()
    diff = page.split('<span class="translation-diff" lang="en" dir="ltr">')[1].split(
        "</span></div>"
    )[0]
    assert diff == (
        "<span>Gas flows</span> <del>east.</del> <ins>west.</ins><br><span>Leviathan</span>"
        "<br><span>Tamar</span><br><ins>Karish</ins>"
    )  # not "east. west. Leviathan Tamar Karish" run together
