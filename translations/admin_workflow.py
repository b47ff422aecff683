"""The admin side of translation: what translators may touch, status, and the diff.

Every translated model's admin names TranslationWorkflowAdmin among its bases, as it names
TabbedTranslationAdmin; a system check (translations.checks) holds them to it.
"""

import logging
from contextlib import contextmanager

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from django.template.defaultfilters import linebreaksbr
from django.utils import translation
from django.utils.html import format_html
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from editorial.diff import word_diff
from editorial.richtext import RichTextField
from languages import registry
from publishing.policy import translation_languages

from .admin import export_action_response
from .fields import (
    field_language,
    is_target_field,
    localized,
    source_language_of,
    target_languages_of,
    translated_fields,
    translated_into,
)
from .roles import is_translator, working_languages
from .signals import minor_edit
from .status import (
    COMPLETE,
    MISSING,
    OUTDATED,
    STATUS_LABELS,
    field_statuses,
    mark_current,
    state_annotation,
    with_status,
    with_status_annotation,
)

logger = logging.getLogger("translations")
# The prefix of the "still current" boxes' names: still_current_title_ar.
STILL_CURRENT = "still_current_"


class TranslationStatusFilter(admin.SimpleListFilter):
    """The objects whose translation into `language` is missing, outdated or complete
    (translation_status_filter())."""

    language = None

    def lookups(self, request, model_admin):
        return [(status, STATUS_LABELS[status]) for status in (MISSING, OUTDATED, COMPLETE)]

    def queryset(self, request, queryset):
        if self.value() in STATUS_LABELS:
            return with_status(queryset, self.language, self.value())
        return queryset


def translation_status_filter(language):
    attributes = {
        "title": format_lazy(_("{} translation"), registry.get(language).name),
        "parameter_name": f"translation_{language}",
        "language": language,
    }
    return type(f"TranslationStatusFilter_{language}", (TranslationStatusFilter,), attributes)


def translation_status_column(language):
    """The changelist's column of each object's translation status into `language`."""

    @admin.display(description=format_lazy("{}", registry.get(language).name))
    def column(obj):
        status = getattr(obj, state_annotation(language))
        return format_html('<span class="translation-{}">{}</span>', status, STATUS_LABELS[status])

    column.__name__ = f"translation_status_{language}"
    return column


def export_action(language):
    """The changelists' action sending the chosen objects' pending translations into
    `language` to an agency."""

    def export_xliff(model_admin, request, queryset):
        return export_action_response(request, queryset, language)

    description = format_lazy(
        _("Send pending {} translations to an agency (XLIFF)"), registry.get(language).name
    )
    return export_xliff, f"export_xliff_{language}", description


class TranslationWorkflowAdmin:
    """Mixin for the admin of a translated model."""

    @property
    def media(self):
        # A property, not a Media class: an admin's own Media class would hide a mixin's.
        return super().media + forms.Media(
            css={"all": ["translations/admin.css"]}, js=["translations/editor-direction.js"]
        )

    def get_actions(self, request):
        # Added to the admin's own actions, which a class attribute here would replace.
        actions = super().get_actions(request)
        exporting = request.user.has_perm("translations.add_translationexport")
        if IS_POPUP_VAR not in request.GET and exporting:
            for language in working_languages(request.user, self._translated_into(request)):
                func, name, description = export_action(language)
                actions[name] = (func, name, description)
        return actions

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        languages = self._translated_into(request)
        return [*columns, *(translation_status_column(code) for code in languages)]

    def get_list_filter(self, request):
        filters = [translation_status_filter(code) for code in self._translated_into(request)]
        return [*super().get_list_filter(request), *filters]

    def get_queryset(self, request):
        # The changelist's status columns, read in the same query as the rows.
        queryset = super().get_queryset(request)
        for language in self._translated_into(request):
            queryset = with_status_annotation(queryset, language)
        return queryset

    def _translated_into(self, request):
        """The languages some object of the model is translated into: not the default
        language of a model whose objects are all written in it (asked once a request)."""
        cache = request.__dict__.setdefault("_translated_into", {})
        if self.model not in cache:
            cache[self.model] = translated_into(self.model)
        return cache[self.model]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """Each language's field is written in that language and its direction, whatever
        the admin's: the English body stays left to right in the Arabic admin."""
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        return in_its_language(field, self.model, db_field.name)

    # What translators may do: change translations, nothing else.

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["working_language"] = self._working_language(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _working_language(self, request, obj):
        """The language a form's tabs open on: a translator's first language this object
        is translated into; anyone else's, the object's own (not the admin's language)."""
        source = source_language_of(obj) if obj is not None else registry.LANGUAGE_CODES[0]
        if _translating(request):
            return next(iter(_languages_other_than(request, source)), source)
        return source

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self._viewing_only(request, obj):
            return readonly + [
                self._as_readers_see_it(name)
                for name in self._form_field_names(request, obj)
                if name not in readonly
            ]
        if not _translating(request):
            return readonly
        return readonly + [
            self._as_readers_see_it(name)
            for name in self._form_field_names(request, obj)
            if not is_target_field(name, _languages(request)) and name not in readonly
        ]

    def _viewing_only(self, request, obj):
        """Whether the form is shown read-only (a writer opening someone else's brief)."""
        return obj is not None and not self.has_change_permission(request, obj)

    def _as_readers_see_it(self, name, editable=()):
        """A translated field's text in a language other than the `editable` ones (a
        translator's) shown read-only as readers see it, in its language and direction
        whatever the admin's: rich text rendered, not as HTML source. A callable the admin
        shows in the field's place; other fields are shown as they are (their name is
        returned)."""
        if callable(name) or is_target_field(name, editable):
            return name
        try:
            field = self.model._meta.get_field(name)
        except FieldDoesNotExist:  # one of the admin's own read-only displays
            return name
        language = field_language(self.model, name)
        text = isinstance(field, models.CharField | models.TextField)
        if language is None or not text or isinstance(field, models.SlugField):
            return name
        shown = self.__dict__.setdefault("_rendered_sources", {})
        if name not in shown:

            def rendered(obj):
                # A figure's credit comes from the library in the text's language.
                with translation.override(language):
                    if isinstance(field, RichTextField):
                        html = field.rich_text.render(getattr(obj, name))
                    else:
                        html = linebreaksbr(getattr(obj, name) or "")
                bidi = registry.get(language).bidi
                return format_html(
                    '<div lang="{}" dir="{}">{}</div>', language, "rtl" if bidi else "ltr", html
                )

            rendered.__name__ = name  # the row's class, field-body_en, as for the field
            rendered.short_description = field.verbose_name
            shown[name] = rendered
        return shown[name]

    def _form_field_names(self, request, obj):
        """The fields the change form shows, known without building the form.

        Django works out an undeclared form's fields by building it, and building it asks
        for the read-only fields; so those are read from the model instead: each editable
        field, with a translated field in its per-language versions.
        """
        if self.fieldsets or self.fields:
            return flatten_fieldsets(super().get_fieldsets(request, obj))
        opts, originals = self.model._meta, set(translated_fields(self.model))
        return [
            field.name
            for field in [*opts.fields, *opts.many_to_many]
            if field.editable and not field.auto_created and field.name not in originals
        ]

    # A revision brings back every field it kept, English included: a translator, who may
    # change translations only, reads the history but restores nothing.

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if _translating(request):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        context = {"may_restore": not _translating(request), **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def has_add_permission(self, request, *args):
        return not _translating(request) and super().has_add_permission(request, *args)

    def has_delete_permission(self, request, obj=None):
        return not _translating(request) and super().has_delete_permission(request, obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if self._viewing_only(request, obj):
            return [
                (title, {**options, "fields": self._as_read(options["fields"])})
                for title, options in fieldsets
            ]
        if not _translating(request):
            if obj is not None:
                fieldsets.append((_("Translations"), {"fields": ["minor_edit"]}))
            return fieldsets
        editable = _languages(request)
        fieldsets = [
            (title, {**options, "fields": self._as_read(options["fields"], editable)})
            for title, options in fieldsets
        ]
        if obj is not None and (still_current := list(self._still_current_fields(obj, editable))):
            fieldsets.append((_("Outdated translations"), {"fields": still_current}))
        return fieldsets

    def _as_read(self, names, editable=()):
        """Fieldset rows, each text field in a language other than the `editable` ones
        shown as readers see it."""
        return [
            self._as_read(name, editable)
            if isinstance(name, list | tuple)
            else self._as_readers_see_it(name, editable)
            for name in names
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = kwargs.get("form", self.form)
        if obj is not None and not _translating(request):
            kwargs["form"] = type(base.__name__, (MinorEditForm, base), {})
        elif obj is not None:
            kwargs["form"] = type(
                base.__name__, (base,), self._still_current_fields(obj, _languages(request))
            )
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None:
            return form
        # Outdated translations stay public; translators and editors alike are shown
        # what moved in the source since.
        source_language = registry.get(source_language_of(obj))
        changed = _("The %(language)s version changed since this was translated:") % {
            "language": source_language.name
        }
        for language in target_languages_of(obj):
            for field, (status, record) in field_statuses(obj, language).items():
                name = localized(field, language)
                if status == OUTDATED and name in form.base_fields:
                    source = getattr(obj, localized(field, source_language.code))
                    form.base_fields[name].help_text = format_html(
                        '<span class="translation-outdated">{}</span> '
                        '<span class="translation-diff" lang="{}" dir="{}">{}</span>',
                        changed,
                        source_language.code,
                        "rtl" if source_language.bidi else "ltr",
                        word_diff(record.source_text, source),
                    )
        return form

    def save_model(self, request, obj, form, change):
        with self.saving_translations(request, obj, form):
            super().save_model(request, obj, form, change)

    def _still_current_fields(self, obj, languages):
        """{form field name: check box} for each outdated translation of `obj` into one of
        `languages`: ticked, the translation is marked current as it stands (the English
        change needed none)."""
        boxes = {}
        source = registry.get(source_language_of(obj)).name
        for language in languages:
            name = registry.get(language).name
            for field, (status, _record) in field_statuses(obj, language).items():
                if status != OUTDATED:
                    continue
                verbose_name = capfirst(self.model._meta.get_field(field).verbose_name)
                boxes[f"{STILL_CURRENT}{localized(field, language)}"] = forms.BooleanField(
                    label=_("%(field)s (%(language)s): still current")
                    % {"field": verbose_name, "language": name},
                    required=False,
                    help_text=_(
                        "The change to the %(source)s version needs no change to the %(language)s."
                    )
                    % {"source": source, "language": name},
                )
        return boxes

    @contextmanager
    def saving_translations(self, request, obj, form):
        """Around a save from the change form: a translator's refused fields are logged,
        an editor's minor edit keeps the translations current, and translations marked
        "still current" are. An admin that saves its own way (through a publishing path)
        saves within this."""
        if _translating(request):
            self._log_refused_changes(request, obj)
        if form.cleaned_data.get("minor_edit"):
            with minor_edit():
                yield
        else:
            yield
        for name, ticked in form.cleaned_data.items():
            if name.startswith(STILL_CURRENT) and ticked:
                field, _separator, language = name.removeprefix(STILL_CURRENT).rpartition("_")
                mark_current(obj, field, language)

    def _log_refused_changes(self, request, obj):
        # A field shown as readers see it is read-only under its own name.
        readonly = {getattr(f, "__name__", f) for f in self.get_readonly_fields(request, obj)}
        refused = [
            name
            for name in request.POST
            if hasattr(obj, name)
            and not is_target_field(name, _languages(request))
            and name in readonly
        ]
        if refused:
            logger.warning(
                "Translator %s posted fields they may not change on %s %s: %s (ignored)",
                request.user,
                obj._meta.label,
                obj.pk,
                ", ".join(sorted(refused)),
            )


def in_its_language(field, model, name):
    """The form field `field` of `model`'s field `name` in that field's language and
    direction (a slug: left to right, a Latin transliteration)."""
    language = field_language(model, name)
    if field is None or not language:
        return field
    widget = getattr(field.widget, "widget", field.widget)
    if name.startswith("slug"):
        widget.attrs["dir"] = "ltr"
    else:
        bidi = registry.get(language).bidi
        widget.attrs.update({"dir": "rtl" if bidi else "ltr", "lang": language})
    return field


class TranslatedInline:
    """Mixin for the inline rows of a translated model (a brief's PDFs): each language's
    field in its language and direction, its column headed with the language, as the
    tabs that head a form's fields are missing from a table's."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = field_language(self.model, db_field.name)
        if field is not None and language:
            name = registry.get(language).name
            field.label = format_lazy(
                "{} ({})", capfirst(db_field.verbose_name.split(" [")[0]), name
            )
        return in_its_language(field, self.model, db_field.name)

    def get_readonly_fields(self, request, obj=None):
        """A translator changes the rows' fields in the languages they translate into
        (not the brief's own language), and nothing else of them."""
        readonly = list(super().get_readonly_fields(request, obj))
        if not _translating(request):
            return readonly
        languages = _languages_other_than(request, source_language_of(obj) if obj else None)
        translated = translated_fields(self.model)
        names = [
            column
            for name in self.fields or ()
            for column in (registry.in_every_language(name) if name in translated else [name])
        ]
        return readonly + [
            name for name in names if name not in readonly and not is_target_field(name, languages)
        ]


def _translating(request):
    """Whether the request comes from a translator, looked up once per request."""
    if not hasattr(request, "_is_translator"):
        request._is_translator = is_translator(request.user)
    return request._is_translator


def _languages(request):
    """The languages the request's translator translates into (publishing.policy)."""
    return translation_languages(request.user)


def _languages_other_than(request, source):
    """The request's translator's languages but `source`, an object's own: those they
    may change in it."""
    return [code for code in _languages(request) if code != source]


class MinorEditForm(forms.ModelForm):
    minor_edit = forms.BooleanField(
        label=_("Minor edit — translations stay current"),
        required=False,
        help_text=_("For typo fixes: the translations are not marked outdated."),
    )
