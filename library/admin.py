from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.core.files.uploadedfile import UploadedFile
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from editorial.admin import QueryStringInputAdmin
from editorial.history import HistoryAdmin
from translations.admin_workflow import TranslationWorkflowAdmin

from .models import Image
from .templatetags.library import picture
from .uploads import checked_image


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
    TranslationWorkflowAdmin, QueryStringInputAdmin, HistoryAdmin, TabbedTranslationAdmin
):
    form = ImageForm
    fields = ["file", "preview", "alt", "caption", "credit", "focal_x", "focal_y"]
    readonly_fields = ["preview"]
    list_display = ["thumbnail", "alt_en", "credit_en", "dimensions", "created_at"]
    list_display_links = ["thumbnail", "alt_en"]
    search_fields = ["alt_en", "alt_ar", "caption_en", "caption_ar", "credit_en", "file"]

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
