from functools import partial

from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from publishing.models import PublicContentModel

from .characters import writable
from .languages import LanguageVersionsModel
from .slugs import english_slug, save_claiming_slugs


class WritableTextModel(models.Model):
    """Mixin: each save keeps characters XML cannot carry out of the model's text fields
    (editorial.characters), whatever brought them (a form, an XLIFF file, an import), so
    that no feed or export made from the text can fail on them."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Each language's own column: modeltranslation's stand-in for the active language
        # (`title` for `title_ar`) would write through to that language's column.
        stand_ins = _translated_originals(type(self))
        for field in self._meta.concrete_fields:
            if field.name in stand_ins or not isinstance(
                field, models.CharField | models.TextField
            ):
                continue
            value = getattr(self, field.attname)
            if isinstance(value, str) and (clean := writable(value)) != value:
                setattr(self, field.attname, clean)
        super().save(*args, **kwargs)


def _translated_originals(model):
    try:
        return set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return set()


class NamedModel(WritableTextModel, PublicContentModel, LanguageVersionsModel):
    """Something known by a translated name, whose slug — the same in every language — is
    made from the English name when left empty."""

    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("The same in both languages. Left empty, it is made from the English name."),
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.name or self.name_en

    def save(self, *args, **kwargs):
        # A name with no Latin letters ("＜＞", an Arabic-only name) still gets an address.
        base = self.slug or english_slug(self.name_en or "") or self._meta.model_name
        save_claiming_slugs(
            self,
            partial(super().save, *args, **kwargs),
            {"slug": base},
            also_taken=self.slug_taken_elsewhere,
        )

    def slug_taken_elsewhere(self, slug):
        """Whether another kind of object already answers to `slug` (none, by default)."""
        return False
