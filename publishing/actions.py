"""The steps that change what readers see of publishable content, as Wagtail's actions:
each checks who may take it (`check()`, publishing.policy) and what the content needs,
then takes it (`execute()`), recording who did what in which language, keeping a
revision and announcing the change. The admin's buttons and bulk actions, commands,
imports and the scheduled job all go through them; `run()` does both.

A language version's states are publishing.models.Status. The object's source language
is published, scheduled and withdrawn for the whole object; a translation is approved
(live with its source, or as soon as the source goes live) and withdrawn on its own.
"""

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from editorial.dates import moment
from editorial.lists import clauses
from languages import registry

from . import drafts, policy, scheduled, signals
from .models import LANGUAGE_CODES, LanguageState, PublishingRecord, Status, live_field
from .signals import announce

Record = PublishingRecord.Action


class Action:
    """One step taken on one object in one language (default: its source language), by
    `user`, or by the system (no user) named by `actor`, with an optional `note`; its
    revision's `comment` says what was done, unless given."""

    def __init__(self, obj, user=None, language=None, *, actor="", note="", comment=""):
        if language is not None and language not in LANGUAGE_CODES:
            raise ValueError(f"Not a configured language: {language!r}")
        self.obj, self.user = obj, user if user is not None and user.pk else None
        self.language = language or obj.source_language
        self.actor, self.note, self.comment = actor, note, comment
        self.steps = []  # (record, language) of what was done, once executed
        self.before = None  # what readers saw, where execute() writes before save()
        # What the steps did, for settling the object's changes (publishing.drafts): the
        # admin's, where its form opened them, else this action's own.
        self.outcome = drafts.outcome_of(obj) or drafts.Outcome()
        self._states, self._changed = {}, set()

    # Asked before anything is done.

    def check(self):
        """Raise PermissionDenied if the user may not take this step, ValidationError if
        the content is not ready for it."""
        self.check_permission()
        self.check_content()

    publisher_only = False  # a step only someone who may publish takes

    def check_permission(self):
        if self.user is None and not self.actor:
            raise PermissionDenied(_("Every step is taken by someone: a user or the system."))
        if self.publisher_only:
            self.check_publisher()

    def check_content(self):
        """Nothing by default; publishing checks what the content needs."""

    def check_publisher(self):
        if self.user is not None and not policy.may_publish(self.user, type(self.obj)):
            raise PermissionDenied(_("Only an editor may publish, schedule or withdraw."))

    def check_editor(self):
        """A step that takes a live version down is an editor's; any other, anyone's who
        may change the object in that language (a writer's own draft, a translator's
        translation)."""
        if self.obj.is_live(self.language):
            self.check_publisher()
        if self.user is not None and not policy.may_edit(self.user, self.obj, self.language):
            raise PermissionDenied(_("Not yours to change."))

    def execute(self):
        raise NotImplementedError

    def run(self):
        self.check()
        return self.execute()

    # What execute() uses.

    @property
    def is_source(self):
        return self.language == self.obj.source_language

    def translations(self):
        return [code for code in LANGUAGE_CODES if code != self.obj.source_language]

    def state(self, language):
        """The object's LanguageState in `language`, read once, saved by save()."""
        if language not in self._states:
            found = None
            if self.obj.pk is not None:
                found = self.obj.language_states.filter(language=language).first()
            self._states[language] = found or LanguageState(
                content_object=self.obj, language=language
            )
        return self._states[language]

    def changed(self, language):
        """The object's LanguageState in `language`, to be changed: save() keeps it."""
        self._changed.add(language)
        return self.state(language)

    def set_live(self, language):
        """The version in `language` live now (with its changes only where accept()ed)."""
        state, now = self.changed(language), timezone.now()
        state.status, state.go_live_at = Status.LIVE, None
        state.first_published_at = state.first_published_at or now
        state.last_published_at = now
        setattr(self.obj, live_field(language), True)

    def accept(self, language):
        """The changes waiting apart in `language` are what it is published or approved
        with: into the object's rows (where a form is saved, they are in it already: the
        admin opened them into the rows for it)."""
        self.outcome.accepted.add(language)
        state = self.state(language)
        if state.draft_revision_id is None or drafts.outcome_of(self.obj) is not None:
            return
        copy = drafts.Copy.of_revision(state.draft_revision, self.obj)
        if copy is not None:
            copy.put_back(self.obj, language)

    def take_down(self, status):
        """This language version to `status`, and, for the source language, every live
        translation with it (they wait, approved, for the source to go live again). Their
        changes stay apart, for whoever publishes them again."""
        state = self.changed(self.language)
        state.status, state.go_live_at = status, None
        if status != Status.SCHEDULED:  # a scheduled version keeps its take-down time
            state.expire_at = None
        setattr(self.obj, live_field(self.language), False)
        if self.is_source:
            for code in self.translations():
                if self.state(code).status == Status.LIVE:
                    self.changed(code).status = Status.APPROVED
                setattr(self.obj, live_field(code), False)

    def save(self, *steps):
        """Save the object and its states, with a record of each (record, language) step,
        in one revision whose comment says what was done. The object's live flags follow
        its states as it is saved (Publishable.save). A live language's text changed and
        not published by the step is kept apart, as its unpublished changes
        (publishing.drafts); where the caller opened the object's unpublished changes
        for its form (the admin), the caller keeps them apart once its revision is written."""
        self.steps = list(steps)
        settling = self.obj.pk is not None and drafts.outcome_of(self.obj) is None
        # Inside a revision begun by the caller (a bulk action), this save's revision is
        # written only as the caller's block ends: there is none to name yet.
        outermost = not reversion.is_active()
        if not settling:
            with transaction.atomic():
                self._save_with_revision()
            return self.steps
        with transaction.atomic():
            before = self.before or drafts.Before(self.obj)
            with signals.holding() as announcements:
                self._save_with_revision()
                revision = drafts.latest_revision(self.obj) if outermost else None
                public = before.settle(self.obj, revision, self.outcome)
            if public:
                signals.send(announcements)
        return self.steps

    def _save_with_revision(self):
        with reversion.create_revision():
            if self.obj.pk is None:
                self.obj.save()
            for language in self._changed:
                state = self._states[language]
                state.content_object = self.obj  # a new object's id, now it has one
                state.save()
            self.obj.forget_states()
            self.obj.save()
            reversion.set_user(self.user)
            if self.comment or self.steps:
                reversion.set_comment(self.comment or self.description())
            self.keep_records(*self.steps)

    def keep_records(self, *steps):
        """Keep a PublishingRecord of each (record, language) step."""
        PublishingRecord.objects.bulk_create(
            PublishingRecord(
                content_object=self.obj,
                action=record,
                language=language,
                user=self.user,
                actor="" if self.user else self.actor,
                note=self.note,
            )
            for record, language in steps
        )

    def description(self):
        """What was done, as the history says it: "Sent to review", "Scheduled for 7
        December 2026, 14:30 (UTC)", "Arabic: approved", with the note (a reason)."""
        said = clauses(self.label(record, language) for record, language in self.steps)
        if self.note and said:
            return _("%(steps)s: %(note)s") % {"steps": said, "note": self.note}
        return said

    def label(self, record, language):
        if record == Record.SCHEDULE:
            go_live_at = self.state(language).go_live_at
            label = _("scheduled for %(moment)s") % {"moment": moment(go_live_at)}
        else:
            label = str(Record(record).label)
        if language != self.obj.source_language:
            name = registry.get(language).name
            return _("%(language)s: %(action)s") % {"language": name, "action": label}
        return label[:1].upper() + label[1:]


class Publish(Action):
    """Publish the source language now, or at `at` (scheduled: the scheduled job makes it
    live then), with every approved translation; or approve a translation, live with its
    source (as soon as the source is)."""

    def __init__(self, obj, user=None, language=None, *, at=None, **options):
        super().__init__(obj, user, language, **options)
        self.at = at

    publisher_only = True

    def check_content(self):
        problems = self.obj.publishing_problems(self.language)
        if problems:
            raise ValidationError(problems)

    def execute(self):
        if not self.is_source:
            self.accept(self.language)
            if self.obj.is_live(self.obj.source_language):
                self.set_live(self.language)
            else:
                self.changed(self.language).status = Status.APPROVED
            return self.save((Record.APPROVE, self.language))
        if self.at is not None and self.at > timezone.now():
            self.take_down(Status.SCHEDULED)
            self.changed(self.language).go_live_at = self.at
            self.obj.goes_live(self.at)
            steps = self.save((Record.SCHEDULE, self.language))
            scheduled.wake_at_next()
            return steps
        self.go_live()
        return self.save((Record.PUBLISH, self.language))

    def go_live(self):
        """The source language live now (dated `at`, if given), with its changes, and
        each approved translation with it (as approved: their later changes wait)."""
        self.accept(self.language)
        self.set_live(self.language)
        self.obj.goes_live(self.at)
        for code in self.translations():  # a live one stays as it is, changes and all
            if self.state(code).status == Status.APPROVED:
                self.set_live(code)


class GoLive(Publish):
    """The scheduled job's: a scheduled source language goes live, dated as scheduled
    (its content was checked when it was scheduled)."""

    def check_content(self):
        pass

    def execute(self):
        self.at = None
        self.go_live()
        return self.save((Record.PUBLISH, self.language))


class Withdraw(Action):
    """Take the object down (its source language, and every language with it), or one
    translation; kept, with its addresses, for publishing again."""

    record = Record.WITHDRAW

    publisher_only = True

    def execute(self):
        self.take_down(Status.WITHDRAWN)
        return self.save((self.record, self.language))


class SetExpiry(Action):
    """Set when the object (its source language, and every language with it) is taken
    down by itself, `at` (None: never): an embargo's end, a time-limited page. The
    scheduled job carries it out (Expire)."""

    def __init__(self, obj, user=None, language=None, *, at=None, **options):
        super().__init__(obj, user, language, **options)
        self.at = at

    publisher_only = True

    def check_content(self):
        if self.at is not None and self.at <= timezone.now():
            raise ValidationError(_("A take-down time must be later than now."))

    def execute(self):
        self.changed(self.language).expire_at = self.at
        steps = self.save((Record.SET_EXPIRY, self.language))
        scheduled.wake_at_next()
        return steps

    def label(self, record, language):
        if self.at is None:
            return _("Take-down time removed")
        return _("To be taken down at %(moment)s") % {"moment": moment(self.at)}


class Expire(Withdraw):
    """The scheduled job's withdrawal, at the language version's expiry time."""

    record = Record.EXPIRE


class BackToDraft(Action):
    """The language version back to a draft (taken down, by an editor, if it was live)."""

    def check_permission(self):
        super().check_permission()
        self.check_editor()

    def execute(self):
        self.take_down(Status.DRAFT)
        return self.save((Record.SAVE_DRAFT, self.language))


class SendToReview(Action):
    """The language version ready for an editor. A live translation stays live: its
    unpublished changes are what is sent (a translator's new translation of a live brief);
    any other version is taken down to review (by an editor, where it was live)."""

    def check_permission(self):
        super().check_permission()
        if self.is_source:
            self.check_editor()
        elif self.user is not None and not policy.may_edit(self.user, self.obj, self.language):
            raise PermissionDenied(_("Not yours to change."))

    def execute(self):
        if self.obj.is_live(self.language) and not self.is_source:
            self.outcome.sent.add(self.language)
            self.changed(self.language).draft_in_review = True
        else:
            self.take_down(Status.REVIEW)
        return self.save((Record.SEND_TO_REVIEW, self.language))


class Save(Action):
    """Save an edit (the admin's form, a translator's file). An edit to a live version is
    kept apart from it, as its unpublished changes, until someone who may publish
    publishes it (publishing.drafts); an edit to an approved translation waiting for its
    source, by someone who may not approve it, takes it back to a draft. `edited`: the
    languages whose text the edit changed."""

    def __init__(self, obj, user=None, *, edited=(), **options):
        super().__init__(obj, user, **options)
        self.edited = [code for code in edited if code in LANGUAGE_CODES]

    def check_permission(self):
        super().check_permission()
        for code in self.edited or [None]:
            if self.user is not None and not policy.may_edit(self.user, self.obj, code):
                raise PermissionDenied(_("Not yours to change."))

    def execute(self):
        steps = []
        publisher = self.user is None or policy.may_publish(self.user, type(self.obj))
        for code in self.edited:
            state = self.changed(code)  # a version begun is a draft until a step moves it
            if not publisher and state.status == Status.APPROVED:
                self.language = code
                self.take_down(Status.DRAFT)
                steps.append((Record.SAVE_DRAFT, code))
        live_edited = [code for code in self.edited if self.obj.is_live(code)]
        if self.obj.pk and live_edited and not steps:
            steps.append((Record.EDIT, live_edited[0]))
        return self.save(*steps)


class Restore(Action):
    """Bring back an earlier `revision` of the object as unpublished changes: readers keep
    the live version until it is published (publishing.drafts). Someone who may change
    the object in its source language takes it (a translator restores no revision: it
    would write the source text)."""

    def __init__(self, obj, user=None, *, revision=None, **options):
        super().__init__(obj, user, **options)
        self.revision = revision

    def check_permission(self):
        super().check_permission()
        self.check_editor()

    def execute(self):
        self.before = drafts.Before(self.obj)
        self.revision.revert(delete=True)
        self.obj.refresh_from_db()
        return self.save((Record.RESTORE, self.language))


class Delete(Action):
    """Delete the object, its language versions and their states; its revisions stay, for
    recovering it (Recover), and so does the record of who deleted it."""

    def check_permission(self):
        super().check_permission()
        if self.user is not None and not policy.may_delete(self.user, self.obj):
            raise PermissionDenied(_("Not yours to delete."))

    def execute(self):
        self.steps = [(Record.DELETE, self.language)]
        with transaction.atomic():
            self.keep_records(*self.steps)
            self.obj.delete()
        return self.steps


class Recover(Action):
    """Bring a deleted object back from its last revision (`version`: reversion's Version of
    it), as a draft in every language: its states went with it. Someone who may add such
    objects takes it."""

    def __init__(self, obj, user=None, *, version=None, **options):
        super().__init__(obj, user, **options)
        self.version = version

    def check_permission(self):
        super().check_permission()
        if self.user is not None and not policy.may_add(self.user, type(self.obj)):
            raise PermissionDenied(_("Not yours to recover."))

    def execute(self):
        self.steps = [(Record.RECOVER, self.language)]
        with transaction.atomic():
            self.version.revision.revert(delete=True)
            self.obj.refresh_from_db()
            self.obj.save()  # its live flags follow its states: it has none, it is a draft
            self.keep_records(*self.steps)
        return self.steps


def bring_in(objects, user=None, *, actor, languages_for, save_related=None):
    """Bring in `objects` already published elsewhere (an archive import), in bulk: each
    live in the languages `languages_for(obj)` gives (its source language first), with a
    record of each; `save_related(created)` saves their rows in other tables in the same
    transaction. Refused whole if `user` may not publish them. No revision is kept: an
    object's history starts with its first edit."""
    objects = list(objects)
    if not objects:
        return []
    model = type(objects[0])
    if user is not None and not policy.may_publish(user, model):
        raise PermissionDenied(_("Only an editor may publish, schedule or withdraw."))
    user = user if user is not None and user.pk else None
    now = timezone.now()
    live = {id(obj): languages_for(obj) for obj in objects}
    for obj in objects:
        for code in live[id(obj)]:
            setattr(obj, live_field(code), True)
    with transaction.atomic():
        created = model._default_manager.bulk_create(objects)
        content_type = ContentType.objects.get_for_model(model)
        states, records = [], []
        for obj in created:
            for code in live[id(obj)]:
                states.append(
                    LanguageState(
                        content_type=content_type,
                        object_id=obj.pk,
                        language=code,
                        status=Status.LIVE,
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
                action = Record.PUBLISH if code == obj.source_language else Record.APPROVE
                records.append(
                    PublishingRecord(
                        content_type=content_type,
                        object_id=obj.pk,
                        action=action,
                        language=code,
                        user=user,
                        actor="" if user else actor,
                    )
                )
        LanguageState.objects.bulk_create(states, batch_size=1000)
        PublishingRecord.objects.bulk_create(records, batch_size=1000)
        if save_related:
            save_related(created)
        announce(created)  # bulk_create() skips save(), which would have announced them
    return created
