"""The article page renders every element of the seed page, in English and in Arabic."""

import re

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.html import visible_text
from website import demo_content

EN_URL = "/policy-analysis/netanyahu-and-putin-rendezvous-paris"
AR_URL = "/ar/policy-analysis/lqa-ntnyahw-wbwty-nfy-barys"


@pytest.fixture
def english_page(client, demo):
    response = client.get(EN_URL)
    assert response.status_code == 200
    return response


@pytest.fixture
def arabic_page(client, demo):
    response = client.get(AR_URL)
    assert response.status_code == 200
    return response


def test_english_page_is_english_left_to_right(english_page):
    assertContains(english_page, '<html lang="en" dir="ltr">')


def test_english_page_shows_title_byline_and_date(english_page):
    assertContains(
        english_page,
        '<h1 class="brief__title">Netanyahu and Putin Rendezvous in Paris</h1>',
        html=True,
    )
    assertContains(
        english_page,
        '<p class="byline">by <a href="/experts/anna-borshchevskaya">'
        "<bdi>Anna Borshchevskaya</bdi></a></p>",
        html=True,
    )
    assertContains(english_page, '<time datetime="2015-11-30">Nov 30, 2015</time>', html=True)


def test_english_page_links_its_arabic_version(english_page):
    text = visible_text(english_page.content.decode())
    assert "Also available in Arabic: العربية" in text
    assertContains(
        english_page,
        f'<a href="{AR_URL}" hreflang="ar" lang="ar" dir="rtl">العربية</a>',
        html=True,
        count=2,  # the article's "Also available in" and the header's language switch
    )


def test_english_page_introduces_the_author(english_page):
    html = english_page.content.decode()
    about = html[html.index("about-authors-heading") : html.index('class="brief__body"')]
    assert "About the author<" in about  # one author
    assert re.search(r'<div class="author-card__photo"><picture>.+anna-borshchevskaya', about)
    assert 'alt="Anna Borshchevskaya: initials in place of a photo"' in about
    assert '<a href="/experts/anna-borshchevskaya"><bdi>Anna Borshchevskaya</bdi></a>' in about
    assert (
        "Anna Borshchevskaya is a senior fellow at The Washington Institute, focusing on "
        "Russia&#x27;s policy toward the Middle East." in about
    )


def test_english_page_shows_type_body_note_and_outlet(english_page):
    text = visible_text(english_page.content.decode())
    assert "Articles & Testimony Israeli Prime Minister Benjamin Netanyahu" in text
    assert "coordination with Israel prevents clashes such as the one between Turkey" in text
    assert (
        "U.S. policymakers should indicate greater commitment to Israel's security concerns."
        in text
    )
    assert "Anna Borshchevskaya is an Ira Weiner Fellow at The Washington Institute." in text
    assert "First published in Israel Allies Foundation" in text


def test_english_page_shows_the_recommended_rail_in_order(english_page):
    text = visible_text(english_page.content.decode())
    rail = text[text.index("Recommended") : text.index("Topics")]
    assert rail == (
        "Recommended "
        "Articles & Testimony How to Make Russia Pay in Ukraine: Study Syria Feb 15, 2022 "
        "Anna Borshchevskaya "
        "Brief Analysis Bennett's Bahrain Visit Further Invigorates Israel-Gulf Diplomacy "
        "Feb 14, 2022 Simon Henderson "
        "Brief Analysis Libya's Renewed Legitimacy Crisis Feb 14, 2022 Ben Fishman "
    )
    for slug in demo_content.SEED_ARTICLE["recommendations"]:
        assertContains(english_page, f'href="/policy-analysis/{slug}"')


def test_english_page_lists_topics_and_regions(english_page):
    assertContains(
        english_page,
        '<a href="/policy-analysis/military-security">Military &amp; Security</a>',
        html=True,
    )
    assertContains(english_page, '<a href="/policy-analysis/israel">Israel</a>', html=True)
    assertContains(english_page, '<a href="/policy-analysis/syria">Syria</a>', html=True)
    text = visible_text(english_page.content.decode())
    assert "Topics Military & Security Regions & Countries Israel Syria" in text


def test_arabic_page_is_arabic_right_to_left(arabic_page):
    assertContains(arabic_page, '<html lang="ar" dir="rtl">')


def test_arabic_page_shows_every_element_in_arabic(arabic_page):
    text = visible_text(arabic_page.content.decode())
    for expected in [
        "لقاء نتنياهو وبوتين في باريس",
        "بقلم آنا بورشيفسكايا",
        "30 تشرين الثاني/نوفمبر 2015",
        "متوفر أيضاً باللغة الإنجليزية: English",
        "عن الكاتب آنا بورشيفسكايا آنا بورشيفسكايا زميلة أولى في معهد واشنطن",
        "مقالات وشهادات يلتقي رئيس الوزراء الإسرائيلي بنيامين نتنياهو",
        'آنا بورشيفسكايا هي زميلة "آيرا وينر" في معهد واشنطن.',
        "نُشر أولاً في مؤسسة حلفاء إسرائيل",
        "قراءات مقترحة مقالات وشهادات كيف نجعل روسيا تدفع الثمن في أوكرانيا: دروس من سوريا "
        "15 شباط/فبراير 2022 آنا بورشيفسكايا",
        "المواضيع الشؤون العسكرية والأمنية المناطق والدول إسرائيل سوريا",
    ]:
        assert expected in text


def test_arabic_page_links_stay_in_arabic(arabic_page):
    assertContains(arabic_page, 'href="/ar/experts/anna-borshchevskaya"')
    assertContains(arabic_page, 'href="/ar/policy-analysis/military-security"')
    assertContains(arabic_page, 'href="/ar/policy-analysis/syria"')
    assertContains(arabic_page, 'href="/ar/policy-analysis/israel"')
    assertContains(arabic_page, f'href="{EN_URL}" hreflang="en" lang="en"')


def test_no_english_leaks_into_the_arabic_page(arabic_page):
    text = visible_text(arabic_page.content.decode(), skip_lang="en")
    assert not re.search(r"[A-Za-z]", text), text
    assertNotContains(arabic_page, "Netanyahu")


def test_arabic_page_title_and_description_are_arabic(arabic_page):
    assertContains(arabic_page, "<title>لقاء نتنياهو وبوتين في باريس | غرفة الإحاطات</title>")
    assertContains(arabic_page, '<meta name="description" content="يلتقي نتنياهو وبوتين')
