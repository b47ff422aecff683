import pytest

from editorial.slugs import arabic_slug, english_slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Netanyahu and Putin Rendezvous in Paris", "netanyahu-and-putin-rendezvous-paris"),
        (
            "A Contest of Wills–and Wagers–between Jordan and Israel",
            "contest-wills-and-wagers-between-jordan-and-israel",
        ),
        ("Gaza—After the War", "gaza-after-war"),
        (
            "How to Make Russia Pay in Ukraine: Study Syria",
            "how-make-russia-pay-ukraine-study-syria",
        ),
        (
            "Bennett's Bahrain Visit Further Invigorates Israel-Gulf Diplomacy",
            "bennetts-bahrain-visit-further-invigorates-israel-gulf-diplomacy",
        ),
        ("Libya's Renewed Legitimacy Crisis", "libyas-renewed-legitimacy-crisis"),
        ("Military & Security", "military-security"),
        ("U.S. Policy Toward Iran, 2024–2025", "us-policy-toward-iran-2024-2025"),
        ("Café Society in Beyrouth", "cafe-society-beyrouth"),
        ("The", "the"),
    ],
)
def test_english_slug_follows_the_site(title, slug):
    assert english_slug(title) == slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("لقاء نتنياهو وبوتين في باريس", "lqa-ntnyahw-wbwtyn-fy-barys"),
        ("مهمّتنا", "mhmwtna"),
        ("خبراء الشرق الأوسط", "khbra-alshrq-alawst"),
        ("ثلاث ذكريات غائبة", "thlath-dhkryat-ghaybt"),
        ("مؤسسة إسرائيل", "mwsst-asrayyl"),
        ("سوريا ٢٠١٥، هل تغيّرت؟", "swrya-2015-hl-tghywrt"),
        ("عـــربي", "rby"),
        ("مَدْرَسَة", "madrasat"),
    ],
)
def test_arabic_slug_transliterates_letter_by_letter(title, slug):
    assert arabic_slug(title) == slug


def test_long_titles_are_cut_at_a_word_boundary():
    slug = english_slug("word " * 60)
    assert len(slug) <= 100
    assert not slug.endswith("-")
    assert set(slug.split("-")) == {"word"}
