"""Admin pieces every content app uses: slug boxes filled in while the editor types, query
strings that are bad input rather than a server error, rich text never stripped silently."""

import json

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.http import HttpRequest
from django.urls import reverse

from languages import registry

from .forms import ConfirmRemovalForm, LineBreaksAsStored
from .locking import StaleSaveRefusal
from .slugs import ARABIC_TO_LATIN, STOP_WORDS

# What slug-prefill.js needs of each slug style in the languages' registry.
SLUG_RULES = {
    "english": {"stopWords": sorted(STOP_WORDS)},
    "latin": {"stopWords": []},
    "arabic-script": {"letters": ARABIC_TO_LATIN},
}


class ChangeFormAdmin:
    """ModelAdmin mixin every content admin names: its change form refuses a save made
    stale by another (editorial.locking) and takes a textarea's line breaks as stored
    (editorial.forms.LineBreaksAsStored)."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = kwargs.get("form", self.form)
        if not issubclass(base, StaleSaveRefusal):
            kwargs["form"] = type(base.__name__, (StaleSaveRefusal, LineBreaksAsStored, base), {})
        return super().get_form(request, obj, change=change, **kwargs)


class SlugInput(forms.TextInput):
    """A slug box that the admin fills in from `source` by the site's slug rules.

    The rules come from editorial.slugs, so the browser and the server agree; the server
    still makes the slug on save when the box is left empty.
    """

    def __init__(self, source, language, attrs=None):
        attrs = {
            "data-slug-source": source,
            "data-slug-rule": json.dumps(SLUG_RULES[registry.get(language).slug]),
            **(attrs or {}),
        }
        super().__init__(attrs)

    class Media:
        js = ["editorial/slug-prefill.js"]


class SlugPrefillAdmin:
    """ModelAdmin mixin: `slug_sources = {"slug_en": ("title_en", "en")}`, each slug box
    filled from its source field, by the rules of the language that field is in."""

    slug_sources = {}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.slug_sources:
            source, language = self.slug_sources[db_field.name]
            kwargs["widget"] = SlugInput(source, language)
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
    found = _edited_in(obj, site or admin.site)
    if found is None:
        return None
    _model_admin, inline, parent, fk = found
    opts = type(parent)._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[parent.pk])
    return f"{url}#{fk.remote_field.get_accessor_name()}-group" if inline else url


class ChangeableFields:
    """The form fields of an object that `user` may change in the admin, as its change
    form offers them (the object's own, or its parent's inline): what anything done in
    the user's name outside the form (an XLIFF import) may change too.

    Which fields a role's form holds is worked out once per model; whether the user may
    change the object at all, for each object (a writer's own drafts)."""

    def __init__(self, user, site=None):
        self.site = site or admin.site
        self.request = HttpRequest()
        self.request.user = user
        self._fields = {}

    def of(self, obj):
        found = _edited_in(obj, self.site)
        if found is None:
            return set()
        model_admin, inline, parent, _fk = found
        if not model_admin.has_change_permission(self.request, parent):
            return set()
        if inline is not None and not inline.has_change_permission(self.request, parent):
            return set()
        if type(obj) not in self._fields:
            self._fields[type(obj)] = self._form_fields(model_admin, inline, parent)
        return self._fields[type(obj)]

    def _form_fields(self, model_admin, inline, parent):
        if inline is None:
            form = model_admin.get_form(self.request, parent, change=True)
            readonly = model_admin.get_readonly_fields(self.request, parent)
        else:
            form = inline.get_formset(self.request, parent).form
            readonly = inline.get_readonly_fields(self.request, parent)
        return set(form.base_fields) - set(readonly)


def _edited_in(obj, site):
    """(model admin, inline or None, the object its change form edits, the inline's
    foreign key or None) for `obj`, or None when the admin edits it nowhere."""
    if type(obj) in site._registry:
        return site._registry[type(obj)], None, obj, None
    for parent_model, model_admin in site._registry.items():
        for inline_class in model_admin.inlines:
            if inline_class.model is not type(obj):
                continue
            fk = _fk_to(type(obj), parent_model, getattr(inline_class, "fk_name", None))
            return model_admin, inline_class(parent_model, site), getattr(obj, fk.name), fk
    return None


def _fk_to(model, parent_model, name=None):
    return next(
        field
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is parent_model and name in (None, field.name)
    )
