"""What the code knows of each language, beyond its code: read from settings, where the
languages are declared once (LANGUAGES chooses which are published, LANGUAGE_REGISTRY
says what each one is). Adding a language is an entry in each, `makemigrations` for
modeltranslation's columns and a catalogue in locale/; a configured language without an
entry fails the system check languages.E001, and asking for one raises, never falling
back on another language's rules.
"""

from dataclasses import dataclass

from django.conf import settings

# The codes of the languages the site publishes in, the default language first.
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# What an entry may say, and what the code does with it.
SCRIPTS = ("latin", "arabic")
NORMALISERS = ("plain", "arabic", "persian")  # search.text.normalise
SLUG_STYLES = ("english", "latin", "arabic-script")  # editorial.slugs.latin_slug
# editorial.dates.long_date: Django's format for the language; the Gregorian calendar with
# the house style's Arabic month names (settings.ARABIC_MONTH_NAMES); the Solar Hijri
# calendar, as Iranian readers date things ("۹ آذر ۱۳۹۴").
DATE_STYLES = ("gregorian", "arabic-months", "solar-hijri")
DIGIT_STYLES = {  # editorial.dates.local_digits
    "western": "0123456789",
    "arabic-indic": "٠١٢٣٤٥٦٧٨٩",
    "persian": "۰۱۲۳۴۵۶۷۸۹",
}


@dataclass(frozen=True)
class Language:
    code: str
    name_local: str  # its name in itself, for the language switch
    bidi: bool  # written right to left
    script: str  # one of SCRIPTS: what its letters are (editorial.content_check)
    search_configuration: str  # PostgreSQL's text search configuration
    stemmer: str | None  # Snowball's algorithm, as that configuration's; None: whole words
    normaliser: str  # one of NORMALISERS: how search spells its words alike
    slug: str  # one of SLUG_STYLES: how a title becomes a Latin address
    og_locale: str  # Open Graph's locale ("ar_AR")
    digits: str  # one of DIGIT_STYLES: the digits its pages are written in
    date_style: str  # one of DATE_STYLES: how its pages write a date

    @property
    def name(self):
        """Its name in the active language ("Arabic"; "العربية" on an Arabic page)."""
        return str(dict(settings.LANGUAGES).get(self.code, self.name_local))


def in_every_language(name):
    """A translated field's columns, one per language: ["name_en", "name_ar", …]."""
    return [f"{name}_{code}" for code in LANGUAGE_CODES]


def describe_to_django():
    """Give Django's table of languages (django.conf.locale.LANG_INFO, which
    get_language_info() and the libraries using it read: modeltranslation's admin tabs)
    the configured languages Django does not ship. It has no setting for them: projects
    adding one extend the table so, once, at start-up."""
    from django.conf import locale

    for code, name in settings.LANGUAGES:
        entry = settings.LANGUAGE_REGISTRY.get(code)
        if entry is not None and code not in locale.LANG_INFO:
            locale.LANG_INFO[code] = {
                "code": code,
                "name": str(name),
                "name_local": entry["name_local"],
                "bidi": entry["bidi"],
            }


class UnknownLanguage(LookupError):
    pass


def get(code):
    """The registry's entry for `code`."""
    try:
        entry = settings.LANGUAGE_REGISTRY[code]
    except KeyError:
        raise UnknownLanguage(
            f"No entry for the language {code!r} in settings.LANGUAGE_REGISTRY."
        ) from None
    return Language(code=code, **entry)
