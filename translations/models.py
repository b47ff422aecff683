from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationRecord(models.Model):
    """What one translated field was translated from.

    Holds a fingerprint of the source text the translation was made from, and that text
    itself, so that a later change to the source marks exactly this field outdated and the
    translator can be shown what moved.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    field = models.CharField(_("field"), max_length=100)
    language = models.CharField(_("language"), max_length=10)
    source_text = models.TextField(_("source text translated from"))
    source_fingerprint = models.CharField(max_length=64)
    translation_fingerprint = models.CharField(max_length=64)
    is_current = models.BooleanField(_("current"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("translation record")
        verbose_name_plural = _("translation records")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="translation_record_unique",
            )
        ]
        indexes = [
            models.Index(
                fields=["content_type", "object_id"],
                condition=models.Q(is_current=False),
                name="translation_record_outdated",
            )
        ]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id} {self.field} [{self.language}]"
