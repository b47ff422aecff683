"""Every text field an editor or translator can fill, fed hostile markup, stays inert
on every surface that shows it: pages, feeds, sitemaps, JSON-LD, OG tags and the admin.

Each payload goes into every translated text field, in both languages, of a brief, an
expert, a topic, a region and a publication type; then each page that shows them is read
as a browser (or a feed reader) would read it.
"""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from lxml import etree

from briefs.models import Brief, PublicationType
from experts.models import Expert
from taxonomy.models import Region, Topic
from tests.factories import (
    make_brief,
    make_expert,
    make_publication_type,
    make_region,
    make_topic,
)
from translations.fields import text_fields
from translations.roles import TRANSLATORS, give_role, setup_roles

from .active_content import (
    PAYLOADS,
    active_content,
    feed_active_content,
    sitemap_active_content,
)

pytestmark = pytest.mark.django_db

BATCH_SIZE = 42
BATCHES = [PAYLOADS[start : start + BATCH_SIZE] for start in range(0, len(PAYLOADS), BATCH_SIZE)]
LANGUAGES = ("en", "ar")


def hostile(model, payload):
    """Every translated text field of `model`, in every language, holding `payload` (cut
    to the field's length, as a form would)."""
    values = {}
    for name in text_fields(model):
        for language in LANGUAGES:
            field = model._meta.get_field(f"{name}_{language}")
            values[field.name] = payload[: field.max_length] if field.max_length else payload
    return values


def hostile_brief(payload):
    made = {
        model: factory(**hostile(model, payload))
        for model, factory in [
            (Expert, make_expert),
            (Topic, make_topic),
            (Region, make_region),
            (PublicationType, make_publication_type),
        ]
    }
    return make_brief(
        authors=[made[Expert]],
        topics=[made[Topic]],
        regions=[made[Region]],
        publication_type=made[PublicationType],
        **hostile(Brief, payload),
    )


def pages_of(brief):
    """Every public page and feed that shows `brief` or its expert, topic, region or type
    (the brief's page in a language where its version is live: a payload the sanitizer
    empties a body of leaves no Arabic version to approve)."""
    expert, topic, region = brief.authors.get(), brief.topics.get(), brief.regions.get()
    kind = brief.publication_type
    urls = []
    for language in LANGUAGES:
        if brief.is_live(language):
            urls.append(("html", brief.url_in(language)))
        with translation.override(language):
            urls += [
                ("html", expert.get_absolute_url()),
                ("html", topic.get_absolute_url()),
                ("html", region.get_absolute_url()),
                ("feed", reverse("feeds:expert", kwargs={"slug": expert.slug})),
                ("feed", reverse("feeds:term_atom", kwargs={"slug": topic.slug})),
                ("feed", reverse("feeds:term", kwargs={"slug": region.slug})),
                ("feed", reverse("feeds:type_atom", kwargs={"slug": kind.slug})),
            ]
    return urls


def site_pages():
    """The pages that list everything: home, listing (its second page where there is
    one), experts, feeds of all, sitemaps."""
    urls = []
    for language in LANGUAGES:
        with translation.override(language):
            if Brief.objects.live(language).count() > settings.BRIEFS_PER_PAGE:
                urls.append(("html", f"{reverse('briefs:list')}?page=2"))
            urls += [
                ("html", reverse("website:home")),
                ("html", reverse("briefs:list")),
                ("html", reverse("experts:list")),
                ("feed", reverse("feeds:all")),
                ("feed", reverse("feeds:all_atom")),
            ]
    return urls


def sitemaps(client):
    """The sitemap index and every sitemap it lists."""
    index = reverse("seo:sitemap")
    locations = etree.fromstring(client.get(index).content).iterfind(".//{*}loc")
    sections = [urlsplit(location.text) for location in locations]
    paths = [
        f"{section.path}?{section.query}" if section.query else section.path for section in sections
    ]
    return [("sitemap", path) for path in [index, *paths]]


CHECKS = {"html": active_content, "feed": feed_active_content, "sitemap": sitemap_active_content}


def findings_on(client, urls):
    findings = {}
    for kind, url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        found = CHECKS[kind](response.content)
        if found:
            findings[url] = found
    return findings


@pytest.mark.parametrize("batch", range(len(BATCHES)))
def test_public_surfaces_hold_against_hostile_text(client, batch):
    briefs = [hostile_brief(payload) for payload in BATCHES[batch]]
    findings = {}
    for brief in briefs:
        findings |= findings_on(client, pages_of(brief))
    findings |= findings_on(client, site_pages() + sitemaps(client))
    assert findings == {}


@pytest.mark.parametrize("batch", range(len(BATCHES)))
def test_admin_lists_and_translators_diff_hold_against_hostile_text(
    client, django_user_model, batch
):
    briefs = []
    payloads = BATCHES[batch]
    for payload in payloads:
        hostile_brief(payload)
    # The diff shows title, summary and body: three payloads to a brief, each in one field.
    for start in range(0, len(payloads), 3):
        title, summary, body = (payloads[start:] + payloads[:3])[:3]
        brief = make_brief(arabic=True, summary_en="The old summary.", summary_ar="ملخص.")
        brief.title_en, brief.summary_en, brief.body_en = title[:255], summary, body
        brief.save()  # the English changed: the translator sees the difference
        briefs.append(brief)
    setup_roles()
    translator = django_user_model.objects.create_user("t", password="pw", is_staff=True)
    give_role(translator, TRANSLATORS)
    editor = django_user_model.objects.create_superuser("e", password="pw")

    client.force_login(editor)
    lists = [
        f"{prefix}/admin/{path}/"
        for prefix in ("", "/ar")
        for path in (
            "briefs/brief",
            "briefs/publicationtype",
            "experts/expert",
            "taxonomy/topic",
            "taxonomy/region",
        )
    ]
    findings = findings_on(client, [("html", url) for url in [*lists, "/admin/"]])
    findings |= findings_on(client, [("html", f"/admin/briefs/brief/{briefs[0].pk}/change/")])

    client.force_login(translator)
    diffs = [("html", f"/ar/admin/briefs/brief/{brief.pk}/change/") for brief in briefs]
    for _kind, url in diffs[:1]:
        assert "translation-diff" in client.get(url).content.decode()
    findings |= findings_on(client, [*diffs, ("html", "/ar/admin/")])
    assert findings == {}


def test_the_payloads_are_live_when_not_escaped():
    """The list bites: most payloads are active content as raw HTML, and none once escaped."""
    live = [payload for payload in PAYLOADS if active_content(f"<p>{payload}</p>")]
    assert len(PAYLOADS) >= 150
    assert len(live) >= 120
    assert not [payload for payload in PAYLOADS if active_content(f"<p>{escape(payload)}</p>")]
