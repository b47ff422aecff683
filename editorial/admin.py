"""Admin pieces every content app uses: slug boxes filled in while the editor types, query
strings that are bad input rather than a server error, rich text never stripped silently."""

import json

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.urls import reverse

from .forms import ConfirmRemovalForm
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


class BadInputChangeList(ChangeList):
    """A changelist for which a date out of the calendar's range (?year=9999,
    ?published_at__year=99999999999999999999) is an invalid lookup, as a malformed one is."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (ValueError, OverflowError) as error:
            raise IncorrectLookupParameters(error) from error

    def get_results(self, request):
        # A field lookup from the query string (?published_at__year=…) first meets the
        # database here, when the list is counted.
        try:
            return super().get_results(request)
        except (ValueError, OverflowError) as error:
            raise IncorrectLookupParameters(error) from error


class QueryStringInputAdmin:
    """ModelAdmin mixin: what the query string brings to a changelist or an add form is
    bad input when it does not parse, never a server error.

    An add form prefilled from ?published_at=… gets the parsed value, or none at all.
    """

    def get_changelist(self, request, **kwargs):
        return BadInputChangeList

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        for name, value in list(initial.items()):
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.many_to_many or field.one_to_many:
                continue
            try:
                initial[name] = field.to_python(value)
            except (ValidationError, ValueError, OverflowError):
                del initial[name]
        return initial


class RichTextAdmin:
    """ModelAdmin mixin: the form says what saving would strip from rich text, and asks
    (editorial.forms.ConfirmRemovalForm)."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = kwargs.get("form", self.form)
        kwargs["form"] = type(base.__name__, (ConfirmRemovalForm, base), {})
        return super().get_form(request, obj, change=change, **kwargs)


def change_url(obj, site=None):
    """Where `obj` is edited in the admin: its own change form, or, for a model edited only
    as an inline row (a brief's PDF), its parent's change form at that inline; None when
    the admin edits it nowhere."""
    site = site or admin.site
    opts = obj._meta
    if type(obj) in site._registry:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    for parent_model, model_admin in site._registry.items():
        for inline in model_admin.inlines:
            if inline.model is not type(obj):
                continue
            fk = _fk_to(type(obj), parent_model, getattr(inline, "fk_name", None))
            parent = getattr(obj, fk.name)
            parent_opts = parent_model._meta
            url = reverse(
                f"admin:{parent_opts.app_label}_{parent_opts.model_name}_change",
                args=[parent.pk],
            )
            return f"{url}#{fk.remote_field.get_accessor_name()}-group"
    return None


def _fk_to(model, parent_model, name=None):
    return next(
        field
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is parent_model and name in (None, field.name)
    )
