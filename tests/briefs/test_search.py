"""Readers' search, /search/ and /ar/search/, on the index the publishing path keeps."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from briefs.search import index
from languages.registry import LANGUAGE_CODES
from publishing import actions
from publishing.models import Status
from publishing.scheduled import publish_due
from tests.browser_forms import form_data
from tests.factories import (
    make_brief,
    make_expert,
    make_publication_type,
    make_region,
    make_topic,
)

pytestmark = pytest.mark.django_db

ARABIC_BODY = "<p>ناقش الوزراء السِّيَاسَةَ الخارجيّة، ومسؤولي الأمن في ٢٠١٥ وفي مستشفى المدينة.</p>"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run, at the block's end, what a commit would run: the publishing path's
    announcement, which the search index follows."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def weapons(committed):
    with committed():
        return make_brief(
            "Hezbollah's Russian Weapons",
            summary_en="Arms reaching Lebanon.",
            body_en="<p>Russian <b>weapons</b> may reach Hezbollah through Syria.</p>",
            title_ar="أسلحة روسية لحزب الله",
            body_ar=ARABIC_BODY,
            authors=[make_expert("Anna Borshchevskaya", name_ar="آنا بورشيفسكايا")],
        )


def found(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return [brief.pk for brief in response.context["briefs"]]


def test_english_stems_match(client, weapons):
    assert found(client, "/search/?q=weapon") == [weapons.pk]
    assert found(client, "/search/?q=WEAPONS+Hezbollah") == [weapons.pk]
    assert found(client, "/search/?q=weapons+tanks") == []  # every word must be found


@pytest.mark.parametrize(
    "query",
    [
        "السياسة",
        "السِّيَاسَة",  # with diacritics
        "والسياسة",  # و + ال
        "بالسياسة",
        "سياسة",
        "مسئول",  # another hamza seat
        "مسؤولي",
        "الامن",  # no hamza on the alef
        "مستشفي",  # ي for ى
        "۲۰۱۵",  # Persian digits
        "2015",
    ],
)
def test_arabic_spellings_find_the_same_brief(client, weapons, query):
    assert found(client, f"/ar/search/?q={query}") == [weapons.pk]


def test_each_language_searches_only_its_own_text(client, weapons):
    assert found(client, "/search/?q=السياسة") == []
    assert found(client, "/ar/search/?q=weapons") == []
    assert found(client, "/ar/search/?q=أسلحة") == [weapons.pk]


def test_an_expert_name_spelled_another_way_finds_their_briefs(client, weapons, committed):
    with committed():
        make_brief("Unrelated", body_en="<p>Nothing of hers.</p>")
    assert found(client, "/search/?q=Borschevskaya") == [weapons.pk]
    assert found(client, "/search/?q=borshevskaya+hezbollah") == [weapons.pk]
    assert found(client, "/ar/search/?q=بورشفسكايا") == [weapons.pk]


def test_drafts_scheduled_withdrawn_and_unapproved_versions_are_never_found(client, committed):
    with committed():
        make_brief("Draft Pipelines", state=Status.DRAFT)
        make_brief("Withdrawn Pipelines", state=Status.WITHDRAWN)
        make_brief("Scheduled Pipelines", published_at=timezone.now() + timedelta(hours=2))
        unapproved = make_brief(
            "Public Pipelines",
            title_ar="خطوط الأنابيب",
            body_ar="<p>نص</p>",
            arabic_state=Status.REVIEW,
        )
    assert found(client, "/search/?q=pipelines") == [unapproved.pk]
    assert found(client, "/ar/search/?q=الأنابيب") == []


def test_a_scheduled_brief_is_found_from_its_minute(client, committed, time_machine):
    at = timezone.now() + timedelta(hours=2)
    with committed():
        scheduled = make_brief("Scheduled Pipelines", published_at=at)
    assert found(client, "/search/?q=pipelines") == []
    time_machine.move_to(at + timedelta(minutes=1))
    assert found(client, "/search/?q=pipelines") == []  # until the job has run
    with committed():
        publish_due()
    assert found(client, "/search/?q=pipelines") == [scheduled.pk]


def test_the_index_follows_publish_edit_and_withdraw(client, admin_client, committed, weapons):
    draft = make_brief("Gas Fields", state=Status.DRAFT, authors=[make_expert()])
    assert found(client, "/search/?q=gas") == []
    with committed():
        actions.Publish(draft, actor="test").run()
    assert found(client, "/search/?q=gas") == [draft.pk]

    url = f"/admin/briefs/brief/{weapons.pk}/change/"
    data = form_data(admin_client.get(url), "brief_form")
    data["body_en"] = "<p>Drones, not rifles, now reach the militia.</p>"
    with committed():
        response = admin_client.post(url, {**data, "_publish": "pressed"})
    assert response.status_code == 302
    assert found(client, "/search/?q=drones") == [weapons.pk]
    assert found(client, "/search/?q=weapon") == [weapons.pk]  # still in its title

    with committed():
        actions.Withdraw(draft, actor="test").run()
    assert found(client, "/search/?q=gas") == []


def test_withdrawing_the_arabic_keeps_the_english_found(client, committed, weapons):
    with committed():
        actions.Withdraw(weapons, None, "ar", actor="test").run()
    assert found(client, "/ar/search/?q=أسلحة") == []
    assert found(client, "/search/?q=weapons") == [weapons.pk]
    with committed():
        actions.Publish(weapons, None, "ar", actor="test").run()
    assert found(client, "/ar/search/?q=أسلحة") == [weapons.pk]


def test_a_deleted_brief_is_gone_from_search_and_indexing_it_again_is_harmless(
    client, admin_client, committed, weapons
):
    url = f"/admin/briefs/brief/{weapons.pk}/delete/"
    with committed():
        assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert found(client, "/search/?q=weapons") == []
    index([weapons.pk])  # an announcement of it arriving after the deletion
    assert found(client, "/search/?q=weapons") == []
    assert found(client, "/ar/search/?q=أسلحة") == []


def test_renaming_an_expert_reindexes_their_briefs(client, weapons, committed):
    expert = weapons.authors.get()
    with committed():
        expert.name_en = "Anna Borshchevskaya-Smith"
        expert.save()
    assert found(client, "/search/?q=smith") == [weapons.pk]


def test_results_rank_title_matches_first_then_newest(client, committed):
    day = timezone.make_aware(datetime(2024, 5, 1))
    with committed():
        in_body_new = make_brief("Gulf Notes", body_en="<p>On sanctions.</p>", published_at=day)
        in_title = make_brief("Sanctions Explained", published_at=day - timedelta(days=300))
        in_body_old = make_brief(
            "Older Notes", body_en="<p>On sanctions.</p>", published_at=day - timedelta(days=9)
        )
    assert found(client, "/search/?q=sanctions") == [in_title.pk, in_body_new.pk, in_body_old.pk]
    newest = found(client, "/search/?q=sanctions&sort=newest")
    assert newest == [in_body_new.pk, in_body_old.pk, in_title.pk]


@pytest.mark.parametrize(
    ("way", "stretch"),
    [
        ("walk", None),
        ("index", None),
        ("index", timedelta(days=2)),  # the latest two days hold the newest three
        ("index", timedelta(hours=12)),  # too few there: read again whole
    ],
)
def test_the_newest_matches_are_the_same_however_they_are_read(
    client, committed, monkeypatch, settings, way, stretch
):
    """Common words' matches are found by walking the briefs newest first, rarer words'
    read from the index with their dates and sorted, from the latest stretch of the
    archive if it holds enough: the same briefs, in the same order, with the scheduled,
    the withdrawn and the other filters' briefs left out either way."""
    from briefs.search import SearchResults

    day = timezone.make_aware(datetime(2024, 5, 1))
    since = day - stretch if stretch else None
    monkeypatch.setattr(SearchResults, "_cheapest_way", lambda results, needed: (way, since))
    settings.SEARCH_RANKED_MATCHES = 3
    energy = make_topic("Energy")
    author = make_expert()
    with committed():
        briefs_by_age = [
            make_brief(
                f"Note {n}",
                authors=[author],
                body_en="<p>Pipelines.</p>",
                topics=[energy] if n % 2 else [],
                published_at=day - timedelta(n),
            )
            for n in range(6)
        ]
        for _ in range(5):  # the newest entries: read from the index, they fail the check
            make_brief(
                "Scheduled Pipelines",
                topics=[energy],
                published_at=timezone.now() + timedelta(days=2),
            )
        withdrawn = make_brief("Withdrawn Pipelines", topics=[energy], published_at=day)
    redated = briefs_by_age[4]
    with committed():
        actions.Withdraw(withdrawn, actor="test").run()
        redated.published_at = day + timedelta(hours=1)  # an edit moves it to the top
        actions.Save(redated, actor="test", edited=["en"]).run()
        actions.Publish(redated, actor="test").run()  # the edit, published
    newest = [redated.pk, *(brief.pk for brief in briefs_by_age[:2])]
    assert found(client, "/search/?q=pipelines&sort=newest") == newest
    on_energy = [briefs_by_age[1].pk, briefs_by_age[3].pk, briefs_by_age[5].pk]
    assert found(client, f"/search/?q=pipelines&topic={energy.slug}&sort=newest") == on_energy


def test_filters_and_date_range_narrow_the_results(client, committed):
    policywatch = make_publication_type("PolicyWatch")
    energy = make_topic("Energy")
    with committed():
        match = make_brief(
            "Oil Routes",
            publication_type=policywatch,
            topics=[energy],
            published_at=timezone.make_aware(datetime(2021, 6, 15)),
        )
        make_brief("Oil Prices", published_at=timezone.make_aware(datetime(2019, 3, 1)))
    assert found(client, f"/search/?q=oil&type={policywatch.slug}") == [match.pk]
    assert found(client, f"/search/?q=oil&topic={energy.slug}") == [match.pk]
    assert found(client, "/search/?q=oil&since=2021-01-01&until=2021-06-15") == [match.pk]
    assert found(client, "/search/?q=oil&until=2021-06-14") != [match.pk]


def test_a_region_finds_its_countries_briefs_and_an_expert_their_own(client, committed):
    levant = make_region("Levant")
    syria = make_region("Syria", parent=levant)
    author, other = make_expert("Dana Stroul"), make_expert()
    with committed():
        in_syria = make_brief("Water in Syria", regions=[syria], authors=[author, other])
        in_levant = make_brief("Water in the Levant", regions=[levant], authors=[other])
        make_brief("Water in Egypt", regions=[make_region("Egypt")])
    newest = "&sort=newest"
    assert set(found(client, f"/search/?q=water&region={levant.slug}")) == {
        in_syria.pk,
        in_levant.pk,
    }
    assert found(client, f"/search/?q=water&region={syria.slug}{newest}") == [in_syria.pk]
    assert found(client, f"/search/?q=water&expert={author.slug}{newest}") == [in_syria.pk]
    chosen = f"type={in_syria.publication_type.slug}&topic=&region={levant.slug}"
    assert found(client, f"/search/?q=water&{chosen}&expert={author.slug}") == [in_syria.pk]


def test_the_index_follows_a_brief_filed_anew(client, admin_client, committed, weapons):
    """Filters read the index's copies of what a brief is filed under: they follow the
    admin's form, and links added in code, on the next request."""
    arms, energy = make_topic("Arms", name_ar="الأسلحة"), make_topic("Energy")
    url = f"/admin/briefs/brief/{weapons.pk}/change/"
    data = form_data(admin_client.get(url), "brief_form")
    assert data["brieftopic_set-INITIAL_FORMS"] == "0"  # filed under no topic yet
    data["brieftopic_set-0-topic"] = str(arms.pk)  # the inline's empty row, filled in
    with committed():
        response = admin_client.post(url, {**data, "_publish": "pressed"})
    assert response.status_code == 302
    assert found(client, f"/search/?q=weapons&topic={arms.slug}") == [weapons.pk]
    assert found(client, f"/ar/search/?q=أسلحة&topic={arms.slug}") == [weapons.pk]

    with committed():
        weapons.topics.set([energy])
    assert found(client, f"/search/?q=weapons&topic={arms.slug}") == []
    assert found(client, f"/search/?q=weapons&topic={energy.slug}") == [weapons.pk]
    with committed():
        energy.briefs.remove(weapons)
    assert found(client, f"/search/?q=weapons&topic={energy.slug}") == []


def test_results_show_a_marked_passage_and_are_paged(client, committed, settings):
    settings.SEARCH_RESULTS_PER_PAGE = 2
    with committed():
        for number in range(5):
            make_brief(f"Note {number}", body_en="<p>Long talk about the ceasefire in Gaza.</p>")
    page = client.get("/search/?q=ceasefire&page=3")
    assert len(page.context["briefs"]) == 1
    text = page.content.decode()
    assert "<mark>ceasefire</mark>" in text
    assert "5 results for “ceasefire”" in text
    assert 'rel="prev"' in text


def test_nothing_found_says_so_and_suggests_what_to_try(client, weapons):
    page = client.get(f"/search/?q=weapons+submarines&type={weapons.publication_type.slug}")
    text = page.content.decode()
    assert "No analysis matches “weapons submarines”." in text
    assert "Try fewer words" in text

    filtered = client.get("/search/?q=weapons&since=2030-01-01").content.decode()
    assert "Search again without the filters" in filtered


def test_the_arabic_results_page_is_arabic(client, weapons):
    page = client.get("/ar/search/?q=الخارجية").content.decode()
    assert 'lang="ar" dir="rtl"' in page
    assert "نتيجة واحدة للبحث عن «الخارجية»" in page
    assert "<mark>الخارجيّة</mark>" in page


def test_every_page_has_a_search_box(client, weapons):
    for url in ("/", "/policy-analysis/", weapons.get_absolute_url(), "/ar/"):
        page = client.get(url).content.decode()
        assert 'role="search"' in page and 'name="q"' in page, url


@pytest.mark.parametrize(
    "query",
    [
        "",
        "q=",
        "q=%00",
        "q=" + "x" * 5000,
        "q=" + "+".join(["word"] * 400),
        "q=%22%27%3B--+%2F*",
        "q=!!!+%3F%3F+%E2%80%A6",
        "q=a+%26+b+%7C+!c+%3C-%3E+d:*",
        "q=NEAR(a+b)+OR+c*+AND+NOT+%5E",
        "q=weapons&page=99999999999999999999999",
        "q=weapons&page=-1",
        "q=weapons&page=abc",
        "q=weapons&since=0001-01-01",
        "q=weapons&since=2022-13-45",
        "q=weapons&since=2023-01-01&until=2022-01-01",
        "q=weapons&type=%00&topic=../../&expert=x&sort=drop",
        "q=weapons&year=99999999999999999999",
    ],
)
def test_bad_input_gets_a_clear_page_never_an_error(client, weapons, query):
    for prefix in ("", "/ar"):
        response = client.get(f"{prefix}/search/?{query}")
        assert response.status_code in (200, 400, 404), query
        if response.status_code != 400:  # the 400 page is the project's own
            assert 'class="empty-state"' in response.content.decode(), query


def test_the_query_is_never_echoed_unescaped(client, weapons):
    page = client.get('/search/?q=<script>alert(1)</script>"><img src=x onerror=alert(1)>')
    text = page.content.decode()
    assert "<script>alert" not in text and "<img src=x" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


@pytest.mark.parametrize("size", [2, 12])
@pytest.mark.parametrize("language", LANGUAGE_CODES)
@pytest.mark.parametrize("filtered", [False, True])
def test_search_queries_are_constant(
    client, committed, django_assert_num_queries, settings, size, language, filtered
):
    kind = make_publication_type("Analysis", name_ar="تحليل", name_fa="تحلیل")
    topic = make_topic("Diplomacy", name_ar="الدبلوماسية", name_fa="دیپلماسی")
    levant = make_region("Levant", name_ar="المشرق", name_fa="شامات")
    syria = make_region("Syria", name_ar="سوريا", name_fa="سوریه", parent=levant)
    author = make_expert("Dana Stroul", name_ar="دانا سترول", name_fa="دانا استرول")
    with committed():
        for _ in range(size):
            make_brief(
                body_en="<p>Ceasefire talks.</p>",
                body_ar="<p>محادثات وقف إطلاق النار.</p>",
                title_ar="عنوان",
                body_fa="<p>مذاکرات آتش‌بس.</p>",
                title_fa="عنوان",
                publication_type=kind,
                topics=[topic],
                regions=[syria],
                authors=[
                    author,
                    *(make_expert(name_ar="خبير", name_fa="کارشناس") for _ in range(size // 2)),
                ],
            )
    word = {"en": "ceasefire", "ar": "محادثات", "fa": "مذاکرات"}[language]
    prefix = "" if language == "en" else f"/{language}"
    chosen = f"&type={kind.slug}&topic={topic.slug}&region={levant.slug}&expert={author.slug}"
    # types, topics, regions, experts and the year span for the form; the one word's
    # other spellings among experts' names; the newest matches; their ranking; the page;
    # its authors. On
    # PostgreSQL, three estimates from its statistics choose how the matches are read,
    # and the newest matches' entries are read before their briefs. Filtered: each
    # chosen row looked up by its slug, and the region's countries; on PostgreSQL, two
    # more estimates, of the chosen links' entries and of the matches among them.
    queries = 10 + (5 if filtered else 0)
    if connection.vendor == "postgresql":
        queries += 6 if filtered else 4
    with django_assert_num_queries(queries):
        response = client.get(f"{prefix}/search/?q={word}{chosen if filtered else ''}")
    assert len(response.context["briefs"]) == min(size, settings.SEARCH_RESULTS_PER_PAGE)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no planner estimates")
def test_a_search_asks_the_planner_only_what_depends_on_its_words(client, committed, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    topic = make_topic("Diplomacy")
    with committed():
        for body in ("<p>Ceasefire talks.</p>", "<p>Truce talks.</p>"):
            make_brief(body_en=body, topics=[topic])
    chosen = f"&topic={topic.slug}"
    estimates = []
    for word in ("ceasefire", "truce"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/search/?q={word}{chosen}")
        estimates.append([q["sql"] for q in queries if q["sql"].startswith("EXPLAIN")])
    # The first search asks for five estimates (the archive, the words, the topic, both,
    # the briefs chosen); the second, other words with the same filter, asks again only
    # for the two that depend on its words.
    assert [len(asked) for asked in estimates] == [5, 2]
    assert all("truce" in sql for sql in estimates[1])
    assert [brief.body for brief in response.context["briefs"]] == ["<p>Truce talks.</p>"]


def test_the_admin_search_finds_released_briefs_by_their_words_and_the_rest_by_title(
    admin_client, weapons, committed
):
    with committed():
        draft = make_brief("Drone Strikes Draft", state=Status.DRAFT)
        make_brief("Unrelated", state=Status.DRAFT, body_en="<p>About drones.</p>")

    def listed(term):
        response = admin_client.get("/admin/briefs/brief/", {"q": term})
        assert response.status_code == 200
        return {brief.pk for brief in response.context["cl"].result_list}

    assert listed("hezbollah") == {weapons.pk}  # a word of its body
    assert listed("Borschevskaya") == set()  # readers' spelling help is for readers
    assert listed("borshchevskaya") == {weapons.pk}  # its author's name
    assert listed("السياسة") == {weapons.pk}  # a word of its Arabic version
    assert listed("drone strikes") == {draft.pk}  # a draft, by its title
    assert listed("drone-strikes-draft") == {draft.pk}  # or its slug
    assert listed("  ") == {weapons.pk, draft.pk, draft.pk + 1}  # nothing to look for


def test_the_admin_search_counts_up_to_its_cap_and_says_when_more_matched(
    admin_client, committed, settings, monkeypatch
):
    from briefs.admin import BriefAdmin

    settings.ADMIN_SEARCH_COUNT_CAP = 3
    monkeypatch.setattr(BriefAdmin, "list_per_page", 2)
    day = timezone.make_aware(datetime(2024, 5, 1))
    with committed():
        matches = [
            make_brief(f"Note {n}", body_en="<p>sanctions</p>", published_at=day - timedelta(n))
            for n in range(5)
        ]
        make_brief("Unrelated", published_at=day)

    def page(number):
        return admin_client.get("/admin/briefs/brief/", {"q": "sanctions", "p": number})

    first, second = page(1), page(2)
    assert [b.pk for b in first.context["cl"].result_list] == [b.pk for b in matches[:2]]
    assert [b.pk for b in second.context["cl"].result_list] == [matches[2].pk]
    assert page(3).status_code == 302  # two pages: past them, Django's "?e=1"
    text = " ".join(first.content.decode().split())
    assert "more than 3 results, newest first: add words or a filter to narrow them" in text
    assert "more than 3 briefs: the newest 3 are listed" in text
    assert "Select all 3" not in text and 'class="question' not in text  # the newest 3 alone

    settings.ADMIN_SEARCH_COUNT_CAP = 1  # less than a page: raised to a page and one more
    assert [b.pk for b in page(1).context["cl"].result_list] == [b.pk for b in matches[:2]]
    assert "more than 3 results" in page(1).content.decode()

    settings.ADMIN_SEARCH_COUNT_CAP = 5  # all five counted: said as Django says it
    text = " ".join(admin_client.get("/admin/briefs/brief/?q=sanctions").content.decode().split())
    assert "5 results" in text and "Select all 5 briefs" in text and "more than" not in text

    with translation.override("ar"):
        settings.ADMIN_SEARCH_COUNT_CAP = 3
        arabic = " ".join(
            admin_client.get("/ar/admin/briefs/brief/?q=sanctions").content.decode().split()
        )
    assert "عدد النتائج يتجاوز 3" in arabic and "more than" not in arabic


@pytest.mark.parametrize("term", ["sanctions", "عقوبات"])
def test_the_admin_search_queries_do_not_grow_with_the_matches(admin_client, committed, term):
    def add(count):
        with committed():
            for _ in range(count):
                make_brief(
                    body_en="<p>On sanctions.</p>", title_ar="عنوان", body_ar="<p>عقوبات.</p>"
                )
            make_brief("Sanctions Draft", state=Status.DRAFT)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = admin_client.get("/admin/briefs/brief/", {"q": term})
        assert response.status_code == 200
        return len(captured), len(response.context["cl"].result_list)

    add(2)
    small = queries()
    add(30)
    large = queries()
    # Drafts are found by title (English here), released briefs by either version's words.
    found_small, found_large = (3, 34) if term == "sanctions" else (2, 32)
    assert (small[0], small[1], large[1]) == (large[0], found_small, found_large)


def test_relevance_ranks_the_newest_matches_and_says_when_there_were_more(
    client, committed, settings
):
    settings.SEARCH_RANKED_MATCHES = 3
    day = timezone.make_aware(datetime(2024, 5, 1))
    with committed():
        oldest_in_title = make_brief("Sanctions Everywhere", published_at=day - timedelta(days=9))
        newer = [
            make_brief(f"Note {n}", body_en="<p>sanctions</p>", published_at=day - timedelta(n))
            for n in range(4)
        ]
    shown = found(client, "/search/?q=sanctions")
    assert shown == [brief.pk for brief in newer[:3]]  # the title match is not among them
    assert oldest_in_title.pk not in shown
    page = client.get("/search/?q=sanctions").content.decode()
    assert "More than 3 results for “sanctions”: the newest 3 are shown." in page


def test_rebuilding_the_index_finds_what_was_there_before_search(client, weapons):
    from io import StringIO

    from django.core.management import call_command

    from briefs.models import SearchEntry

    SearchEntry.objects.all().delete()  # a database from before search
    assert found(client, "/search/?q=hezbollah") == []
    out = StringIO()
    call_command("rebuild_search_index", "--if-empty", stdout=out)
    assert "1 briefs in the search index" in out.getvalue()
    assert "1 of 1 briefs indexed" in out.getvalue()  # progress
    assert found(client, "/search/?q=hezbollah") == [weapons.pk]
    assert found(client, "/ar/search/?q=السياسة") == [weapons.pk]
    again = StringIO()
    call_command("rebuild_search_index", "--if-empty", stdout=again)
    assert again.getvalue() == ""  # not empty: nothing to do


def test_statistics_out_of_date_never_give_an_error(client, committed, monkeypatch):
    """Estimates from statistics not yet brought up to date (a large archive, a rare word)
    on a site where nothing is public yet: the page says nothing was found."""
    import briefs.search

    # The documents in the language, those holding the word, the briefs chosen.
    estimates = iter([500_000, 2_000, 500_000])
    monkeypatch.setattr(
        briefs.search.documents, "estimated_count", lambda rows, remember=False: next(estimates)
    )
    with committed():
        make_brief("Scheduled Pipelines", published_at=timezone.now() + timedelta(days=2))
    assert found(client, "/search/?q=pipelines") == []
