"""The publishing core any content model opts into (Publishable): a stored state per
language, changed only by the actions of publishing.actions, which check who may take
them; "public" is that state's live flag, defined once, in public_q()."""

import operator
from functools import reduce

import reversion
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from editorial.dates import moment
from languages.registry import LANGUAGE_CODES

from .signals import announce


def live_field(language):
    """The name of the stored flag that says an object is live in `language`."""
    return f"live_{language}"


def public_q(language, prefix=""):
    """Whether readers may see an object in `language`: the one definition of "public".
    Its state is stored, and changed only by the publishing actions and the scheduled
    job; every query, index and copy of it is derived from this. `prefix` reaches the
    object through a relation ("brief__")."""
    return Q(**{f"{prefix}{live_field(language)}": True})


def public_anywhere_q(prefix=""):
    """Whether readers may see an object in some language (public_q in any)."""
    return reduce(operator.or_, (public_q(code, prefix) for code in LANGUAGE_CODES))


class PublishingRecord(models.Model):
    """Who changed what the public may see of an object, how, and when."""

    class Action(models.TextChoices):
        SAVE_DRAFT = "draft", _("saved as draft")
        SEND_TO_REVIEW = "review", _("sent to review")
        PUBLISH = "publish", _("published")
        SCHEDULE = "schedule", _("scheduled")
        WITHDRAW = "withdraw", _("withdrawn")
        APPROVE = "approve", _("approved")
        EDIT = "edit", _("changes saved, not yet published")
        RESTORE = "restore", _("earlier version restored as changes")
        DELETE = "delete", _("deleted")
        RECOVER = "recover", _("recovered as a draft")
        EXPIRE = "expire", _("expired")
        SET_EXPIRY = "expiry", _("take-down set")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    language = models.CharField(_("language"), max_length=10, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    # Why, where the step asks (a withdrawal's reason).
    note = models.TextField(_("note"), blank=True)
    # Who, when no user took the step: the scheduled job, a command run without --user.
    actor = models.CharField(_("by (not a user)"), max_length=100, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("publishing record")
        verbose_name_plural = _("publishing records")
        indexes = [models.Index(fields=["content_type", "object_id", "-at"])]

    def __str__(self):
        return f"{self.get_action_display()} — {self.at:%Y-%m-%d %H:%M}"


class PublicContentModel(models.Model):
    """Mixin for models whose rows the public sees: each save, and each delete however it
    is made, announces public_content_changed when `changes_public_content()` says the row
    is, or was, shown to the public. Inside a transaction, the announcement waits for the
    commit.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.changes_public_content():
            announce([self])

    def changes_public_content(self):
        """Whether this row's change changes what the public sees (by default, always)."""
        return True

    def save_translation(self, user, language, comment=""):
        """Save text a translator brought in `language` from outside the admin (an XLIFF
        file), as a revision saying `comment`. By default a plain save; a model whose
        language versions wait for approval overrides it to send them through its
        publishing path."""
        with reversion.create_revision():
            self.save()
            reversion.set_user(user)
            reversion.set_comment(comment)


def announce_deleted(sender, instance, **kwargs):
    """post_delete receiver for every PublicContentModel (see PublishingConfig.ready)."""
    if instance.changes_public_content():
        announce([instance])


class Status(models.TextChoices):
    """A language version's state. A translation (any language but the object's source
    language) approved while its source is not live waits, APPROVED, and goes live with it."""

    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    APPROVED = "approved", _("Approved")
    SCHEDULED = "scheduled", _("Scheduled")
    LIVE = "live", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class LanguageStateQuerySet(models.QuerySet):
    def due_to_go_live(self, now):
        return self.filter(status=Status.SCHEDULED, go_live_at__lte=now)

    def due_to_expire(self, now):
        return self.filter(status=Status.LIVE, expire_at__lte=now)


class LanguageState(models.Model):
    """One language version of a publishable object: where it is in the workflow, when it
    was first and last published, when it goes live or expires. Kept by the actions."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("state"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    first_published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    last_published_at = models.DateTimeField(_("last published"), null=True, blank=True)
    go_live_at = models.DateTimeField(_("goes live at"), null=True, blank=True)
    expire_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    changed_at = models.DateTimeField(_("changed"), auto_now=True)
    # What readers see is the object's row; these say which revision it was published as,
    # and which revision holds this language's unpublished changes (publishing.drafts).
    live_revision = models.ForeignKey(
        "reversion.Revision",
        verbose_name=_("published revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    draft_revision = models.ForeignKey(
        "reversion.Revision",
        verbose_name=_("unpublished changes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    draft_in_review = models.BooleanField(_("changes in review"), default=False)

    objects = LanguageStateQuerySet.as_manager()

    class Meta:
        verbose_name = _("language version state")
        verbose_name_plural = _("language version states")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="language_state_unique"
            )
        ]
        indexes = [
            models.Index(
                fields=["go_live_at"],
                condition=Q(status=Status.SCHEDULED),
                name="language_state_go_live",
            ),
            models.Index(
                fields=["expire_at"],
                condition=Q(status=Status.LIVE, expire_at__isnull=False),
                name="language_state_expiry",
            ),
        ]

    def __str__(self):
        return f"{self.content_type_id}.{self.object_id} [{self.language}]: {self.status}"

    @property
    def is_live(self):
        return self.status == Status.LIVE

    @property
    def has_unpublished_changes(self):
        return self.draft_revision_id is not None


class PublishableQuerySet(models.QuerySet):
    def live(self, language=None):
        """What readers may see in `language` (default: the active one)."""
        return self.filter(public_q(language or translation.get_language()))

    def previewable(self, language=None):
        """What staff may open at a `language` address: what is live in it, and, as a
        preview, anything written in it as its source language (a translation is
        previewed through a share link until it is approved)."""
        language = language or translation.get_language()
        return self.filter(public_q(language) | Q(source_language=language))

    def live_in_own_language(self):
        """What readers may see in the language it is written in (the state filter's
        "Published": read from the live flags, which the lists' indexes hold)."""
        return self.filter(
            reduce(
                operator.or_,
                (Q(source_language=code) & public_q(code) for code in LANGUAGE_CODES),
            )
        )

    def live_anywhere(self):
        """What readers may see in some language."""
        return self.filter(public_anywhere_q())

    def with_states(self):
        return self.prefetch_related("language_states")

    def in_state(self, status, language=None):
        """Objects whose version in `language` (default: each one's source language) is in
        `status`."""
        return self.filter(Exists(self._states(language).filter(status=status)))

    def in_review(self, language=None):
        """Objects whose version in `language` (default: each one's source language) waits
        for an editor: in review, or live with changes sent to review."""
        waiting = Q(status=Status.REVIEW) | Q(draft_in_review=True)
        return self.filter(Exists(self._states(language).filter(waiting)))

    def with_unpublished_changes(self):
        """Objects live in a language that has unpublished changes (publishing.drafts)."""
        return self.filter(Exists(self._all_states().filter(draft_revision__isnull=False)))

    def without_state(self, language):
        """Objects with no version in `language` begun (no state kept for it)."""
        return self.exclude(Exists(self._states(language)))

    def _all_states(self):
        return LanguageState.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), object_id=OuterRef("pk")
        )

    def _states(self, language):
        return self._all_states().filter(language=language or OuterRef("source_language"))


class Publishable(PublicContentModel):
    """Mixin for content with a published state per language (a brief, an event): a live
    flag per configured language on the row itself, for the indexes of public lists, and a
    LanguageState per language version for the rest. Both change only through
    publishing.actions; readers' queries ask public_q().

    A model naming it takes the custom permission `publish_<model>` (publishing.policy)."""

    source_language = models.CharField(
        _("written in"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language it is written in; the others are its translations."),
    )
    language_states = GenericRelation(LanguageState)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # The live flags copy the stored states (publishing.actions changes them): a
        # revision brought back, or any other save, cannot make a version live or take
        # it down.
        if self.pk is not None:
            live = set(
                LanguageState.objects.filter(
                    content_type=ContentType.objects.get_for_model(self),
                    object_id=self.pk,
                    status=Status.LIVE,
                ).values_list("language", flat=True)
            )
            for code in LANGUAGE_CODES:
                setattr(self, live_field(code), code in live)
        super().save(*args, **kwargs)
        self._stored_live = bool(self.live_languages())

    def is_live(self, language):
        return bool(getattr(self, live_field(language)))

    def live_languages(self):
        return [code for code in LANGUAGE_CODES if self.is_live(code)]

    def state_in(self, language):
        """This object's LanguageState in `language` (prefetched with with_states()), or
        an unsaved draft one when it has none yet."""
        for state in self.language_states.all():
            if state.language == language:
                return state
        return LanguageState(content_object=self, language=language)

    def status_in(self, language):
        return self.state_in(language).status

    def unpublished_changes(self):
        """The languages whose live version has changes not yet published, each with
        whether they are in review: [(language, in review)]."""
        waiting = {
            state.language: state.draft_in_review
            for state in self.language_states.all()
            if state.has_unpublished_changes
        }
        return [(code, waiting[code]) for code in LANGUAGE_CODES if code in waiting]

    def is_written_in(self, language):
        """Whether a version in `language` has its text (a model says what that is)."""
        return True

    def state_label(self, language=None):
        """A language version's state as editors see it (default: the source language's):
        a scheduled one says when it goes live, a live one whether it has unpublished
        changes."""
        state = self.state_in(language or self.source_language)
        if state.status == Status.SCHEDULED and state.go_live_at:
            return _("Scheduled for %(moment)s") % {"moment": moment(state.go_live_at)}
        if not state.pk and not self.is_written_in(state.language):
            return _("Not written yet")
        if state.has_unpublished_changes and state.draft_in_review:
            return _("Published; changes in review")
        if state.has_unpublished_changes:
            return _("Published; unpublished changes")
        return state.get_status_display()

    def forget_states(self):
        """Let states read with with_states() be read again (an action changed them)."""
        getattr(self, "_prefetched_objects_cache", {}).pop("language_states", None)

    def publishing_problems(self, language, relations=True):
        """What keeps the version in `language` from being published, as messages (none
        by default); `relations=False` leaves out what a form's inline rows decide."""
        return []

    def sync_copies(self):
        """Bring the copies of this object's fields kept in other tables into line, after
        its rows were written without save() (publishing.drafts); nothing by default."""

    def goes_live(self, at):
        """Called as the source language goes live or is scheduled, at `at` (None: now,
        by the object's own date): a model's date of publication follows it."""

    def begun_languages(self):
        """The languages this object has a version begun in: its source language, and
        each other language with a state kept (a version saved, even as a draft; states
        prefetched with with_states())."""
        begun = {state.language for state in self.language_states.all()}
        return [code for code in LANGUAGE_CODES if code == self.source_language or code in begun]

    @classmethod
    def from_db(cls, db, field_names, values):
        obj = super().from_db(db, field_names, values)
        # Whether the database held it live somewhere: a save that takes it down shows too.
        obj._stored_live = any(obj.__dict__.get(live_field(code)) for code in LANGUAGE_CODES)
        return obj

    def changes_public_content(self):
        """A change shows when the object is, or was, live in some language."""
        live_now = any(self.is_live(code) for code in LANGUAGE_CODES)
        return live_now or getattr(self, "_stored_live", False)


# A live flag per configured language, as modeltranslation adds a column per language for
# text: adding a language to settings.LANGUAGES and running makemigrations adds its flag.
for _code in LANGUAGE_CODES:
    Publishable.add_to_class(
        live_field(_code),
        models.BooleanField(format_lazy(_("live in {}"), _code), default=False, editable=False),
    )
