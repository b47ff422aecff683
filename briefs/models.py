import logging
from datetime import UTC
from functools import partial
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from addresses.models import Redirect, path_problem
from editorial.languages import LanguageVersionsModel, LanguageVersionsQuerySet
from editorial.models import NamedModel, WritableTextModel
from editorial.richtext import RichTextField
from editorial.slugs import latin_slug, save_claiming_slugs
from experts.models import Expert
from languages import registry
from library.figures import WITH_FIGURES
from library.models import Image
from publishing.actions import SendToReview, bring_in
from publishing.models import (
    LANGUAGE_CODES,
    Publishable,
    PublishableQuerySet,
    live_field,
    public_anywhere_q,
    public_q,
)
from publishing.signals import announce_keys
from search.documents import DocumentIndex, IdsField, Relevance, document_field, documents_in
from search.query import SearchQuery
from taxonomy.models import Region, Topic
from taxonomy.slug_namespace import share_slugs, slug_clash, slug_is_taken

logger = logging.getLogger(__name__)
LANGUAGES = registry.LANGUAGE_CODES
SLUG_FIELDS = [f"slug_{code}" for code in LANGUAGES]


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


class BriefQuerySet(PublishableQuerySet, LanguageVersionsQuerySet):
    def find_for_editors(self, text, limit):
        """These briefs an editor means by `text`, in any state, `limit` at most: those live
        in no language (never in the search index: drafts, in review, scheduled,
        withdrawn, a few among many) by title or slug, then the newest live ones whose
        version in a language holds the words. Each part is asked alone, newest first, so
        that a word found in most of the archive reads only its newest matches."""
        words = Q()
        for language in LANGUAGES:
            words |= Q(**{f"title_{language}__icontains": text})
            words |= Q(**{f"slug_{language}__icontains": text})
        unpublished = self.exclude(public_anywhere_q()).filter(words)
        found = list(unpublished.order_by("-pk").values_list("pk", flat=True)[:limit])
        published = set()
        for language in LANGUAGES:
            if query := SearchQuery.parse(text, language):
                newest = self.live(language).matching(query).order_by("-published_at", "-pk")
                published.update(newest.values_list("published_at", "pk")[:limit])
        found += [pk for _published_at, pk in sorted(published, reverse=True)]
        return self.filter(pk__in=found[:limit])

    def matching(self, query, filed_under=None):
        """These briefs whose `query.language` version holds every word of `query` (a
        search.query.SearchQuery). Only live briefs are in the index (briefs.search).

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
        """Live briefs first, then the rest, each newest first."""
        return (
            super()
            .link_targets(query, language)
            .order_by(
                models.Case(models.When(public_q(language), then=0), default=1), "-published_at"
            )
        )

    def update(self, **values):
        """update(), with the links' copies brought into line with the new values and the
        change announced, as a save() would: an update() of a live flag cannot leave a
        withdrawn brief on a topic page or in a rail."""
        with transaction.atomic(using=self.db):
            ids = list(self.values_list("pk", flat=True))
            count = super().update(**values)
            if ids:
                BriefLink.sync(ids)
                announce_keys((Brief._meta.label_lower, pk) for pk in ids)
        return count

    def import_published(self, briefs, links_for, user=None, actor="an import"):
        """Bring in new `briefs` already published elsewhere (an archive import), in bulk,
        through publishing.actions.bring_in: each live in each language it is written in,
        with the link rows `links_for(brief)` gives (authors, topics, regions). Slugs must
        be set and free."""

        def save_links(created):
            links = {}
            for brief in created:
                copied = BriefLink.copied_from(brief)
                for link in links_for(brief):
                    for field, value in copied.items():
                        setattr(link, field, value)
                    links.setdefault(type(link), []).append(link)
            for link_model, rows in links.items():
                link_model.objects.bulk_create(rows)

        return bring_in(
            briefs,
            user,
            actor=actor,
            languages_for=lambda brief: brief.written_languages(),
            save_related=save_links,
        )

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


class Brief(WritableTextModel, Publishable, LanguageVersionsModel):
    """A piece of policy analysis, written in one language and translated into others;
    each language version published on its own (publishing.Publishable)."""

    version_fields = ("title", "body")

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        blank=True,
        help_text=_(
            "The last part of the address. Left empty, it is made from the title: "
            "English words, or the Latin transliteration of a title in another script."
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
            models.UniqueConstraint(fields=[field], name=f"brief_unique_{field}")
            for field in SLUG_FIELDS
        ]
        indexes = [
            # The admin's changelist, newest first, however large the archive.
            models.Index(fields=["-published_at", "-id"], name="brief_newest_first"),
            # What readers see in no language (drafts, in review, scheduled, withdrawn),
            # newest first: a few among many, which the editors' search and the picks
            # picker look through by title.
            models.Index(fields=["-id"], condition=~public_anywhere_q(), name="brief_live_nowhere"),
            # Briefs written in each language: the translation queue into the default
            # language reads the few written in another.
            models.Index(fields=["source_language", "-published_at"], name="brief_source_date"),
            # Each language's public lists, newest first.
            *(
                models.Index(
                    fields=["-published_at"],
                    condition=public_q(language),
                    name=f"brief_live_{language}_date",
                )
                for language in LANGUAGES
            ),
        ]

    def __str__(self):
        return self.title or getattr(self, f"title_{self.source_language}") or self.title_en

    def save(self, *args, **kwargs):
        # An Arabic-first brief's address is its Arabic title's transliteration, in every
        # language, until it has one of its own.
        source_title = getattr(self, f"title_{self.source_language}") or ""
        bases = {
            "slug_en": self.slug_en
            or latin_slug(self.title_en or "", "en")
            or getattr(self, f"slug_{self.source_language}")
            or latin_slug(source_title, self.source_language)
            or "brief"
        }
        for language in LANGUAGES[1:]:
            field, title = f"slug_{language}", getattr(self, f"title_{language}")
            if getattr(self, field) or title:
                bases[field] = getattr(self, field) or latin_slug(title, language) or "brief"
            # Unique per language: a slug not yet given is NULL, not "".
            setattr(self, field, getattr(self, field) or None)
        save_claiming_slugs(
            self,
            partial(super().save, *args, **kwargs),
            bases,
            also_taken=partial(slug_is_taken, ignore=self),
        )
        self.sync_links()
        self._redirect_moved_addresses()
        self._stored_slugs = {field: getattr(self, field) for field in SLUG_FIELDS}

    @classmethod
    def from_db(cls, db, field_names, values):
        brief = super().from_db(db, field_names, values)
        # Which addresses the database held, so that a save knows which moved.
        brief._stored_slugs = {field: brief.__dict__.get(field) for field in SLUG_FIELDS}
        return brief

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._stored_slugs = {field: self.__dict__.get(field) for field in SLUG_FIELDS}

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

    def get_absolute_url(self):
        return reverse("briefs:detail", kwargs={"slug": self.slug})

    @property
    def outlet_link(self):
        """The original outlet's address when it is a web page's (http or https): the form
        refuses any other, but an import or a raw write might have stored one."""
        url = (self.original_outlet_url or "").strip()
        return url if urlsplit(url).scheme.lower() in ("http", "https") else ""

    def link_target_note(self, language):
        if not self.is_live(language):
            return _("not public yet: %(state)s") % {"state": self.state_label(language)}
        return ""

    def save_translation(self, user, language, comment=""):
        """Text a translator brought from outside the admin (an XLIFF file) is finished
        work: saved, and its language version sent to review (a live one stays live, the
        text its changes in review)."""
        SendToReview(self, user, language, actor="xliff_import", comment=comment).run()

    def has_version_in(self, language):
        """Whether readers may see this brief in `language`: its stored live flag."""
        return self.is_live(language)

    def is_written_in(self, language):
        """Whether the text of a version in `language` is there, live or not."""
        return super().has_version_in(language)

    def publishing_problems(self, language, relations=True):
        """What keeps the version in `language` from being published, as messages."""
        name = registry.get(language).name
        if language != self.source_language:
            if self.is_written_in(language):
                return []
            return [
                _("A version in %(language)s needs a title and a body in it to be approved.")
                % {"language": name}
            ]
        problems = []
        if not getattr(self, f"body_{language}"):
            problems.append(
                _("A published brief needs a body in %(language)s.") % {"language": name}
            )
        # Asked of the database: the admin's object has its old authors prefetched.
        if relations and self.pk and not Authorship.objects.filter(brief_id=self.pk).exists():
            problems.append(_("A published brief needs at least one author."))
        return problems

    def goes_live(self, at):
        """Dated `at` when given (scheduled, or an archive's date); published now, dated
        now, unless it already bears an earlier date."""
        now = timezone.now()
        if at is not None:
            self.published_at = at
        elif self.published_at is None or self.published_at > now:
            self.published_at = now

    def written_languages(self):
        """The languages its title and body are written in."""
        return [code for code in LANGUAGES if self.is_written_in(code)]

    @property
    def is_public(self):
        """Whether readers may see it in the language it is written in."""
        return self.is_live(self.source_language)

    @property
    def state(self):
        """The source language's state (publishing.models.Status), as the changelist sorts
        and colours it."""
        return self.status_in(self.source_language)

    def sync_copies(self):
        self.sync_links()

    def sync_links(self):
        """Copy what rails sort and filter by onto this brief's author, topic and region links.

        save() calls it; code that creates links with bulk_create() must call it too.
        """
        BriefLink.sync([self.pk])

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
        return [pick for pick in picks if pick.is_live(language)]

    def clean(self):
        super().clean()
        errors = {}
        for field in SLUG_FIELDS:
            clash = slug_clash(getattr(self, field), ignore=self)
            if clash:
                errors[field] = clash
        if errors:
            raise ValidationError(errors)


share_slugs(Brief, *SLUG_FIELDS)


class BriefLink(models.Model):
    """A brief's link to an expert, topic or region, carrying copies of the brief's date and
    live flags so that "the newest public briefs of this topic" is one index range scan."""

    brief = models.ForeignKey(Brief, on_delete=models.CASCADE)
    brief_published_at = models.DateTimeField(null=True, editable=False)

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
            **{f"brief_{live_field(code)}": brief.is_live(code) for code in LANGUAGE_CODES},
        }

    @staticmethod
    def sync(brief_ids):
        """Bring the copies on every link of the briefs `brief_ids` into line, in SQL: the
        same copies as copied_from(), for rows the database holds."""
        brief = Brief.objects.filter(pk=OuterRef("brief_id"))
        live = {
            f"brief_{live_field(code)}": Exists(brief.filter(public_q(code)))
            for code in LANGUAGE_CODES
        }
        for link_model in (Authorship, BriefTopic, BriefRegion):
            link_model.objects.filter(brief_id__in=brief_ids).update(
                brief_published_at=Subquery(brief.values("published_at")[:1]), **live
            )

    @classmethod
    def target_indexes(cls, target, name):
        """Indexes for "every brief linked to this target", read from the index alone (a
        filter of the search), and "newest public briefs linked to this target" in each
        language (its pages)."""
        return [
            models.Index(fields=[target, "brief"], name=f"{name}_target_brief"),
            *(
                models.Index(
                    fields=[target, "-brief_published_at"],
                    condition=public_q(code, prefix="brief_"),
                    name=f"{name}_live_{code}",
                )
                for code in LANGUAGE_CODES
            ),
        ]


# A copy of each language's live flag, as the brief carries one (publishing.Publishable).
for _code in LANGUAGE_CODES:
    BriefLink.add_to_class(
        f"brief_{live_field(_code)}", models.BooleanField(default=False, editable=False)
    )


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


class SearchEntry(documents_in(registry.LANGUAGE_CODES)):
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

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        indexes = [
            DocumentIndex(
                language=code,
                name=f"search_entry_{code}_words",
                beside=[
                    "brief_published_month",
                    "brief_type",
                    "brief_topics",
                    "brief_regions",
                    "brief_experts",
                ],
            )
            for code in registry.LANGUAGE_CODES
        ]

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
    bulk_create(), which skips BriefLink.save(); and a live brief's change is announced,
    as its topic, region and expert pages and its search entry show it."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    brief_ids = sorted(pk_set or ()) if reverse else [instance.pk]
    if action == "post_add":
        BriefLink.sync(brief_ids)
    live = Brief.objects.filter(pk__in=brief_ids).filter(public_anywhere_q())
    announce_keys((Brief._meta.label_lower, pk) for pk in live.values_list("pk", flat=True))
