from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from editorial.admin import ChangeFormAdmin

from .csv_import import ImportRefused, import_redirects
from .models import Redirect

MAX_CSV_BYTES = 5 * 1024 * 1024
# Rows a request imports at once (each row follows and shortens chains: about 3 ms); a
# larger file goes in with `manage.py import_redirects`.
MAX_CSV_ROWS = 1000


class RedirectsCsvForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy("Two columns, old path and new path; a header row is allowed."),
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_CSV_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        try:
            return file.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from error


@admin.register(Redirect)
class RedirectAdmin(ChangeFormAdmin, admin.ModelAdmin):
    list_display = ["old_path", "new_path", "created_at"]
    search_fields = ["old_path", "new_path"]
    change_list_template = "admin/addresses/redirect/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="addresses_redirect_import"), *super().get_urls()]

    def import_view(self, request):
        """Redirects from a CSV file: all of them, or none with a report of why."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form, problems = RedirectsCsvForm(), None
        if request.method == "POST":
            form = RedirectsCsvForm(request.POST, request.FILES)
            if form.is_valid():
                try:
                    count = import_redirects(form.cleaned_data["file"], max_rows=MAX_CSV_ROWS)
                except ImportRefused as refused:
                    problems = refused.problems
                else:
                    self.message_user(
                        request,
                        ngettext(
                            "Imported %(count)d redirect.", "Imported %(count)d redirects.", count
                        )
                        % {"count": count},
                        messages.SUCCESS,
                    )
                    return redirect("admin:addresses_redirect_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import redirects from a CSV file"),
            "form": form,
            "problems": problems,
        }
        return TemplateResponse(request, "admin/addresses/redirect/import.html", context)
