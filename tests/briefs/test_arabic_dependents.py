"""What an Arabic version shows of other objects: approving it lists those without Arabic,
and its page never shows an empty label for them."""

import pytest
from selectolax.lexbor import LexborHTMLParser

from briefs.models import Attachment, Brief
from publishing.models import Status
from tests.briefs.test_arabic_workflow import submit
from tests.factories import (
    make_brief,
    make_expert,
    make_image,
    make_publication_type,
    make_region,
    make_topic,
    set_state,
    state_of,
)
from translations.roles import EDITORS

pytestmark = pytest.mark.django_db


@pytest.fixture
def brief(db):
    """A public brief whose Arabic awaits approval; its new topic and region, its PDF's
    title and its lead image have no Arabic, its type, author and other topic have."""
    brief = make_brief(
        "Drones over Ukraine",
        publication_type=make_publication_type("Brief Analysis", name_ar="تحليل موجز"),
        authors=[make_expert("Nadia Rahman", name_ar="نادية رحمن")],
        topics=[make_topic("Energy", name_ar="الطاقة"), make_topic("Arms Control")],
        regions=[make_region("Ukraine")],
        lead_image=make_image(alt_en="A drone against a night sky"),
        title_ar="المسيّرات في سماء أوكرانيا",
        body_ar="<p>نص التحليل.</p>",
        arabic_state=Status.REVIEW,
    )
    Attachment.objects.bulk_create(
        [Attachment(brief=brief, title_en="Full report", file="documents/report.pdf")]
    )
    return brief


def faults(response):
    tree = LexborHTMLParser(response.content.decode())
    return {
        item.text(): item.css_first("a").attributes["href"]
        for item in tree.css(".content-faults li")
    }


def test_approving_arabic_lists_what_it_shows_that_has_no_arabic(client, member, brief):
    member("edith", EDITORS)
    response = submit(client, brief, "_approve_ar")
    assert response.status_code == 200
    listed = faults(response)
    topic, region = brief.topics.get(name_en="Arms Control"), brief.regions.get()
    expected = {
        "Topic (Arabic): “Arms Control” has no Arabic name yet.": (
            f"/admin/taxonomy/topic/{topic.pk}/change/"
        ),
        "Region or country (Arabic): “Ukraine” has no Arabic name yet.": (
            f"/admin/taxonomy/region/{region.pk}/change/"
        ),
        "PDF attachment (Arabic): “Full report” has no Arabic title yet.": (
            f"/admin/briefs/brief/{brief.pk}/change/#attachments-group"
        ),
        "Image (Arabic): “A drone against a night sky” has no Arabic alt text yet.": (
            f"/admin/library/image/{brief.lead_image.pk}/change/"
        ),
    }
    assert listed == expected
    assert state_of(brief, "ar") == "review"

    response = submit(client, brief, "_approve_ar", publish_despite_faults="on")
    assert response.status_code == 302
    assert state_of(brief, "ar") == "live"


def test_the_arabic_page_leaves_out_terms_and_documents_without_arabic(client, brief):
    set_state(brief, "ar", Status.LIVE)
    page = client.get(Brief.objects.get(pk=brief.pk).url_in("ar")).content.decode()
    tree = LexborHTMLParser(page)
    pills = [link.text() for link in tree.css(".terms a")]
    assert pills == ["الطاقة"]  # neither an empty pill nor an English name
    assert all(link.text(deep=True).strip() for link in tree.css("main a"))
    english = LexborHTMLParser(client.get(brief.url_in("en")).content.decode())
    assert not tree.css("a[href*='/documents/']")
    assert english.css("a[href*='/documents/']")
    assert sorted(link.text() for link in english.css(".terms a")) == [
        "Arms Control",
        "Energy",
        "Ukraine",
    ]
