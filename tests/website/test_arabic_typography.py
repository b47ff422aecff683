"""Arabic as a native reader expects it: the served Naskh face, the house style's dates,
Latin isolated inside Arabic, and sentences that agree with what they count."""

from datetime import datetime

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.utils import timezone, translation
from django.utils.formats import date_format

from briefs.models import Attachment
from editorial.bidi import isolate
from editorial.dates import ARABIC_MONTH_STYLES
from tests.factories import make_brief, make_expert

pytestmark = pytest.mark.django_db


def stylesheet():
    with open(finders.find("css/site.css"), encoding="utf-8") as css:
        return css.read()


FONT = "fonts/noto-naskh-arabic/noto-naskh-arabic-arabic-400-normal.woff2"


@pytest.fixture
def brief(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # into the search index
        return make_brief(
            "Gas Deals",
            title_ar="موقف U.S. من صفقة F-16 مع مصر",
            arabic=True,
            published_at=timezone.make_aware(datetime(2015, 11, 30, 12)),
            authors=[make_expert("Anna Borshchevskaya")],  # no Arabic name: shown in Latin
        )


def test_the_arabic_font_is_served_from_the_site_and_swapped_in(client, brief):
    assert finders.find(FONT), "the font file ships in static/"
    assert finders.find("fonts/noto-naskh-arabic/LICENSE")
    css = stylesheet()
    face = css[css.index("@font-face") : css.index("}", css.index("@font-face"))]
    assert '"Noto Naskh Arabic"' in face and "font-display: swap" in face
    assert "unicode-range: U+0600-06FF" in face
    page = client.get(brief.url_in("ar")).content.decode()
    assert f'<link rel="preload" href="/static/{FONT}" as="font"' in page
    english = client.get(brief.url_in("en")).content.decode()
    assert 'rel="preload"' not in english  # English pages never fetch it


def test_arabic_text_is_never_letter_spaced_or_slanted():
    css = stylesheet()
    arabic_script = ":is(:lang(ar), :lang(fa))"  # Arabic and Persian, in the same font
    rules = "font-family: var(--font-arabic); line-height: 1.9; letter-spacing: 0;"
    assert f"{arabic_script} {{ {rules} font-synthesis: none; }}" in css
    emphasis = ", ".join(f"{arabic_script} {tag}" for tag in ("em", "i", "cite", ".author-note"))
    assert emphasis + " { font-style: normal; font-weight: 700; }" in css


@pytest.mark.parametrize(
    ("months", "digits", "shown"),
    [
        ("both", "western", "30 تشرين الثاني/نوفمبر 2015"),
        ("levantine", "western", "30 تشرين الثاني 2015"),
        ("gregorian", "western", "30 نوفمبر 2015"),
        ("both", "arabic-indic", "٣٠ تشرين الثاني/نوفمبر ٢٠١٥"),
    ],
)
def test_arabic_dates_follow_the_house_style_everywhere(
    client, brief, settings, months, digits, shown
):
    settings.ARABIC_MONTH_NAMES = months
    _house_digits(settings, digits)
    for url in (brief.url_in("ar"), "/ar/policy-analysis/", "/ar/search/?q=صفقة"):
        assert f'<time datetime="2015-11-30">{shown}</time>' in client.get(url).content.decode(), (
            url
        )
    english = client.get(brief.url_in("en")).content.decode()
    assert '<time datetime="2015-11-30">Nov 30, 2015</time>' in english


def test_an_unknown_house_style_is_refused_at_start_up(settings):
    settings.ARABIC_MONTH_NAMES = "hijri"
    _house_digits(settings, "roman")
    with pytest.raises(SystemCheckError) as refused:
        call_command("check")
    assert "editorial.E001" in str(refused.value)
    assert "digits='roman' is not one of western, arabic-indic, persian" in str(refused.value)


def test_latin_inside_arabic_is_isolated_in_titles_bylines_and_lists(client, brief):
    page = client.get(brief.url_in("ar")).content.decode()
    assert "موقف <bdi>U.S.</bdi> من صفقة <bdi>F-16</bdi> مع مصر" in page
    # Her name is not spelled in Arabic yet: shown as written, isolated, and not linked to
    # an Arabic page she does not have.
    assert '<p class="byline">بقلم <bdi>Anna Borshchevskaya</bdi></p>' in page
    listing = client.get("/ar/policy-analysis/").content.decode()
    assert "موقف <bdi>U.S.</bdi> من صفقة" in listing


def test_isolation_keeps_runs_whole_and_escapes_the_rest():
    isolated = "عن <bdi>Hezbollah&#x27;s</bdi> &lt;<bdi>b</bdi>&gt;<bdi>arms</bdi>&lt;/<bdi>b</bdi>"
    assert isolate("عن Hezbollah's <b>arms</b> 2015", rtl=True) == isolated + "&gt; 2015"
    assert (
        isolate("Talks with حزب الله, again", rtl=False) == "Talks with <bdi>حزب الله</bdi>, again"
    )


def test_the_language_switch_names_each_language_in_its_script_inside_a_sentence(client, brief):
    arabic = client.get(brief.url_in("ar")).content.decode()
    assert "متوفر أيضاً باللغة الإنجليزية:" in arabic
    assert f'<a href="{brief.url_in("en")}" hreflang="en" lang="en" dir="ltr">English</a>' in arabic
    english = client.get(brief.url_in("en")).content.decode()
    assert "Also available in Arabic:" in english
    assert 'hreflang="ar" lang="ar" dir="rtl">العربية</a>' in english


@pytest.mark.parametrize(
    ("authors", "heading"), [(1, "عن الكاتب"), (2, "عن الكاتبَين"), (3, "عن الكتّاب")]
)
def test_about_the_authors_agrees_with_their_number(client, authors, heading):
    brief = make_brief(arabic=True, authors=[make_expert(name_ar="خبير") for _ in range(authors)])
    page = client.get(brief.url_in("ar")).content.decode()
    assert f'class="section-label">{heading}</h2>' in page


@pytest.mark.parametrize(
    ("digits", "shown"), [("western", "76.8\xa0كيلوبايت"), ("arabic-indic", "٧٦٫٨\xa0كيلوبايت")]
)
def test_a_file_sizes_decimal_point_follows_the_house_digits(
    client, brief, settings, digits, shown
):
    _house_digits(settings, digits)
    Attachment.objects.bulk_create(
        [Attachment(brief=brief, title_en="Report", title_ar="التقرير", file="r.pdf", size=78643)]
    )
    arabic = client.get(brief.url_in("ar")).content.decode()
    assert f"تنزيل ملف «بي دي إف» ({shown})" in arabic
    assert "76,8" not in arabic
    assert "Download PDF (76.8\xa0KB)" in client.get(brief.url_in("en")).content.decode()


@pytest.mark.parametrize(
    ("months", "shown"),
    [
        ("both", "30 تشرين الثاني/نوفمبر 2015، 12:00"),
        ("levantine", "30 تشرين الثاني 2015، 12:00"),
        ("gregorian", "30 نوفمبر 2015، 12:00"),
    ],
)
def test_the_arabic_admin_writes_dates_in_the_house_month_style(
    admin_client, brief, settings, months, shown
):
    settings.LOCALE_PATHS = [
        settings.BASE_DIR / "locale" / "months" / months,
        settings.BASE_DIR / "locale",
    ]
    page = admin_client.get("/ar/admin/briefs/brief/").content.decode()
    assert shown in page


@pytest.mark.parametrize("months", list(ARABIC_MONTH_STYLES))
def test_each_month_catalogue_holds_the_house_styles_names(settings, months):
    settings.LOCALE_PATHS = [settings.BASE_DIR / "locale" / "months" / months]
    with translation.override("ar"):
        for number, name in enumerate(ARABIC_MONTH_STYLES[months], start=1):
            day = datetime(2015, number, 1)
            assert [date_format(day, spec) for spec in ("F", "E", "N")] == [name] * 3


def _house_digits(settings, digits):
    entry = {**settings.LANGUAGE_REGISTRY["ar"], "digits": digits}
    settings.LANGUAGE_REGISTRY = {**settings.LANGUAGE_REGISTRY, "ar": entry}
