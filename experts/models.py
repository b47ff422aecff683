from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from editorial.languages import LanguageVersionsQuerySet
from editorial.models import NamedModel
from editorial.richtext import RichTextField
from library.models import Image
from taxonomy.models import Region, Topic


def surname_first(name, language):
    """ "Anna Borshchevskaya" -> "Borshchevskaya, Anna"; Arabic takes the Arabic comma."""
    given, _space, surname = name.strip().rpartition(" ")
    if not given:
        return surname
    with translation.override(language):
        separator = pgettext("between names in a list", ", ")
    return f"{surname}{separator}{given}"


class ExpertQuerySet(LanguageVersionsQuerySet):
    def active(self):
        return self.filter(is_active=True)

    def in_directory(self):
        """The experts the public directory lists: the institute's own, while active.
        Guest contributors have their pages and bylines, not a place in the directory."""
        return self.active().filter(kind=Expert.Kind.STAFF)


class Expert(NamedModel):
    """Someone credited on briefs: a fellow of the institute, or a guest contributor."""

    class Kind(models.TextChoices):
        STAFF = "staff", _("Institute staff (fellow)")
        GUEST = "guest", _("Guest contributor")

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.STAFF,
        help_text=_("Only the institute's staff are listed in the experts directory."),
    )
    sort_name = models.CharField(
        _("sort name"),
        max_length=120,
        blank=True,
        help_text=_(
            "How lists sort this expert, surname first. Left empty: “Surname, Given names”."
        ),
    )
    role = models.CharField(_("role"), max_length=200, blank=True, help_text=_("“Senior Fellow”"))
    short_bio = models.TextField(
        _("short bio"), blank=True, help_text=_("One sentence, shown under “About the authors”.")
    )
    full_bio = RichTextField(_("full bio"), blank=True)
    portrait = models.ForeignKey(
        Image,
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("From the image library; shown square, cropped around its focal point."),
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics of expertise"), related_name="experts", blank=True
    )
    regions = models.ManyToManyField(
        Region, verbose_name=_("regions of expertise"), related_name="experts", blank=True
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive experts keep their pages and bylines.")
    )

    objects = ExpertQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def save(self, *args, **kwargs):
        for language, _name in settings.LANGUAGES:
            name = getattr(self, f"name_{language}")
            if name and not getattr(self, f"sort_name_{language}"):
                setattr(self, f"sort_name_{language}", surname_first(name, language))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("experts:detail", kwargs={"slug": self.slug})
