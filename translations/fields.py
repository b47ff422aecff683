"""Which fields of a model are translations, and of what."""

from django.conf import settings
from django.db import models
from modeltranslation.translator import NotRegistered, translator

from editorial.languages import chooses_source
from languages.registry import LANGUAGE_CODES

# The site's default language: the source language of a model that does not choose one
# per object (a topic, an expert), and the one an object's choice defaults to.
SOURCE_LANGUAGE = settings.LANGUAGE_CODE
# The languages something may be translated into: any but the default, for a model that
# chooses no source; any at all, where each object has its own (an Arabic-first brief's
# English is a translation).
TARGET_LANGUAGES = [code for code in LANGUAGE_CODES if code != SOURCE_LANGUAGE]


def source_language_of(obj):
    """The language `obj` is written in, its other languages being its translations."""
    return getattr(obj, "source_language", None) or SOURCE_LANGUAGE


def target_languages_of(obj):
    return [code for code in LANGUAGE_CODES if code != source_language_of(obj)]


def target_languages(model):
    """The languages objects of `model` may be translated into."""
    return LANGUAGE_CODES if chooses_source(model) else TARGET_LANGUAGES


def translated_into(model):
    """The languages some object of `model` is translated into now: those some object is
    not written in (one indexed question each, for a model whose objects choose)."""
    if not chooses_source(model):
        return TARGET_LANGUAGES
    objects = model._default_manager
    return [
        code
        for code in LANGUAGE_CODES
        if objects.filter(source_language__in=[c for c in LANGUAGE_CODES if c != code]).exists()
    ]


def translated_models():
    return translator.get_registered_models(abstract=False)


def translated_fields(model):
    """The names of `model`'s translated fields, each stored once per language, in the
    model's order."""
    try:
        names = set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return []
    return [field.name for field in model._meta.fields if field.name in names]


def text_fields(model):
    """The translated fields that hold text to translate (slugs are made, not translated)."""
    return [
        name
        for name in translated_fields(model)
        if not isinstance(model._meta.get_field(name), models.SlugField)
    ]


def localized(name, language):
    return f"{name}_{language}"


def field_language(model, name):
    """The language a form field of `model` is written in ("title_ar": "ar"), or None."""
    base, _separator, language = name.rpartition("_")
    if language in dict(settings.LANGUAGES) and base in translated_fields(model):
        return language
    return None


def is_target_field(name, languages=TARGET_LANGUAGES):
    """True for a form field that holds a translation into one of `languages`, such as
    "title_ar" or "slug_ar"."""
    return any(name.endswith(f"_{language}") for language in languages)
