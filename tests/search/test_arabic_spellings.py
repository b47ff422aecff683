"""Arabic and Persian as readers type them find the demo's briefs, however the words are
spelled there: spelling variants held out of the normaliser's own tests, through the
public search in each language."""

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


SEED = "netanyahu-and-putin-rendezvous-paris"
PERSIAN_VARIANTS = [
    ("ديدار نتانياهو", "دیدار نتانیاهو", SEED),  # Arabic yeh for Persian yeh
    ("كرملين", "کرملین", SEED),  # Arabic kaf and yeh
    ("حزبالله", "حزب‌الله", SEED),  # without the zero-width non-joiner
    ("نگرانیهای امنیتی", "نگرانی‌های امنیتی", SEED),
    ("شبه جزیره سینا", "شبه‌جزیرهٔ سینا", SEED),  # a space for the non-joiner, no ezafe
    ("پرواز 9268", "پرواز ۹۲۶۸", SEED),  # Western digits for Persian
    ("سوريه", "سوریه", SEED),
]


@pytest.mark.parametrize(("language", "variants"), [("ar", VARIANTS), ("fa", PERSIAN_VARIANTS)])
def test_spelling_variants_find_the_demos_briefs(client, demo, language, variants):
    search.rebuild()
    missed = []
    for typed, written, slug in variants:
        page = client.get(f"/{language}/search/", {"q": typed}).content.decode()
        found = [link.attributes["href"] for link in LexborHTMLParser(page).css(".teaser__title a")]
        if Brief.objects.get(slug_en=slug).url_in(language) not in found:
            missed.append((typed, written))
    assert missed == []
