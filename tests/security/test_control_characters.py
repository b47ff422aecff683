"""A character XML cannot carry, pasted into a title or written straight into the database,
never takes a feed down: forms, XLIFF and saves drop or replace it, and feeds write only
what XML can carry."""

import feedparser
import pytest
from django.db import connection

from briefs.models import Brief
from tests.briefs.admin_forms import brief_form
from tests.factories import make_brief, make_expert, make_publication_type, make_topic

pytestmark = pytest.mark.django_db

FEEDS = ["/policy-analysis/feed/", "/policy-analysis/feed/atom/"]


def feeds_of(client, topic):
    urls = [*FEEDS, f"/policy-analysis/{topic.slug}/feed/"]
    return {url: client.get(url) for url in urls}


def test_a_pasted_vertical_tab_is_a_space_once_saved_through_the_form(editor_client):
    data = brief_form(
        make_publication_type(),
        authors=[(make_expert(), 0)],
        title_en="Pasted from Word\x0bwith a vertical tab",
        summary_en="A page\x0cbreak and a \x01 control.",
    )
    assert editor_client.post("/admin/briefs/brief/add/", data).status_code == 302
    brief = Brief.objects.get()
    assert brief.title_en == "Pasted from Word with a vertical tab"
    assert brief.summary_en == "A page break and a  control."


def test_feeds_never_fail_on_what_the_database_holds(client):
    topic = make_topic("Energy")
    brief = make_brief("Gas Deals", topics=[topic], authors=[make_expert()])
    table = Brief._meta.db_table
    with connection.cursor() as cursor:  # written around every save, as an import might
        cursor.execute(
            f"UPDATE {table} SET title_en = %s, summary_en = %s WHERE id = %s",
            ["Pasted from Word\x0bwith a vertical tab", "Summary\x0cwith a form feed", brief.pk],
        )
    for url, response in feeds_of(client, topic).items():
        assert response.status_code == 200, url
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, (url, parsed.bozo_exception)
        assert parsed.entries[0].title.startswith("Pasted from Word"), url


@pytest.mark.skipif(
    connection.vendor == "postgresql", reason="PostgreSQL refuses NUL in text: nothing to show"
)
def test_a_nul_written_straight_into_sqlite_does_not_take_feeds_down(client):
    topic = make_topic("Energy")
    brief = make_brief("Gas Deals", topics=[topic], authors=[make_expert()])
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Brief._meta.db_table} SET title_en = %s WHERE id = %s",
            ["Gas\x00Deals", brief.pk],
        )
    for url, response in feeds_of(client, topic).items():
        assert response.status_code == 200, url
        assert not feedparser.parse(response.content).bozo, url
