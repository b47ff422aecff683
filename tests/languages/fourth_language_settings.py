"""The project's settings with a fourth language added as an operator adds one: a made-up
language (Klingon, ISO 639 "tlh") in LANGUAGES, with its registry entry. Used by
tests/languages/test_fourth_language.py in a copy of the project."""

from config.settings import *  # noqa: F403
from config.settings import LANGUAGE_REGISTRY, LANGUAGES

LANGUAGES = [*LANGUAGES, ("tlh", "Klingon")]
LANGUAGE_REGISTRY = {
    **LANGUAGE_REGISTRY,
    "tlh": {
        "name_local": "tlhIngan Hol",
        "bidi": False,
        "script": "latin",
        "search_configuration": "simple",
        "stemmer": None,
        "normaliser": "plain",
        "slug": "latin",
        "og_locale": "tlh",
        "digits": "western",
        "date_style": "gregorian",
    },
}
