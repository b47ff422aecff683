"""`load_demo` builds the seed page's content, and running it again changes nothing."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from reversion.models import Version

from briefs.models import Attachment, Brief, PublicationType, Recommendation
from experts.models import Expert
from library.models import Image
from publishing.models import Status
from taxonomy.models import Region, Topic
from tests.factories import state_of
from translations.models import ExportedUnit

pytestmark = pytest.mark.django_db


def counts():
    models = [
        Brief,
        PublicationType,
        Recommendation,
        Expert,
        Topic,
        Region,
        Image,
        get_user_model(),
    ]
    return {model.__name__: model.objects.count() for model in models}


def test_load_demo_is_idempotent_and_prints_the_login(settings):
    settings.DEBUG = True  # as `make run` has it
    out = StringIO()
    call_command("load_demo", stdout=out)
    first = counts()
    call_command("load_demo", stdout=StringIO())
    assert counts() == first
    assert first == {
        "Brief": 10,
        "PublicationType": 3,
        "Recommendation": 4,
        "Expert": 4,
        "Topic": 2,
        "Region": 3,
        "Image": 7,  # two lead images, the seed's figure and four portraits
        "User": 4,  # the admin, a writer, an Arabic and a Persian translator
    }
    assert "user: admin  password: briefing-room" in out.getvalue()
    assert get_user_model().objects.get(username="admin").check_password("briefing-room")
    translator = get_user_model().objects.get(username="translator")
    assert set(translator.groups.values_list("name", flat=True)) == {
        "Translators",
        "Translators: ar",
    }
    persian = get_user_model().objects.get(username="translator-fa")
    assert set(persian.groups.values_list("name", flat=True)) == {
        "Translators",
        "Translators: fa",
    }
    assert "user: translator-fa  password: briefing-room" in out.getvalue()


def test_the_demo_holds_each_kind_of_object_in_each_state_that_matters(settings):
    """What the admin's round trip (tests/admin) must meet: a brief with picks, PDFs, a
    lead image and a guest author; a PDF, an image, a topic and a region without Arabic;
    a batch out with an agency; the writer's own draft and brief in review."""
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    full = Brief.objects.filter(
        recommendations__isnull=False,
        attachments__isnull=False,
        lead_image__isnull=False,
        authorships__expert__kind="guest",
    )
    assert full.exists()
    assert Attachment.objects.filter(title_ar__isnull=True).exists()
    assert Image.objects.filter(alt_ar__isnull=True).exists()
    assert Topic.objects.filter(name_ar__isnull=True).exists()
    assert Region.objects.filter(name_ar__isnull=True).exists()
    assert ExportedUnit.objects.out().exists()
    writer = get_user_model().objects.get(username="writer")
    assert {state_of(brief) for brief in Brief.objects.filter(created_by=writer)} == {
        "draft",
        "review",
    }
    states = {brief.state for brief in Brief.objects.all()}
    assert states == {"draft", "review", "scheduled", "live", "withdrawn"}


def test_demo_article_carries_the_seed_facts():
    call_command("load_demo", stdout=StringIO())
    seed = Brief.objects.get(slug_en="netanyahu-and-putin-rendezvous-paris")
    assert seed.slug_ar == "lqa-ntnyahw-wbwty-nfy-barys"
    assert seed.published_at.date().isoformat() == "2015-11-30"
    assert seed.publication_type.name_en == "Articles & Testimony"
    assert seed.original_outlet_name_en == "Israel Allies Foundation"
    assert [expert.slug for expert in seed.ordered_authors] == ["anna-borshchevskaya"]
    assert seed.lead_image.alt_ar and len(seed.lead_image.renditions["wide"]["webp"]) == 4
    timeline = Image.objects.get(credit_en="Chart made for the demo")
    for body in [seed.body_en, seed.body_ar]:  # a figure after the second paragraph
        assert (
            body.split("</p>")[2]
            .lstrip()
            .startswith('<figure class="figure"><img src="/media/images/')
        )
        assert f'data-file="{timeline.pk}"' in body
    [summary] = seed.attachments.all()
    assert summary.file.read(5) == b"%PDF-" and summary.title_ar == "ملخص في صفحة واحدة"
    picks = seed.recommendations.order_by("position")
    assert [pick.recommended.slug_en for pick in picks] == [
        "how-make-russia-pay-ukraine-study-syria",
        "bennetts-bahrain-visit-further-invigorates-israel-gulf-diplomacy",
        "libyas-renewed-legitimacy-crisis",
    ]


def test_recommended_briefs_say_their_text_is_not_in_the_seed():
    call_command("load_demo", stdout=StringIO())
    seed_briefs = Brief.objects.live("en").exclude(slug_en__startswith="demo-")
    for brief in seed_briefs.exclude(slug_en="netanyahu-and-putin-rendezvous-paris"):
        assert "not part of the demo content" in brief.body_en
        assert "ليس جزءاً من المحتوى التجريبي" in brief.body_ar


def test_demo_logins_are_refused_with_debug_off_unless_asked_for(settings):
    settings.DEBUG = False
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert Brief.objects.count() == 10
    assert not get_user_model().objects.exists()
    assert "No demo logins made" in out.getvalue()
    assert "briefing-room" not in out.getvalue()

    call_command("load_demo", "--demo-accounts", stdout=StringIO())
    assert get_user_model().objects.get(username="admin").check_password("briefing-room")


def test_the_demo_shows_the_workflow_and_history(client):
    call_command("load_demo", "--demo-accounts", stdout=StringIO())
    states = {
        brief.slug_en.split("-")[1]: brief.state
        for brief in Brief.objects.filter(slug_en__startswith="demo-")
    }
    assert states == {
        "draft": "draft",
        "in": "review",
        "scheduled": "scheduled",
        "withdrawn": "withdrawn",
        "arabic": "live",
    }
    translated = Brief.objects.get(slug_en__startswith="demo-arabic-")
    assert state_of(translated, "ar") == Status.REVIEW
    page = client.get(translated.get_absolute_url()).content.decode()
    assert (
        'Ben Fishman</bdi></a> and <a href="/experts/leila-haddad">'
        "<bdi>Leila Haddad</bdi></a> (discussant)" in page
    )
    assert "Leila Haddad" not in client.get("/experts/").content.decode()  # a guest
    assert translated.url_in("ar") is None  # not public in Arabic until approved
    assert client.get(f"/ar/policy-analysis/{translated.slug_ar}").status_code == 404
    seed = Brief.objects.get(slug_en="netanyahu-and-putin-rendezvous-paris")
    comments = [version.revision.comment for version in Version.objects.get_for_object(seed)]
    assert comments == [
        "Persian: approved",
        "Arabic: approved",
        "Published",
        "Summary: named the topics of the meeting",
        "First draft of the summary",
    ]
    call_command("load_demo", "--demo-accounts", stdout=StringIO())  # nothing added again
    assert Version.objects.get_for_object(seed).count() == 5
    assert Brief.objects.count() == 10


def test_the_demo_has_a_piece_written_in_arabic_first(client):
    call_command("load_demo", "--demo-accounts", stdout=StringIO())
    piece = Brief.objects.get(source_language="ar")
    assert (state_of(piece, "ar"), state_of(piece, "en")) == (Status.LIVE, Status.REVIEW)
    arabic = client.get(piece.url_in("ar"))
    assert arabic.status_code == 200
    assert "الشباب العراقي وصناديق الاقتراع" in arabic.content.decode()
    for arabic_page in ("/ar/policy-analysis/", "/ar/experts/leila-haddad/feed/"):
        assert "الشباب العراقي" in client.get(arabic_page).content.decode(), arabic_page
    assert client.get(f"/policy-analysis/{piece.slug_en}").status_code == 404
    for english in ("/policy-analysis/", "/experts/leila-haddad/feed/", "/experts/leila-haddad"):
        response = client.get(english)
        assert response.status_code == 200 and "Young Iraqis" not in response.content.decode()
