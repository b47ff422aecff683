import re

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from editorial.admin import ChangeFormAdmin, QueryStringInputAdmin
from editorial.history import HistoryAdmin
from languages import registry
from translations.admin_workflow import TranslationWorkflowAdmin

from .models import Image
from .pictures import picture, picture_url
from .uploads import checked_image

# The rich-text editor numbers each picker it opens (django-prose-editor's Figure, which
# speaks CKEditor's file-browser protocol); the chooser calls that number back.
EDITOR_CALLBACK = re.compile(r"-?[0-9]{1,9}")


class ImageForm(forms.ModelForm):
    # A plain file field: library.uploads decides what is an image, with a clear message.
    file = forms.FileField(
        label=_("image file"),
        widget=AdminFileWidget,
        help_text=Image._meta.get_field("file").help_text,
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):  # a new file: checked, and stored clean
            return checked_image(upload)
        return upload


@admin.register(Image)
class ImageAdmin(
    ChangeFormAdmin,
    TranslationWorkflowAdmin,
    QueryStringInputAdmin,
    HistoryAdmin,
    TabbedTranslationAdmin,
):
    form = ImageForm
    fields = ["file", "preview", "alt", "caption", "credit", "focal_x", "focal_y"]
    readonly_fields = ["preview"]
    list_display = ["thumbnail", "alt_en", "credit_en", "dimensions", "created_at"]
    list_display_links = ["alt_en"]  # one link a row, named by its alt text
    search_fields = [
        *registry.in_every_language("alt"),
        *registry.in_every_language("caption"),
        *registry.in_every_language("credit"),
        "file",
    ]

    @admin.display(description=_("image"))
    def thumbnail(self, image):
        return picture(image, "square", sizes="80px") or "—"

    @admin.display(description=_("as cropped"))
    def preview(self, image):
        if not image.pk:
            return _("Shown here once saved, cropped around the focal point.")
        return format_html(
            '<div class="image-preview">{}{}</div>',
            picture(image, "wide", sizes="320px"),
            picture(image, "square", sizes="160px"),
        )

    @admin.display(description=_("size"))
    def dimensions(self, image):
        return f"{image.width} × {image.height}"

    def get_urls(self):
        return [
            path(
                "choose/", self.admin_site.admin_view(self.choose_view), name="library_image_choose"
            ),
            *super().get_urls(),
        ]

    def choose_view(self, request):
        """The figure tool's picker: a searchable page of the library, in a window the
        editor opened; choosing an image hands it to that editor."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        query = request.GET.get("q", "")[:200]
        images, _duplicates = self.get_search_results(request, self.get_queryset(request), query)
        page = Paginator(images, 24).get_page(request.GET.get("p"))
        callback = request.GET.get("CKEditorFuncNum", "")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Choose an image"),
            "opts": self.model._meta,
            "is_popup": True,
            "query": query,
            "page": page,
            "choices": [(image, picture_url(image, "natural")) for image in page],
            "callback": callback if EDITOR_CALLBACK.fullmatch(callback) else "",
            "can_add": self.has_add_permission(request),
        }
        return TemplateResponse(request, "admin/library/image/choose.html", context)
