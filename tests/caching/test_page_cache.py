"""The public page cache: anonymous readers' pages are kept (in Redis when REDIS_URL is
set, as CI runs this on PostgreSQL) and never outlive a change the publishing path
announces, nor the minute of a scheduled brief. Staff see fresh pages; readers' pages set
no cookie, vary by nothing, and answer conditional requests with 304."""

import warnings
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import CacheKeyWarning
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from briefs.models import Brief
from briefs.views import share_token
from experts.models import Expert
from publishing import actions, scheduled
from publishing.models import LanguageState, Status
from taxonomy.models import Region, Topic
from tests.briefs.test_publishing_path import PATHS
from tests.browser_forms import form_data
from tests.factories import make_brief, make_expert
from tests.surfaces import TITLE, shown_on

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE = True


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what the transaction would run on commit (the announcement) at the block's end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_pages_are_served_from_the_cache_until_a_change_is_announced(client, site, commit):
    brief = site[0]
    assert TITLE in client.get("/policy-analysis/").content.decode()
    # Written around the path, and never committed: nothing announced, the cache holds.
    Brief.objects.filter(pk=brief.pk).update(title_en="Quietly Renamed")
    assert TITLE in client.get("/policy-analysis/").content.decode()
    with commit():  # an edit kept as unpublished changes changes nothing readers see
        actions.Save(Brief.objects.get(pk=brief.pk), actor="test", edited=["en"]).run()
    assert TITLE in client.get("/policy-analysis/").content.decode()
    with commit():
        actions.Publish(Brief.objects.get(pk=brief.pk), actor="test").run()
    listing = client.get("/policy-analysis/").content.decode()
    assert "Quietly Renamed" in listing and TITLE not in listing


def test_a_change_is_announced_even_when_the_cache_lost_its_generation(client, site, commit):
    """The cache cleared by someone else (another process, a Redis restart) between two
    announcements: the next one still moves every page on, with no error."""
    from django.core.cache import cache

    brief = site[0]
    with commit():
        actions.Save(Brief.objects.get(pk=brief.pk), actor="test", edited=["en"]).run()
    assert TITLE in client.get("/policy-analysis/").content.decode()
    cache.delete("pages:generation")
    Brief.objects.filter(pk=brief.pk).update(title_en="Renamed Meanwhile")
    with commit():
        actions.Save(Brief.objects.get(pk=brief.pk), actor="test", edited=["en"]).run()
    assert "Renamed Meanwhile" in client.get("/policy-analysis/").content.decode()


@pytest.mark.parametrize("path", PATHS)
def test_a_brief_taken_down_leaves_every_cached_page(client, admin_client, site, path, commit):
    brief = site[0]
    assert len(shown_on(client, site)) >= 20  # every surface, both languages, now cached
    with commit():
        PATHS[path](admin_client, brief)
    assert shown_on(client, site) == []


def publish_with_the_form(admin_client, brief):
    url = f"/admin/briefs/brief/{brief.pk}/change/"
    data = form_data(admin_client.get(url), "brief_form")
    assert admin_client.post(url, {**data, "_publish": "pressed"}).status_code == 302


def test_a_brief_published_appears_on_every_cached_page(client, admin_client, site, commit):
    brief = site[0]
    actions.BackToDraft(brief, actor="test").run()  # announced, but not committed
    assert shown_on(client, site) == []  # every surface cached without it
    with commit():
        publish_with_the_form(admin_client, Brief.objects.get(pk=brief.pk))
    assert len(shown_on(client, site)) >= 20


def rename_with_the_form(admin_client, obj, field, value):
    model = obj._meta
    url = f"/admin/{model.app_label}/{model.model_name}/{obj.pk}/change/"
    form_id = f"{model.model_name}_form"
    data = form_data(admin_client.get(url), form_id)
    assert admin_client.post(url, {**data, field: value}).status_code == 302


RENAMES = {
    "expert": (Expert, "name_en", "Anna B. Renamed"),
    "topic": (Topic, "name_en", "Energy Renamed"),
    "region": (Region, "name_en", "Syria Renamed"),
}


@pytest.mark.parametrize("what", RENAMES)
def test_a_renamed_expert_topic_or_region_shows_on_the_cached_article_and_lists(
    client, admin_client, site, what, commit
):
    brief, neighbour = site[0], site[1]
    model, field, new_name = RENAMES[what]
    obj = {"expert": site[2], "topic": site[3], "region": site[5]}[what]
    pages = [brief.url_in("en"), neighbour.url_in("en"), obj.get_absolute_url()]
    for url in pages:
        assert new_name not in client.get(url).content.decode()
    with commit():
        rename_with_the_form(admin_client, model.objects.get(pk=obj.pk), field, new_name)
    for url in pages:
        assert new_name in client.get(url).content.decode(), url


def test_a_renamed_publication_type_shows_on_the_cached_article(client, admin_client, commit):
    brief = make_brief("Typed", authors=[make_expert()])
    assert "Renamed Type" not in client.get(brief.url_in("en")).content.decode()
    with commit():
        rename_with_the_form(admin_client, brief.publication_type, "name_en", "Renamed Type")
    assert "Renamed Type" in client.get(brief.url_in("en")).content.decode()


def test_a_scheduled_brief_appears_on_cached_pages_once_the_job_makes_it_live(client, site, commit):
    now = timezone.now().replace(second=0, microsecond=0)
    due = make_brief("Due Tomorrow", state=Status.DRAFT, authors=[site[2]], topics=[site[3]])
    with commit():
        actions.Publish(due, actor="test", at=now + timedelta(days=1)).run()
    pages = ["/", "/policy-analysis/", site[3].get_absolute_url(), "/sitemap-briefs.xml"]
    with time_machine.travel(now + timedelta(hours=23), tick=False):
        for url in pages:
            response = client.get(url)
            assert "Due Tomorrow" not in response.content.decode()
            assert due.slug_en not in response.content.decode()
            assert "s-maxage=60" in response["Cache-Control"]
    with time_machine.travel(now + timedelta(days=1, seconds=1), tick=False):
        with commit():
            assert [action.obj for action in scheduled.publish_due()] == [due]  # announced
        for url in pages:
            text = client.get(url).content.decode()
            assert "Due Tomorrow" in text or due.slug_en in text, url


def test_staff_always_see_fresh_pages_marked_private(client, admin_client, site):
    brief = site[0]
    client.get(brief.url_in("en"))
    Brief.objects.filter(pk=brief.pk).update(title_en="Edited Just Now")  # not announced
    assert "Edited Just Now" not in client.get(brief.url_in("en")).content.decode()
    staff = admin_client.get(brief.url_in("en"))
    assert "Edited Just Now" in staff.content.decode()
    assert "private" in staff["Cache-Control"] and "public" not in staff["Cache-Control"]


def test_readers_pages_set_no_cookie_vary_by_nothing_and_suit_a_cdn(client, site):
    brief = site[0]
    for url in [brief.url_in("en"), brief.url_in("ar"), "/policy-analysis/", "/"]:
        for attempt in ("rendered", "from the cache"):
            response = client.get(url)
            assert response.status_code == 200
            assert not response.cookies, (url, attempt)
            assert not response.has_header("Vary"), (url, attempt)
            directives = {d.strip() for d in response["Cache-Control"].split(",")}
            assert directives == {
                "public", "max-age=0", "s-maxage=60", "stale-while-revalidate=30",
            }, (url, attempt)  # fmt: skip
            assert response["ETag"].startswith('"') and response.has_header("Last-Modified")
            assert "Content-Security-Policy" in response, (url, attempt)


def test_conditional_requests_are_answered_with_304_until_the_page_changes(client, site, commit):
    brief = site[0]
    url = brief.url_in("en")
    first = client.get(url)
    for headers in [
        {"HTTP_IF_NONE_MATCH": first["ETag"]},
        {"HTTP_IF_MODIFIED_SINCE": first["Last-Modified"]},
    ]:
        again = client.get(url, **headers)
        assert again.status_code == 304 and again.content == b""
    with commit():
        brief.title_en = "Changed Since"
        actions.Save(brief, actor="test", edited=["en"]).run()
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304  # unpublished
    with commit():
        actions.Publish(brief, actor="test").run()
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and "Changed Since" in changed.content.decode()


def test_what_is_never_kept(client, site):
    brief = site[0]
    draft = make_brief("Secret Draft", state=Status.DRAFT, authors=[make_expert()])
    preview = reverse("shared_preview", args=[share_token(draft)])
    assert "Secret Draft" in client.get(preview).content.decode()
    assert client.get("/policy-analysis/secret-draft").status_code == 404
    assert client.get("/admin/login/").status_code == 200
    # Changed without an announcement: only a kept page would still show the old state.
    Brief.objects.filter(pk=draft.pk).update(title_en="Draft Renamed")
    LanguageState.objects.filter(object_id=draft.pk).update(status=Status.LIVE)
    Brief.objects.filter(pk=draft.pk).update(live_en=True)
    assert "Draft Renamed" in client.get(preview).content.decode() or (
        client.get(preview).status_code == 302  # now public: the link leads to the page
    )
    assert client.get("/policy-analysis/secret-draft").status_code == 200  # 404s not kept
    assert "no-store" in client.get("/admin/login/")["Cache-Control"]
    with_credentials = Client(HTTP_AUTHORIZATION="Bearer token")  # never the shared copy
    assert "private" in with_credentials.get(brief.url_in("en"))["Cache-Control"]


def test_an_address_of_any_length_is_kept_under_a_key_of_one_length(client, site):
    """A reader's query string is not bounded; the cache's keys are (memcached refuses
    keys over 250 characters, and Django warns of them)."""
    long_address = f"/search/?q={'ceasefire ' * 19}"
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheKeyWarning)
        first, second = client.get(long_address), client.get(long_address)
        tracked = client.get(f"{long_address}&utm_campaign={'x' * 5000}")
        other = client.get(f"{long_address}talks")
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert tracked["X-Page-Cache"] == "hit"  # a parameter no page reads: the same page
    assert other["X-Page-Cache"] == "miss"  # another address: another key
