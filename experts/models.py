from django.conf import settings
from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connections, models
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from editorial.languages import LanguageVersionsQuerySet
from editorial.models import NamedModel
from editorial.richtext import RichTextField
from library.models import Image
from search.text import similarity, words
from taxonomy.models import Region, Topic

# How alike two spellings of a name must be to count as one (pg_trgm's similarity).
NAME_SIMILARITY = 0.5


def surname_first(name, language):
    """ "Anna Borshchevskaya" -> "Borshchevskaya, Anna"; Arabic takes the Arabic comma."""
    given, _space, surname = name.strip().rpartition(" ")
    if not given:
        return surname
    with translation.override(language):
        separator = pgettext("between names in a list", ", ")
    return f"{surname}{separator}{given}"


class ExpertQuerySet(LanguageVersionsQuerySet):
    def name_words_like(self, terms, language):
        """{term: the words of experts' names in `language` spelled like it (trigram
        similarity at least NAME_SIMILARITY), but not as it} for each of `terms` that has
        any: "Borschevskaya" -> ["borshchevskaya"]. PostgreSQL picks the experts with
        pg_trgm, for all the terms in one query."""
        terms = list(terms)
        if not terms:
            return {}
        field = f"name_{language}"
        experts = self
        if connections[self.db].vendor == "postgresql":
            likeness = [TrigramWordSimilarity(term, field) for term in terms]
            best = Greatest(*likeness) if len(likeness) > 1 else likeness[0]
            experts = self.annotate(likeness=best).filter(likeness__gte=NAME_SIMILARITY)
        name_words = {
            name_word
            for name in experts.values_list(field, flat=True)
            for name_word in words(name or "", language)
        }
        found = {
            term: sorted(
                name_word
                for name_word in name_words
                if name_word != term and similarity(name_word, term) >= NAME_SIMILARITY
            )
            for term in terms
        }
        return {term: spellings for term, spellings in found.items() if spellings}

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

    @property
    def byline_name(self):
        """The name in the active language or, before it is spelled in Arabic, as written
        in English: a byline never loses a name (an Arabic page isolates it, <bdi>)."""
        return self.name or self.name_en

    @property
    def page_url(self):
        """This expert's page in the active language, or None while it has none there."""
        return self.url_in(translation.get_language())
