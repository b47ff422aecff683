"""The languages' registry: what each configured language is, read from settings, and no
language silently treated by another's rules."""

import pytest
from django.core.checks import run_checks

from editorial.dates import local_digits, local_number
from editorial.slugs import latin_slug
from languages.registry import UnknownLanguage
from search.text import normalise, stems, words
from tests.factories import make_brief

FRENCH = {
    "name_local": "Français",
    "bidi": False,
    "script": "latin",
    "search_configuration": "french",
    "stemmer": "french",
    "normaliser": "plain",
    "slug": "latin",
    "og_locale": "fr_FR",
    "digits": "western",
    "date_style": "gregorian",
}


def _errors(ids=("languages.E001", "languages.E002")):
    return [error for error in run_checks() if error.id in ids]


def test_the_configured_languages_pass_the_check():
    assert _errors() == []


def test_a_configured_language_without_an_entry_fails_the_check(settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("fr", "French")]
    [error] = _errors()
    assert error.id == "languages.E001"
    assert "'fr'" in error.msg and "LANGUAGE_REGISTRY" in error.msg


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"stemmer": "klingon"}, "stemmer='klingon' is not one of Snowball's algorithms"),
        ({"digits": "roman"}, "digits='roman' is not one of western, arabic-indic, persian"),
        ({"normaliser": "hebrew"}, "normaliser='hebrew' is not one of plain, arabic, persian"),
        ({"slug": "cyrillic"}, "slug='cyrillic' is not one of english, latin, arabic-script"),
        ({"script": "greek"}, "script='greek' is not one of latin, arabic"),
        ({"date_style": "julian"}, "date_style='julian' is not one of gregorian, arabic-months"),
        ({"colour": "blue"}, "colour not known"),
    ],
)
def test_a_wrong_entry_is_named_with_what_is_wrong(settings, change, said):
    settings.LANGUAGES = [*settings.LANGUAGES, ("fr", "French")]
    settings.LANGUAGE_REGISTRY = {**settings.LANGUAGE_REGISTRY, "fr": {**FRENCH, **change}}
    [error] = _errors()
    assert error.id == "languages.E002" and said in error.msg


def test_an_entry_missing_a_field_is_refused(settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("fr", "French")]
    entry = {name: value for name, value in FRENCH.items() if name != "og_locale"}
    settings.LANGUAGE_REGISTRY = {**settings.LANGUAGE_REGISTRY, "fr": entry}
    [error] = _errors()
    assert "og_locale missing" in error.msg


def test_a_language_unknown_to_the_registry_is_refused_not_stemmed_as_english(settings):
    with pytest.raises(UnknownLanguage):
        stems("the policies", "fr")
    with pytest.raises(UnknownLanguage):
        latin_slug("Élection présidentielle", "fr")


def test_a_new_language_follows_its_entry_in_search_and_slugs(settings):
    settings.LANGUAGE_REGISTRY = {**settings.LANGUAGE_REGISTRY, "fr": FRENCH}
    assert stems("les politiques étrangères", "fr") == ["le", "polit", "étranger"]
    # Its own slug style: accents folded, no English stop words taken out.
    assert latin_slug("The Élection présidentielle", "fr") == "the-election-presidentielle"
    assert latin_slug("The Presidential Election", "en") == "presidential-election"


@pytest.mark.parametrize(
    ("typed", "indexed"),
    [
        ("می‌روند", "میروند"),  # with and without the zero-width non-joiner
        ("ایران", "ايران"),  # Persian and Arabic yeh
        ("کشور", "كشور"),  # Persian keheh and Arabic kaf
        ("سیاستِ", "سياست"),  # a diacritic (kasra of the ezafe)
        ("۱۴۰۳", "1403"),  # Persian digits
        ("موسسه", "مؤسسهٔ"),  # no hamza on the waw, no ezafe mark
    ],
)
def test_persian_is_searched_as_readers_type_it(typed, indexed):
    assert words(typed, "fa") == words(indexed, "fa")


def test_persian_keeps_what_arabic_normalising_would_take_off():
    # A final ه is not Arabic's ة in Persian, nor is و before ال a conjunction.
    assert normalise("نامه", "fa") == "نامه"
    assert normalise("نامه", "ar") == "نامة"
    assert stems("کتاب‌ها", "fa") == ["كتابها"]  # no stemmer: whole words


def test_digits_follow_each_languages_entry(settings):
    assert local_digits("30 2015", "fa") == "۳۰ ۲۰۱۵"
    assert local_digits("30 2015", "ar") == "30 2015"  # the modelled site's Western digits
    assert local_digits("30 2015", "en") == "30 2015"
    assert local_number("76.8 KB, 1,000", "fa") == "۷۶٫۸ KB, ۱٬۰۰۰"
    settings.LANGUAGE_REGISTRY = {
        **settings.LANGUAGE_REGISTRY,
        "ar": {**settings.LANGUAGE_REGISTRY["ar"], "digits": "arabic-indic"},
    }
    assert local_number("76.8", "ar") == "٧٦٫٨"


@pytest.mark.django_db
def test_each_page_names_its_open_graph_locale_and_its_other_versions(client):
    brief = make_brief(arabic=True)
    english = client.get(brief.url_in("en")).content.decode()
    assert '<meta property="og:locale" content="en_US">' in english
    assert '<meta property="og:locale:alternate" content="ar_AR">' in english
    arabic = client.get(brief.url_in("ar")).content.decode()
    assert '<meta property="og:locale" content="ar_AR">' in arabic
    assert '<meta property="og:locale:alternate" content="en_US">' in arabic
    only_english = client.get(make_brief().url_in("en")).content.decode()
    assert "og:locale:alternate" not in only_english
