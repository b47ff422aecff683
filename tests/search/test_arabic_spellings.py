"""Arabic as readers type it finds the demo's briefs, however the words are spelled there:
spelling variants held out of the normaliser's own tests, through the public search."""

import pytest
from selectolax.lexbor import LexborHTMLParser

from briefs import search
from briefs.models import Brief

pytestmark = pytest.mark.django_db

# (typed, as the demo writes it, the brief's English slug)
VARIANTS = [
    ("قمه المناخ", "قمة", "netanyahu-and-putin-rendezvous-paris"),  # haa for taa marbuta
    ("الاسرائيليه", "الإسرائيلية", "netanyahu-and-putin-rendezvous-paris"),
    ("المسئولين", "المسؤولين", "netanyahu-and-putin-rendezvous-paris"),  # the hamza's seat
    ("مصداقيه الولايات المتحده", "مصداقية…", "netanyahu-and-putin-rendezvous-paris"),
    ("اسرائيل", "إسرائيل", "netanyahu-and-putin-rendezvous-paris"),
    ("تنامى النفوذ", "تنامي", "netanyahu-and-putin-rendezvous-paris"),  # alef maqsura
    ("تحدَّث هاتفيًّا", "تحدّث هاتفياً", "netanyahu-and-putin-rendezvous-paris"),
    ("روسيـا", "روسيا", "netanyahu-and-putin-rendezvous-paris"),  # tatweel
    ("کرملین", "الكرملين", "netanyahu-and-putin-rendezvous-paris"),  # Persian letters
    ("ازمه الشرعيه المتجدده", "أزمة الشرعية المتجددة", "libyas-renewed-legitimacy-crisis"),
    (
        "الدبلوماسيه الخليجيه",
        "الدبلوماسية الإسرائيلية-الخليجية",
        "bennetts-bahrain-visit-further-invigorates-israel-gulf-diplomacy",
    ),
]


def test_spelling_variants_find_the_demos_briefs(client, demo):
    search.rebuild()
    missed = []
    for typed, written, slug in VARIANTS:
        page = LexborHTMLParser(client.get("/ar/search/", {"q": typed}).content.decode())
        found = [link.attributes["href"] for link in page.css(".teaser__title a")]
        if Brief.objects.get(slug_en=slug).url_in("ar") not in found:
            missed.append((typed, written))
    assert missed == []
