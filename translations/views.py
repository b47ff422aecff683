from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import xliff
from .fields import translated_models


class XliffImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("XLIFF 1.2 file"))

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
    form, problems = XliffImportForm(), None
    if request.method == "POST":
        form = XliffImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                count = xliff.import_file(form.cleaned_data["file"].read(), request.user)
            except xliff.ImportRefused as refused:
                problems = refused.problems
            else:
                messages.success(request, _("Imported %(count)d translations.") % {"count": count})
                return redirect("admin:index")
    context = {
        **admin.site.each_context(request),
        "title": _("Import translations (XLIFF)"),
        "form": form,
        "problems": problems,
    }
    return TemplateResponse(request, "translations/import_xliff.html", context)
