"""A brief's accessibility faults, field by field and language by language, for the change
form's content check and for the step that publishes it (briefs.admin)."""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from editorial.admin import change_url
from editorial.content_check import (
    linked_paths,
    long_paragraph_faults,
    rich_text_faults,
    script_faults,
)
from editorial.lists import list_of
from editorial.richtext import RichTextField
from languages import registry
from translations.dependents import untranslated_dependents

from .models import Brief

CHECKED_FIELDS = ("title", "summary", "body", "author_note", "original_outlet_name")
LANGUAGES = registry.LANGUAGE_CODES


@dataclass(frozen=True)
class Fault:
    field: str  # the form field it is in: "body_ar"
    label: str  # "Body (Arabic)"
    message: str
    url: str = ""  # where it is put right, when not in this form's field

    @property
    def href(self):
        return self.url or f"#id_{self.field}"


def content_faults(brief, languages=LANGUAGES, dependents=()):
    """The faults in `brief`'s text in `languages`, as it stands (saved or not), and, for
    the versions in `dependents`, what they show that has no translation yet."""
    faults = []
    for language in languages:
        language_name = registry.get(language).name
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
                messages += link_faults(text, brief)
            if name == "summary":
                messages += long_paragraph_faults(text)
            label = f"{capfirst(field.verbose_name)} ({language_name})"
            faults += [Fault(f"{name}_{language}", label, message) for message in messages]
    if brief.pk:
        for language in dependents:
            faults += dependent_faults(brief, language)
    return faults


def link_faults(html, brief):
    """Links to briefs readers cannot open: not public (yet, or any more) in the language
    of the address linked to, or at an address nothing answers."""
    faults = []
    for path in linked_paths(html):
        target = Brief.objects.at_address(path)
        if target is None:
            continue
        linked, language = target
        if linked is None:
            no_brief = _("Links to an address where there is no brief: %(path)s")
            faults.append(no_brief % {"path": path})
        elif linked.pk != brief.pk and not linked.is_live(language):
            state = linked.state_label(language)
            faults.append(
                _("Links to a brief readers cannot open: “%(title)s” (%(state)s), at %(path)s")
                % {"title": linked, "state": state, "path": path}
            )
    return faults


def dependent_faults(brief, language):
    """Each topic, region, PDF, image, author or type the `language` version shows that
    has nothing in `language` yet: the page leaves out a term or document without a
    name in it, so its version would be public with parts missing."""
    language_name = registry.get(language).name
    faults = []
    for item in untranslated_dependents(brief, language):
        opts = item.obj._meta
        fields = [str(opts.get_field(name).verbose_name) for name in item.fields]
        faults.append(
            Fault(
                field=item.relation,
                label=f"{capfirst(opts.verbose_name)} ({language_name})",
                message=_("“%(object)s” has no %(language)s %(fields)s yet.")
                % {
                    "object": _name(item.obj),
                    "language": language_name,
                    "fields": list_of(fields),
                },
                url=change_url(item.obj) or "",
            )
        )
    return faults


def _name(obj):
    """A dependent's name as the source language has it (it has none in the other)."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(obj)
