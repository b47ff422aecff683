"""Admin pieces every content app uses: slug boxes filled in while the editor types."""

import json

from django import forms

from .slugs import ARABIC_TO_LATIN, STOP_WORDS

SLUG_RULES = {
    "english": {"stopWords": sorted(STOP_WORDS)},
    "arabic": {"letters": ARABIC_TO_LATIN},
}


class SlugInput(forms.TextInput):
    """A slug box that the admin fills in from `source` by the site's slug rules.

    The rules come from editorial.slugs, so the browser and the server agree; the server
    still makes the slug on save when the box is left empty.
    """

    def __init__(self, source, rule="english", attrs=None):
        attrs = {
            "data-slug-source": source,
            "data-slug-rule": json.dumps(SLUG_RULES[rule]),
            **(attrs or {}),
        }
        super().__init__(attrs)

    class Media:
        js = ["editorial/slug-prefill.js"]


class SlugPrefillAdmin:
    """ModelAdmin mixin: `slug_sources = {"slug_en": ("title_en", "english")}`."""

    slug_sources = {}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.slug_sources:
            source, rule = self.slug_sources[db_field.name]
            kwargs["widget"] = SlugInput(source, rule)
        return super().formfield_for_dbfield(db_field, request, **kwargs)
