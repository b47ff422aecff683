"""A brief's accessibility faults, field by field and language by language, for the change
form's content check and for the step that publishes it (briefs.admin)."""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.text import capfirst

from editorial.content_check import long_paragraph_faults, rich_text_faults, script_faults
from editorial.richtext import RichTextField

from .models import Brief

CHECKED_FIELDS = ("title", "summary", "body", "author_note", "original_outlet_name")
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class Fault:
    field: str  # the form field it is in: "body_ar"
    label: str  # "Body (Arabic)"
    message: str


def content_faults(brief, languages=LANGUAGES):
    """The faults in `brief`'s text in `languages`, as it stands (saved or not)."""
    faults = []
    for language in languages:
        language_name = translation.get_language_info(language)["name_translated"]
        for name in CHECKED_FIELDS:
            text = getattr(brief, f"{name}_{language}") or ""
            if not text.strip():
                continue
            field = Brief._meta.get_field(name)
            messages = script_faults(text, language)
            if isinstance(field, RichTextField):
                # As readers get it: a figure's alt text comes from the library.
                with translation.override(language):
                    rendered = field.rich_text.render(text)
                messages += rich_text_faults(rendered)
            if name == "summary":
                messages += long_paragraph_faults(text)
            label = f"{capfirst(field.verbose_name)} ({language_name})"
            faults += [Fault(f"{name}_{language}", label, message) for message in messages]
    return faults
