from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from editorial.languages import LanguageVersionsQuerySet
from editorial.models import NamedModel
from editorial.richtext import RichTextField

from .slug_namespace import share_slugs, slug_clash, slug_is_taken


class Term(NamedModel):
    """A heading that briefs are filed under, with its own page at /policy-analysis/<slug>.

    Its URL comes from ABSOLUTE_URL_OVERRIDES: the page belongs to the briefs app.
    """

    name = models.CharField(_("name"), max_length=120)
    description = RichTextField(_("description"), blank=True)

    objects = LanguageVersionsQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["name"]

    def slug_taken_elsewhere(self, slug):
        return slug_is_taken(slug, ignore=self)

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
        """The ids of this region and of every region or country inside it, at any depth
        (read once for this instance: a filtered page asks for them more than once)."""
        return list(self._subtree_ids)

    @cached_property
    def _subtree_ids(self):
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
