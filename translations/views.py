from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from . import xliff
from .fields import translated_models
from .models import TranslationExport


class XliffImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("XLIFF 1.2 file, or a zip of them"))

    def clean_file(self):
        file = self.cleaned_data["file"]
        try:
            xliff.check_size(file.size)
        except xliff.ImportRefused as refused:
            raise forms.ValidationError(refused.problems) from refused
        return file


def may_translate(user):
    return any(
        user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
        for model in translated_models()
    )


def import_xliff(request):
    """Upload translations from an agency: all of them, or none with a report of why."""
    if not may_translate(request.user):
        raise PermissionDenied
    form, results = XliffImportForm(), None
    if request.method == "POST":
        form = XliffImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                started = timezone.now()
                results = xliff.import_upload(form.cleaned_data["file"], request.user)
            except xliff.ImportRefused as refused:
                results = [(form.cleaned_data["file"].name, None, refused.problems)]
            if all(count is not None for _name, count, _problems in results):
                total = sum(count for _name, count, _problems in results)
                imported = ngettext(
                    "Imported %(count)d translation.", "Imported %(count)d translations.", total
                )
                messages.success(request, imported % {"count": total})
                for export in TranslationExport.objects.returned_since(started).with_out():
                    messages.info(request, export.back_report())
                return redirect("admin:index")
    context = {
        **admin.site.each_context(request),
        "title": _("Import translations (XLIFF)"),
        "form": form,
        "results": results,
    }
    return TemplateResponse(request, "translations/import_xliff.html", context)
