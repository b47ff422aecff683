from modeltranslation.translator import TranslationOptions, register

from .models import Expert


@register(Expert)
class ExpertTranslationOptions(TranslationOptions):
    fields = ("name", "sort_name", "role", "short_bio", "full_bio")
    required_languages = {"en": ("name",)}
