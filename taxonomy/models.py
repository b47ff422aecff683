from functools import partial

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from editorial.languages import LanguageVersionsModel, LanguageVersionsQuerySet
from editorial.richtext import RichTextField
from editorial.slugs import english_slug, free_slug

from .slug_namespace import share_slugs, slug_clash, slug_is_taken


class Term(LanguageVersionsModel):
    """A heading that briefs are filed under, with its own page at /policy-analysis/<slug>.

    Its URL comes from ABSOLUTE_URL_OVERRIDES: the page belongs to the briefs app.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("The same in both languages. Left empty, it is made from the English name."),
    )
    description = RichTextField(_("description"), blank=True)

    objects = LanguageVersionsQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name or self.name_en

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = free_slug(
                self, english_slug(self.name_en), also_taken=partial(slug_is_taken, ignore=self)
            )
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        clash = slug_clash(self.slug, ignore=self)
        if clash:
            raise ValidationError({"slug": clash})


@share_slugs
class Topic(Term):
    """A subject of analysis, such as "Military & Security"."""

    class Meta(Term.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


@share_slugs
class Region(Term):
    """A region or country, such as "Syria"; a country may sit inside a region group."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        related_name="children",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("The wider region this country or region belongs to, if any."),
    )

    class Meta(Term.Meta):
        verbose_name = _("region or country")
        verbose_name_plural = _("regions and countries")

    def subtree_ids(self):
        """The ids of this region and of every region or country inside it, at any depth."""
        children = {}
        for pk, parent_id in Region.objects.filter(parent__isnull=False).values_list(
            "pk", "parent"
        ):
            children.setdefault(parent_id, []).append(pk)
        ids, frontier = [self.pk], [self.pk]
        while frontier:
            frontier = [child for pk in frontier for child in children.get(pk, [])]
            ids.extend(frontier)
        return ids

    def clean(self):
        super().clean()
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A region cannot be part of itself.")})
            ancestor = ancestor.parent
