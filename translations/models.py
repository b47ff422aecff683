from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


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


class TranslationExportQuerySet(models.QuerySet):
    def with_out(self):
        """Each export annotated with `out`: how many of its units have not come back."""
        return self.annotate(
            out=models.Count("units_sent", filter=models.Q(units_sent__returned_at__isnull=True))
        )

    def recent_by(self, user, days=7):
        since = timezone.now() - timedelta(days=days)
        return self.filter(created_by=user, created_at__gte=since).order_by("-created_at")

    def returned_since(self, moment):
        """The exports some of whose units came back at `moment` or later."""
        back = ExportedUnit.objects.filter(export=models.OuterRef("pk"), returned_at__gte=moment)
        return self.filter(models.Exists(back))


class TranslationExport(models.Model):
    """One batch of pending translations sent out as XLIFF files: what was chosen, by
    whom, and what it holds, so the queue can show what is out and not resend it."""

    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    selection = models.JSONField(_("selection"), default=dict)
    completed_at = models.DateTimeField(_("ready"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to="translation-exports/", blank=True)
    files = models.PositiveIntegerField(_("files"), default=0)
    units = models.PositiveIntegerField(_("units"), default=0)
    source_words = models.PositiveIntegerField(_("source words"), default=0)
    repeated_words = models.PositiveIntegerField(_("repeated words"), default=0)
    error = models.TextField(_("error"), blank=True)
    # The files and their word counts, as in the zip's manifest.json.
    manifest = models.JSONField(_("manifest"), default=dict)

    objects = TranslationExportQuerySet.as_manager()

    class Meta:
        verbose_name = _("translation export")
        verbose_name_plural = _("translation exports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return _("Export %(number)s") % {"number": self.pk}

    @property
    def new_words(self):
        return self.source_words - self.repeated_words

    @property
    def is_ready(self):
        return bool(self.completed_at and self.file)

    def back_report(self):
        """How much of this export is back, in a sentence (needs with_out())."""
        report = ngettext(
            "%(export)s: %(back)d of %(units)d field back, %(out)d still out.",
            "%(export)s: %(back)d of %(units)d fields back, %(out)d still out.",
            self.units,
        )
        return report % {
            "export": self,
            "back": self.units - self.out,
            "units": self.units,
            "out": self.out,
        }


class ExportedUnitQuerySet(models.QuerySet):
    def out(self):
        """Units of finished exports that have not come back."""
        return self.filter(returned_at__isnull=True, export__completed_at__isnull=False)


class ExportedUnit(models.Model):
    """One field of one object in an export, with the source it was sent as."""

    export = models.ForeignKey(
        TranslationExport, on_delete=models.CASCADE, related_name="units_sent"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(max_length=100)
    source_fingerprint = models.CharField(max_length=64)
    words = models.PositiveIntegerField(default=0)
    returned_at = models.DateTimeField(null=True, blank=True)

    objects = ExportedUnitQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=["content_type", "object_id"],
                condition=models.Q(returned_at__isnull=True),
                name="exported_unit_out",
            ),
            models.Index(fields=["export", "returned_at"], name="exported_unit_export"),
        ]

    def __str__(self):
        return f"{self.content_type_id}.{self.object_id}.{self.field}"
