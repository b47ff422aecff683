import logging
from datetime import UTC
from functools import partial
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from addresses.models import Redirect, path_problem
from editorial.dates import moment
from editorial.languages import LanguageVersionsModel, LanguageVersionsQuerySet
from editorial.models import NamedModel, WritableTextModel
from editorial.richtext import RichTextField
from editorial.slugs import arabic_slug, english_slug, save_claiming_slugs
from experts.models import Expert
from library.figures import WITH_FIGURES
from library.models import Image
from publishing.models import PublicContentModel
from publishing.signals import announce_keys
from search.documents import DocumentField, IdsField, Relevance, document_field
from search.query import SearchQuery
from taxonomy.models import Region, Topic
from taxonomy.slug_namespace import share_slugs, slug_clash, slug_is_taken

logger = logging.getLogger(__name__)
LANGUAGES = [code for code, _name in settings.LANGUAGES]
SLUG_FIELDS = [f"slug_{code}" for code in LANGUAGES]
# The one status under which a brief may be public (from its date on); the links' copies,
# the partial indexes and the rail's SQL are derived from it.
PUBLIC_STATUS = "published"
RELEASED = Q(status=PUBLIC_STATUS)  # public now, or from its date (scheduled)
# The one Arabic state under which a brief's Arabic version may be public (with the brief).
APPROVED_ARABIC = "approved"
# Whether a brief's Arabic version may be public, as the database works it out: approved,
# with a title and a body (see in_arabic).
HAS_ARABIC_VERSION = models.Case(
    models.When(
        Q(arabic_status=APPROVED_ARABIC, title_ar__gt="", body_ar__gt=""),
        then=models.Value(True),
    ),
    default=models.Value(False),
)


class PublicationType(NamedModel):
    """The kind of a brief: "Brief Analysis", "Articles & Testimony", "PolicyWatch", …"""

    name = models.CharField(_("name"), max_length=80)

    objects = LanguageVersionsQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("publication type")
        verbose_name_plural = _("publication types")


def _bylines():
    return Authorship.objects.select_related("expert__portrait").order_by("position")


class BriefQuerySet(LanguageVersionsQuerySet):
    def published(self):
        """Briefs the public may see: published, and dated now or earlier."""
        return self.released().filter(published_at__lte=timezone.now())

    def released(self):
        """Briefs public now or due to be at their minute, by themselves (scheduled)."""
        return self.filter(RELEASED)

    def find_for_editors(self, text, limit):
        """These briefs an editor means by `text`, in any state, `limit` at most: those not
        released (never in the search index: drafts, in review, withdrawn, a few among
        many) by title or slug, then the newest released ones whose version in either
        language holds the words. Each part is asked alone, newest first, so that a word
        found in most of the archive reads only its newest matches."""
        # Each state but the public one, named: the (status, date) index can find them.
        others = [status for status in self.model.Status.values if status != PUBLIC_STATUS]
        unreleased = self.filter(status__in=others).filter(
            Q(title_en__icontains=text)
            | Q(title_ar__icontains=text)
            | Q(slug_en__icontains=text)
            | Q(slug_ar__icontains=text)
        )
        found = list(unreleased.order_by("-pk").values_list("pk", flat=True)[:limit])
        released = set()
        for language in LANGUAGES:
            if query := SearchQuery.parse(text, language):
                newest = self.released().matching(query).order_by("-published_at", "-pk")
                released.update(newest.values_list("published_at", "pk")[:limit])
        found += [pk for _published_at, pk in sorted(released, reverse=True)]
        return self.filter(pk__in=found[:limit])

    def matching(self, query, filed_under=None):
        """These briefs whose `query.language` version holds every word of `query` (a
        search.query.SearchQuery). Only released briefs are in the index (briefs.search).

        `filed_under` (the chosen type, topic, region and expert, as for narrowed() in
        briefs.forms) narrows the matches by the index's copies of what each brief is
        filed under, read with the words; it speeds up a search narrowed by the briefs'
        own links, and is no substitute for them."""
        matches = self.filter(**{f"{_document_path(query.language)}__matches": query})
        return matches.filter(**SearchEntry.lookups_filed_under(filed_under, "search_entry__"))

    def with_relevance(self, query):
        """These briefs, each annotated with its `relevance` to `query` (larger is better;
        each must have a document in the query's language)."""
        document = _document_path(query.language)
        ranked = self.filter(**{f"{document}__isnull": False})
        return ranked.annotate(relevance=Relevance(F(document), query))

    def link_targets(self, query, language):
        """Public briefs first, then the rest, each newest first."""
        public = models.Q(status=PUBLIC_STATUS, published_at__lte=timezone.now())
        return (
            super()
            .link_targets(query, language)
            .order_by(models.Case(models.When(public, then=0), default=1), "-published_at")
        )

    def scheduled(self):
        """Briefs published for a later time: they go public at that minute, by themselves."""
        return self.filter(status=PUBLIC_STATUS, published_at__gt=timezone.now())

    def update(self, **values):
        """update(), with the Arabic flag and the links' copies brought into line with the
        new values and the change announced, as a save() would: an update() cannot leave
        a withdrawn brief on a topic page or in a rail."""
        with transaction.atomic(using=self.db):
            ids = list(self.values_list("pk", flat=True))
            count = super().update(**values)
            if ids:
                rows = Brief.objects.filter(pk__in=ids)
                super(BriefQuerySet, rows).update(in_arabic=HAS_ARABIC_VERSION)
                BriefLink.sync(ids)
                announce_keys((Brief._meta.label_lower, pk) for pk in ids)
        return count

    def in_language(self, language=None):
        """Briefs that have a version in `language`, read from the flag save() keeps."""
        language = language or translation.get_language()
        if language == "ar":
            return self.filter(in_arabic=True)
        return self

    def at_address(self, path):
        """What answers at `path`, a path on this site, as a link in a text reaches it
        (through a recorded redirect): (the brief there, or None when nothing answers,
        the path's language), or None when the path is not a brief's kind of address
        or a topic or region answers there."""
        redirected = Redirect.objects.filter(old_path=path).values_list("new_path", flat=True)
        path = redirected.first() or path
        for language in LANGUAGES:
            with translation.override(language):
                try:
                    match = resolve(path)
                except Resolver404:
                    continue
            if match.view_name != "briefs:detail":
                return None
            slug = match.kwargs["slug"]
            brief = self.filter(**{f"slug_{language}": slug}).first()
            if brief is None and slug_is_taken(slug, ignore=self.model()):  # a term's page
                return None
            return brief, language
        return None

    def about_topic(self, topic):
        return self.filter(Exists(BriefTopic.objects.filter(brief=OuterRef("pk"), topic=topic)))

    def in_region(self, region):
        """Briefs filed under `region` or any region or country inside it."""
        links = BriefRegion.objects.filter(brief=OuterRef("pk"), region__in=region.subtree_ids())
        return self.filter(Exists(links))

    def by_expert(self, expert):
        return self.filter(Exists(Authorship.objects.filter(brief=OuterRef("pk"), expert=expert)))

    def for_listing(self):
        """What a teaser of each brief shows: its type and its authors, in order."""
        bodies = [f"{field}_{code}" for field in ("body", "author_note") for code in LANGUAGES]
        return (
            self.defer("body", "author_note", *bodies)
            .select_related("publication_type", "lead_image")
            .prefetch_related(Prefetch("authorships", queryset=_bylines()))
        )

    def with_arabic_written(self):
        """Each brief annotated with `arabic_written`: whether any Arabic title or body is
        there, known without loading the body (a changelist's hundred rows)."""
        written = models.Q(title_ar__gt="") | models.Q(body_ar__gt="")
        # Both columns NULL (never written) compare as NULL, not false.
        written = models.ExpressionWrapper(written, output_field=models.BooleanField())
        return self.annotate(arabic_written=Coalesce(written, models.Value(False)))

    def for_detail(self):
        """Everything the article page shows, in a number of queries that does not grow."""
        return (
            self.for_listing()
            .defer(None)
            .prefetch_related(
                "topics",
                "regions",
                Prefetch(
                    "recommendations",
                    queryset=Recommendation.objects.order_by("position").select_related(
                        "recommended__publication_type"
                    ),
                ),
                Prefetch("recommendations__recommended__authorships", queryset=_bylines()),
                "attachments",
            )
        )


class Brief(WritableTextModel, PublicContentModel, LanguageVersionsModel):
    """A piece of policy analysis, in English and, once translated, in Arabic."""

    version_fields = ("title", "body")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class ArabicStatus(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "review", _("In review")
        APPROVED = APPROVED_ARABIC, _("Approved")

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        blank=True,
        help_text=_(
            "The last part of the address. Left empty, it is made from the title: "
            "English words, or the Latin transliteration of the Arabic title."
        ),
    )
    publication_type = models.ForeignKey(
        PublicationType,
        verbose_name=_("publication type"),
        related_name="briefs",
        on_delete=models.PROTECT,
    )
    authors = models.ManyToManyField(
        Expert, through="Authorship", verbose_name=_("authors"), related_name="briefs"
    )
    published_at = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        help_text=_("A later date schedules the brief: it stays hidden until then."),
    )
    lead_image = models.ForeignKey(
        Image,
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown atop the article, in lists and when the brief is shared."),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences for lists and search engines.")
    )
    body = RichTextField(_("body"), blank=True, rich_text=WITH_FIGURES)
    author_note = models.TextField(
        _("author note"),
        blank=True,
        help_text=_(
            "The closing line, e.g. “… is an Ira Weiner Fellow at The Washington Institute.”"
        ),
    )
    original_outlet_name = models.CharField(
        _("original outlet"),
        max_length=200,
        blank=True,
        help_text=_("Where the piece first appeared, if not here."),
    )
    original_outlet_url = models.URLField(_("original outlet address"), blank=True)
    topics = models.ManyToManyField(
        Topic, through="BriefTopic", verbose_name=_("topics"), related_name="briefs"
    )
    regions = models.ManyToManyField(
        Region,
        through="BriefRegion",
        verbose_name=_("regions and countries"),
        related_name="briefs",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # A translator's save is an Arabic draft; the Arabic goes public once approved.
    arabic_status = models.CharField(
        _("Arabic version"),
        max_length=10,
        choices=ArabicStatus.choices,
        default=ArabicStatus.DRAFT,
        editable=False,
    )
    # Kept by save() from the Arabic state, title and body, so that Arabic lists can use an
    # index: whether the Arabic version may be public.
    in_arabic = models.BooleanField(_("Arabic version"), default=False, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last saved by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = BriefQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("brief")
        verbose_name_plural = _("briefs")
        permissions = [("publish_brief", _("Can publish, schedule and withdraw briefs"))]
        constraints = [
            models.UniqueConstraint(fields=["slug_en"], name="brief_unique_slug_en"),
            models.UniqueConstraint(fields=["slug_ar"], name="brief_unique_slug_ar"),
        ]
        indexes = [
            # The admin's changelist, newest first, however large the archive.
            models.Index(fields=["-published_at", "-id"], name="brief_newest_first"),
            models.Index(fields=["status", "-published_at"], name="brief_status_date"),
            models.Index(
                fields=["-published_at"],
                condition=Q(status=PUBLIC_STATUS, in_arabic=True),
                name="brief_public_arabic_date",
            ),
        ]

    def __str__(self):
        return self.title or self.title_en

    def save(self, *args, **kwargs):
        bases = {"slug_en": self.slug_en or english_slug(self.title_en or "") or "brief"}
        if self.slug_ar or self.title_ar:
            bases["slug_ar"] = self.slug_ar or arabic_slug(self.title_ar) or "brief"
        # Unique per language: an Arabic slug not yet given is NULL, not "".
        self.slug_ar = self.slug_ar or None
        self.set_in_arabic()
        save_claiming_slugs(
            self,
            partial(super().save, *args, **kwargs),
            bases,
            also_taken=partial(slug_is_taken, ignore=self),
        )
        self.sync_links()
        self._redirect_moved_addresses()
        self._stored_status = self.status
        self._stored_arabic_status = self.arabic_status
        self._stored_slugs = {field: getattr(self, field) for field in SLUG_FIELDS}

    @classmethod
    def from_db(cls, db, field_names, values):
        brief = super().from_db(db, field_names, values)
        # What the database held, so that a save knows whether the brief was released
        # and which addresses it had.
        brief._stored_status = brief.__dict__.get("status", PUBLIC_STATUS)
        brief._stored_arabic_status = brief.__dict__.get("arabic_status", APPROVED_ARABIC)
        brief._stored_slugs = {field: brief.__dict__.get(field) for field in SLUG_FIELDS}
        return brief

    def _redirect_moved_addresses(self):
        """A brief whose slug changed keeps its old address, as a redirect: readers may
        know it, and so may links in other briefs written before it was public."""
        for field, old_slug in getattr(self, "_stored_slugs", {}).items():
            new_slug = getattr(self, field)
            if old_slug and new_slug and old_slug != new_slug:
                with translation.override(field.rsplit("_", 1)[1]):
                    old = reverse("briefs:detail", kwargs={"slug": old_slug})
                    new = reverse("briefs:detail", kwargs={"slug": new_slug})
                if path_problem(old) or path_problem(new):
                    logger.warning("No redirect from %s to %s: too long", old, new)
                    continue
                Redirect.objects.record_move(old, new)

    @property
    def stored_status(self):
        """The status the database holds for this brief (None before its first save)."""
        return getattr(self, "_stored_status", None)

    @property
    def stored_arabic_status(self):
        """The Arabic state the database holds for this brief (None before its first save)."""
        return getattr(self, "_stored_arabic_status", None)

    def changes_public_content(self):
        """A brief's change shows if it is released (public, or due to be) or was."""
        return PUBLIC_STATUS in (self.status, self.stored_status)

    def get_absolute_url(self):
        return reverse("briefs:detail", kwargs={"slug": self.slug})

    @property
    def outlet_link(self):
        """The original outlet's address when it is a web page's (http or https): the form
        refuses any other, but an import or a raw write might have stored one."""
        url = (self.original_outlet_url or "").strip()
        return url if urlsplit(url).scheme.lower() in ("http", "https") else ""

    def link_target_note(self, language):
        if not self.is_public:
            return _("not public yet: %(state)s") % {"state": self.state_label}
        if language == "ar" and not self.in_arabic:
            return _("Arabic version not approved yet")
        return ""

    def save_translation(self, user, language):
        from .publishing import receive_translation  # the path is built on this module

        receive_translation(self, user, language)

    def has_version_in(self, language):
        """Whether readers may see this brief in `language` (once it is public): for Arabic,
        the stored flag, so that lists need not load Arabic bodies to know."""
        return self.in_arabic if language == "ar" else super().has_version_in(language)

    def set_in_arabic(self):
        """Work out the Arabic flag from the Arabic state and text (save() calls it)."""
        self.in_arabic = self.arabic_status == APPROVED_ARABIC and self.is_written_in("ar")

    def is_written_in(self, language):
        """Whether the text of a version in `language` is there, approved or not."""
        return super().has_version_in(language)

    @property
    def arabic_state_label(self):
        """The Arabic version's state as editors see it, under the heading "Arabic version"."""
        written = getattr(self, "arabic_written", None)  # from with_arabic_written()
        if not (written if written is not None else self.title_ar or self.body_ar):
            return _("No Arabic version")
        return self.get_arabic_status_display()

    def sync_links(self):
        """Copy what rails sort and filter by onto this brief's author, topic and region links.

        save() calls it; code that creates links with bulk_create() must call it too.
        """
        BriefLink.sync([self.pk])

    @property
    def is_public(self):
        return self.status == PUBLIC_STATUS and self.published_at <= timezone.now()

    @property
    def is_scheduled(self):
        """Published, but dated later: it goes public at its minute, by itself."""
        return self.status == PUBLIC_STATUS and self.published_at > timezone.now()

    @property
    def state(self):
        """The status as editors see it, with "scheduled" told apart from "published"."""
        return "scheduled" if self.is_scheduled else self.status

    @property
    def state_label(self):
        """The state as editors see it; a scheduled brief says when it goes public."""
        if self.is_scheduled:
            return _("Scheduled for %(moment)s") % {"moment": moment(self.published_at)}
        return self.get_status_display()

    @cached_property
    def ordered_authors(self):
        """The byline's experts, in order, each with `byline_role`: their part in this
        brief ("moderator"), or "" for an author (a fast loader may provide the list)."""
        experts = []
        for authorship in self.authorships.all():
            expert = authorship.expert
            expert.byline_role = authorship.get_role_display() if authorship.role else ""
            experts.append(expert)
        return experts

    def curated_recommendations(self, language=None):
        """The editor's picks that the public may see in `language`, in the editor's order."""
        language = language or translation.get_language()
        picks = [pick.recommended for pick in self.recommendations.all()]
        return [pick for pick in picks if pick.is_public and pick.has_version_in(language)]

    def clean(self):
        super().clean()
        errors = {}
        if self.status == PUBLIC_STATUS and not self.body_en:
            errors["body_en"] = _("A published brief needs an English body.")
        for field in ("slug_en", "slug_ar"):
            clash = slug_clash(getattr(self, field), ignore=self)
            if clash:
                errors[field] = clash
        if errors:
            raise ValidationError(errors)


share_slugs(Brief, "slug_en", "slug_ar")


class BriefLink(models.Model):
    """A brief's link to an expert, topic or region, carrying copies of the brief's date and
    visibility so that "the newest public briefs of this topic" is one index range scan."""

    brief = models.ForeignKey(Brief, on_delete=models.CASCADE)
    brief_published_at = models.DateTimeField(null=True, editable=False)
    brief_is_published = models.BooleanField(default=False, editable=False)
    brief_in_arabic = models.BooleanField(default=False, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        for field, value in self.copied_from(self.brief).items():
            setattr(self, field, value)
        super().save(*args, **kwargs)

    @staticmethod
    def copied_from(brief):
        return {
            "brief_published_at": brief.published_at,
            "brief_is_published": brief.status == PUBLIC_STATUS,
            "brief_in_arabic": brief.in_arabic,
        }

    @staticmethod
    def sync(brief_ids):
        """Bring the copies on every link of the briefs `brief_ids` into line, in SQL: the
        same rule as copied_from(), for rows the database holds."""
        brief = Brief.objects.filter(pk=OuterRef("brief_id"))
        for link_model in (Authorship, BriefTopic, BriefRegion):
            link_model.objects.filter(brief_id__in=brief_ids).update(
                brief_published_at=Subquery(brief.values("published_at")[:1]),
                brief_is_published=Exists(brief.filter(status=PUBLIC_STATUS)),
                brief_in_arabic=Exists(brief.filter(in_arabic=True)),
            )

    @classmethod
    def target_indexes(cls, target, name):
        """Indexes for "every brief linked to this target", read from the index alone (a
        filter of the search), and "newest public briefs linked to this target", in any
        language and in Arabic (its pages)."""
        return [
            models.Index(fields=[target, "brief"], name=f"{name}_target_brief"),
            models.Index(
                fields=[target, "-brief_published_at"],
                condition=Q(brief_is_published=True),
                name=f"{name}_public",
            ),
            models.Index(
                fields=[target, "-brief_published_at"],
                condition=Q(brief_is_published=True, brief_in_arabic=True),
                name=f"{name}_public_ar",
            ),
        ]


class Authorship(BriefLink):
    """An author's place in a brief's byline, and their part in it."""

    class Role(models.TextChoices):
        AUTHOR = "", _("author")
        MODERATOR = "moderator", _("moderator")
        SPEAKER = "speaker", _("speaker")
        DISCUSSANT = "discussant", _("discussant")
        EDITOR = "editor", _("editor")

    brief = models.ForeignKey(Brief, related_name="authorships", on_delete=models.CASCADE)
    expert = models.ForeignKey(
        Expert,
        verbose_name=_("expert"),
        related_name="authorships",
        on_delete=models.PROTECT,
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    role = models.CharField(
        _("role"),
        max_length=12,
        choices=Role.choices,
        default=Role.AUTHOR,
        blank=True,
        help_text=_("Shown after the name in the byline, except for an author."),
    )

    class Meta:
        ordering = ["position"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = [
            models.UniqueConstraint(fields=["brief", "expert"], name="authorship_unique_expert")
        ]
        indexes = BriefLink.target_indexes("expert", "authorship")

    def __str__(self):
        return f"{self.expert} — {self.brief}"


class BriefTopic(BriefLink):
    """A brief filed under a topic; the topic cannot be deleted while briefs use it."""

    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        on_delete=models.PROTECT,
    )

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(fields=["brief", "topic"], name="brief_topic_unique")
        ]
        indexes = BriefLink.target_indexes("topic", "brieftopic")

    def __str__(self):
        return f"{self.topic} — {self.brief}"


class BriefRegion(BriefLink):
    """A brief filed under a region; the region cannot be deleted while briefs use it."""

    region = models.ForeignKey(
        Region,
        verbose_name=_("region or country"),
        on_delete=models.PROTECT,
    )

    class Meta:
        verbose_name = _("region or country")
        verbose_name_plural = _("regions and countries")
        constraints = [
            models.UniqueConstraint(fields=["brief", "region"], name="brief_region_unique")
        ]
        indexes = BriefLink.target_indexes("region", "briefregion")

    def __str__(self):
        return f"{self.region} — {self.brief}"


class Attachment(WritableTextModel):
    """A document offered with a brief (the full report, a one-pager), as a PDF."""

    brief = models.ForeignKey(Brief, related_name="attachments", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=200, help_text=_("“Full report”"))
    file = models.FileField(_("PDF file"), upload_to="documents/%Y/%m/")
    size = models.PositiveBigIntegerField(_("size in bytes"), editable=False, default=0)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("PDF attachment")
        verbose_name_plural = _("PDF attachments")

    def __str__(self):
        return self.title or self.title_en

    def save(self, *args, **kwargs):
        self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("briefs:attachment", kwargs={"slug": self.brief.slug, "pk": self.pk})

    def download_name(self):
        """The file's name for the reader: the brief's slug, and the title's."""
        return f"{self.brief.slug}-{slugify(self.title_en)[:60]}.pdf".replace("--", "-")


class Recommendation(models.Model):
    """An editor's pick for a brief's RECOMMENDED rail, in the editor's order."""

    brief = models.ForeignKey(Brief, related_name="recommendations", on_delete=models.CASCADE)
    recommended = models.ForeignKey(
        Brief, verbose_name=_("recommended brief"), related_name="+", on_delete=models.CASCADE
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("recommended brief")
        verbose_name_plural = _("recommended briefs")
        constraints = [
            models.UniqueConstraint(fields=["brief", "recommended"], name="recommendation_unique"),
            models.CheckConstraint(
                condition=~Q(brief=models.F("recommended")), name="recommendation_not_self"
            ),
        ]

    def __str__(self):
        return f"{self.recommended} ← {self.brief}"


class SearchEntryQuerySet(models.QuerySet):
    def in_language(self, language):
        """Entries with a document in `language`."""
        return self.filter(**{f"{document_field(self.model, language).name}__isnull": False})

    def matching(self, query):
        """Entries whose document in `query.language` holds every word of `query`."""
        document = document_field(self.model, query.language).name
        return self.filter(**{f"{document}__matches": query})

    def filed_under(self, chosen):
        """Entries of briefs filed under the chosen type, topic, region and expert."""
        return self.filter(**self.model.lookups_filed_under(chosen))


class SearchEntry(models.Model):
    """A released brief in the search index: its words in each language it may be read in,
    a column per language (search.documents says why), and a copy of its date, so that a
    rare word's matches are put newest first without reading their briefs. Kept by
    briefs.search from the publishing path's announcements."""

    brief = models.OneToOneField(
        Brief, primary_key=True, related_name="search_entry", on_delete=models.CASCADE
    )
    brief_published_at = models.DateTimeField(null=True, editable=False)
    # Beside the words in each language's GIN index (PostgreSQL, migration 0018): a few
    # hundred months are a few hundred keys there, where dates were one per entry.
    brief_published_month = models.IntegerField(null=True, editable=False)
    # What the brief is filed under, beside the words in the same GIN indexes (PostgreSQL,
    # migration 0019), so that a search narrowed by the filters reads them with the words.
    brief_type = models.IntegerField(null=True, editable=False)
    brief_topics = IdsField()
    brief_regions = IdsField()
    brief_experts = IdsField()
    document_en = DocumentField("en")
    document_ar = DocumentField("ar")

    objects = SearchEntryQuerySet.as_manager()

    def __str__(self):
        return str(self.brief_id)

    @staticmethod
    def filed_under_copies(brief):
        """The copies kept of what `brief` is filed under, its links prefetched."""
        return {
            "brief_type": brief.publication_type_id,
            "brief_topics": [link.topic_id for link in brief.brieftopic_set.all()],
            "brief_regions": [link.region_id for link in brief.briefregion_set.all()],
            "brief_experts": [link.expert_id for link in brief.authorships.all()],
        }

    @staticmethod
    def lookups_filed_under(chosen, path=""):
        """Lookups (each prefixed by `path`) on those copies for the chosen type, topic,
        region (or a region inside it) and expert: {name: object or None}, or None."""
        chosen = chosen or {}
        lookups = {}
        if chosen.get("type"):
            lookups["brief_type"] = chosen["type"].pk
        if chosen.get("topic"):
            lookups["brief_topics__overlaps"] = [chosen["topic"].pk]
        if chosen.get("region"):
            lookups["brief_regions__overlaps"] = chosen["region"].subtree_ids()
        if chosen.get("expert"):
            lookups["brief_experts__overlaps"] = [chosen["expert"].pk]
        return {path + name: value for name, value in lookups.items()}

    @staticmethod
    def month_of(moment):
        """`moment`'s month as brief_published_month counts them (UTC)."""
        moment = moment.astimezone(UTC)
        return moment.year * 12 + moment.month - 1


def _document_path(language):
    return f"search_entry__{document_field(SearchEntry, language).name}"


@receiver(m2m_changed, sender=Brief.authors.through)
@receiver(m2m_changed, sender=Brief.topics.through)
@receiver(m2m_changed, sender=Brief.regions.through)
def _follow_link_changes(sender, instance, action, reverse, pk_set, **kwargs):
    """Links added or removed through a many-to-many manager (the admin's form does, and
    code may): the new links get their copies of the brief, as add() creates them with
    bulk_create(), which skips BriefLink.save(); and a released brief's change is
    announced, as its topic, region and expert pages and its search entry show it."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    brief_ids = sorted(pk_set or ()) if reverse else [instance.pk]
    if action == "post_add":
        BriefLink.sync(brief_ids)
    released = Brief.objects.filter(pk__in=brief_ids).released()
    announce_keys((Brief._meta.label_lower, pk) for pk in released.values_list("pk", flat=True))
