"""RSS and Atom feeds parse cleanly, list what they should, and speak the page's language."""

import feedparser
import pytest

from publishing.models import Status
from tests.factories import make_brief, make_expert, make_publication_type, make_topic

pytestmark = pytest.mark.django_db

FEEDS = [
    "/policy-analysis/feed/",
    "/policy-analysis/military-security/feed/",
    "/policy-analysis/syria/feed/",
    "/policy-analysis/israel/feed/",
    "/experts/anna-borshchevskaya/feed/",
    "/policy-analysis/types/brief-analysis/feed/",
]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return feed


def test_every_feed_parses_in_each_language(client, demo):
    # One test over every feed: building the demo (its images' renditions) costs more
    # than reading all 24 feeds.
    wrong = {}
    for path in FEEDS:
        for prefix, language in (("", "en"), ("/ar", "ar")):
            for flavour in ("", "atom/"):
                url = f"{prefix}{path}{flavour}"
                feed = parse(client, url)
                said = feed.feed.get("language", feed.feed.get("xml_lang"))
                if not feed.entries or said != language:
                    wrong[url] = (len(feed.entries), said)
    assert wrong == {}


def test_feed_entries_are_the_scope_newest_first(client, demo):
    feed = parse(client, "/experts/anna-borshchevskaya/feed/")
    assert [entry.title for entry in feed.entries] == [
        "How to Make Russia Pay in Ukraine: Study Syria",
        "Netanyahu and Putin Rendezvous in Paris",
    ]
    assert (
        feed.entries[0].link
        == "http://testserver/policy-analysis/how-make-russia-pay-ukraine-study-syria"
    )
    assert feed.entries[0].author == "Anna Borshchevskaya"


def test_arabic_feed_is_arabic(client, demo):
    feed = parse(client, "/ar/policy-analysis/military-security/feed/")
    assert [entry.title for entry in feed.entries] == ["لقاء نتنياهو وبوتين في باريس"]
    assert (
        feed.entries[0].link == "http://testserver/ar/policy-analysis/lqa-ntnyahw-wbwty-nfy-barys"
    )
    assert feed.feed.title == "غرفة الإحاطات: الشؤون العسكرية والأمنية"


def test_drafts_and_english_only_briefs_stay_out(client):
    energy = make_topic("Energy", name_ar="الطاقة")
    make_brief("Public", topics=[energy], arabic=True, title_ar="منشور")
    make_brief("Secret Draft", topics=[energy], state=Status.DRAFT, arabic=True)
    make_brief("English Only", topics=[energy])
    english = parse(client, "/policy-analysis/energy/feed/")
    assert [entry.title for entry in english.entries] == ["English Only", "Public"]
    arabic = parse(client, "/ar/policy-analysis/energy/feed/")
    assert [entry.title for entry in arabic.entries] == ["منشور"]


def test_unknown_feed_scopes_are_404(client):
    make_publication_type("Brief Analysis")
    make_expert("Untranslated")
    assert client.get("/policy-analysis/nothing/feed/").status_code == 404
    assert client.get("/experts/nobody/feed/").status_code == 404
    assert client.get("/ar/experts/untranslated/feed/").status_code == 404
    assert client.get("/ar/policy-analysis/types/brief-analysis/feed/").status_code == 404


def test_listing_filtered_by_type_links_the_types_feed(client, demo):
    response = client.get("/policy-analysis/", {"type": "brief-analysis"})
    assert 'href="/policy-analysis/types/brief-analysis/feed/"' in response.content.decode()
