"""The batches sent to translation agencies: made, counted, downloaded and followed."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from languages import registry

from . import exports
from .batches import Selection, batch_form
from .fields import LANGUAGE_CODES, target_languages, translated_models
from .forms import ExportForm
from .models import TranslationExport
from .roles import is_editor, working_languages


@admin.register(TranslationExport)
class TranslationExportAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "created_at",
        "created_by",
        "files",
        "units",
        "source_words",
        "repeated_words",
        "back",
        "state",
    ]
    list_select_related = ["created_by"]
    readonly_fields = [
        "created_at",
        "created_by",
        "language_name",
        "state",
        "files",
        "units",
        "source_words",
        "repeated_words",
        "back",
        "manifest_table",
    ]
    fields = readonly_fields

    def get_queryset(self, request):
        """Editors see every export; anyone else, their own (docs/roles.md): a batch is
        unpublished text, handed to one agency."""
        exports = super().get_queryset(request).with_out()
        return exports if is_editor(request.user) else exports.filter(created_by=request.user)

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return is_editor(request.user) or obj.created_by_id == request.user.pk

    @admin.display(description=gettext_lazy("language"))
    def language_name(self, export):
        return registry.get(export.language).name

    @admin.display(description=gettext_lazy("back"))
    def back(self, export):
        returned = export.units - export.out
        return _("%(back)d of %(units)d") % {"back": returned, "units": export.units}

    @admin.display(description=gettext_lazy("state"))
    def state(self, export):
        if export.error:
            return _("Failed: %(error)s") % {"error": export.error}
        if not export.completed_at:
            return _("Being prepared…")
        if not export.file:
            return _("Downloaded when made")
        url = reverse("admin:translations_translationexport_download", args=[export.pk])
        return format_html('<a href="{}" download>{}</a>', url, _("Download"))

    @admin.display(description=gettext_lazy("files"))
    def manifest_table(self, export):
        rows = [
            (f["name"], f["units"], f["source_words"], f["new_words"], f["repeated_words"])
            for f in export.manifest.get("files", [])
        ]
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>"
            "</thead><tbody>{}</tbody></table>",
            _("file"),
            _("units"),
            _("source words"),
            _("new words"),
            _("repeated words"),
            format_html_join(
                "", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", rows
            ),
        )

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "<int:pk>/download/",
                self.admin_site.admin_view(self.download_view),
                name="translations_translationexport_download",
            ),
            *super().get_urls(),
        ]

    def download_view(self, request, pk):
        export = get_object_or_404(TranslationExport, pk=pk)
        if not self.has_view_permission(request, export):
            raise PermissionDenied
        if not export.file:
            raise Http404(_("This export has no file to download."))
        return FileResponse(
            export.file.open("rb"), as_attachment=True, filename=exports.file_name(export)
        )

    def add_view(self, request, form_url="", extra_context=None):
        """The batch to send: what is pending, narrowed by each model's batch form; its
        word counts for a quote, or the files themselves (prepared in the background)."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        data = request.POST if request.method == "POST" else None
        form = ExportForm(data, languages=export_languages(request.user))
        narrowing = [_BatchFields(model, data) for model in _narrowable_models()]
        manifest = None
        if data is not None and form.is_valid() and all(n.form.is_valid() for n in narrowing):
            criteria = {
                name: value
                for n in narrowing
                for name, value in n.form.data.items()
                if name in n.form.fields and value
            }
            selection = Selection(
                form.cleaned_data["language"],
                statuses=tuple(form.cleaned_data["statuses"]),
                criteria=criteria,
                resend=form.cleaned_data["resend"],
                dependents=form.cleaned_data["dependents"],
            )
            limits = {
                "max_units": form.cleaned_data["max_units"],
                "max_words": form.cleaned_data["max_words"],
            }
            try:
                if "_count" in data:
                    manifest = exports.quote(selection, **limits)
                elif selection.is_empty():
                    form.add_error(None, NOTHING_TO_SEND)
                else:
                    export = start(request, selection, **limits)
                    return redirect("admin:translations_translationexport_change", export.pk)
            except ValidationError as invalid:
                form.add_error(None, invalid)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Send translations to an agency"),
            "opts": self.model._meta,
            "form": form,
            "narrowing": narrowing,
            "manifest": manifest,
            "nothing_to_send": NOTHING_TO_SEND,
        }
        return TemplateResponse(request, "translations/export_form.html", context)


NOTHING_TO_SEND = gettext_lazy(
    "Nothing pending matches. Fields out with an agency are left out unless they are to be "
    "sent again."
)


def export_languages(user):
    """The languages `user` may send translations into: any a content model is translated
    into; a translator, theirs."""
    return working_languages(user, [code for code in LANGUAGE_CODES if any_target(code)])


def any_target(language):
    return any(language in target_languages(model) for model in translated_models())


def start(request, selection, *, max_units, max_words):
    """Record an export and have its files prepared in the background; the editor is told
    where to find them."""
    export = TranslationExport.objects.create(
        language=selection.language, created_by=request.user, selection=selection.as_dict()
    )
    exports.prepare.enqueue(export.pk, max_units, max_words)
    messages.info(
        request,
        _("Export %(number)s is being prepared; its files can be downloaded here when ready.")
        % {"number": export.pk},
    )
    return export


def export_action_response(request, queryset, language):
    """The changelists' action: the chosen objects' pending translations, streamed at once
    for a page of them, prepared in the background for more."""
    if not request.user.has_perm("translations.add_translationexport"):
        raise PermissionDenied
    ids = list(queryset.values_list("pk", flat=True))
    selection = Selection(language, objects={queryset.model._meta.label_lower: ids})
    if selection.is_empty():
        messages.warning(request, NOTHING_TO_SEND)
        return None
    limits = {
        "max_units": settings.XLIFF_FILE_MAX_UNITS,
        "max_words": settings.XLIFF_FILE_MAX_WORDS,
    }
    if len(ids) > settings.XLIFF_STREAM_MAX_OBJECTS:
        export = start(request, selection, **limits)
        return redirect("admin:translations_translationexport_change", export.pk)
    export = TranslationExport.objects.create(
        language=language, created_by=request.user, selection=selection.as_dict()
    )
    return exports.streamed(export, **limits)


class _BatchFields:
    """One model's batch form on the export page."""

    def __init__(self, model, data):
        self.model = model
        self.form = batch_form(model)(data)


def _narrowable_models():
    return [model for model in translated_models() if batch_form(model)]
