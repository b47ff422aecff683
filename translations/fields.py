"""Which fields of a model are translations, and of what."""

from django.conf import settings
from django.db import models
from modeltranslation.translator import NotRegistered, translator

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
TARGET_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


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
