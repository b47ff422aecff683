from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from editorial.models import WritableTextModel
from publishing.models import PublicContentModel

from .renditions import make_renditions


class Image(WritableTextModel, PublicContentModel):
    """A picture in the library, reusable as a lead image or a portrait."""

    file = models.ImageField(
        _("image file"),
        upload_to="images/%Y/%m/",
        width_field="width",
        height_field="height",
        help_text=_("JPEG, PNG or WebP, up to 20 MB and 40 megapixels."),
    )
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    alt = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    focal_x = models.PositiveSmallIntegerField(
        _("focal point, across (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("Crops keep this point: 0 is the left edge, 100 the right."),
    )
    focal_y = models.PositiveSmallIntegerField(
        _("focal point, down (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("0 is the top edge, 100 the bottom: for a portrait, the face."),
    )
    renditions = models.JSONField(default=dict, editable=False)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.alt or self.alt_en or self.file.name

    def save(self, *args, **kwargs):
        if not self.file._committed:  # a new upload is stored first: renditions read it
            self.file.save(self.file.name, self.file.file, save=False)
        if not self.width:
            self.width, self.height = self.file.width, self.file.height
        self.renditions = make_renditions(self)
        super().save(*args, **kwargs)
