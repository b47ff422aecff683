"""The one way a brief's state changes, in either language: save as draft, send to review,
publish (now, or scheduled for later), withdraw; for the Arabic version, send to review,
approve and withdraw. Each records who did it and when, and keeps a revision.

The admin's form and bulk actions, management commands and importers call these. What
the public then sees changes with the brief's save, which keeps the links' copies and the
Arabic flag in line and announces the change (publishing.PublicContentModel); `update()`
on briefs does the same. Whether a brief is public is answered by
`Brief.objects.published()` and `Brief.is_public` alone; whether its Arabic version is, by
`Brief.has_version_in("ar")` and `in_language("ar")`.
"""

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _

from editorial.dates import moment
from editorial.lists import clauses
from publishing.models import PublishingRecord
from publishing.signals import announce

from .models import Brief, BriefLink

Action = PublishingRecord.Action
Status = Brief.Status
ArabicStatus = Brief.ArabicStatus
ARABIC = "ar"


def next_scheduled_change():
    """When the public site next changes by itself: the minute the earliest scheduled brief
    goes public, or None."""
    return Brief.objects.scheduled().aggregate(next=Min("published_at"))["next"]


def may_publish(user):
    """Whether `user` may publish, schedule and withdraw briefs and approve Arabic ones."""
    return bool(user and user.has_perm("briefs.publish_brief"))


def save_draft(brief, user):
    return _change(brief, user, Status.DRAFT, Action.SAVE_DRAFT)


def send_to_review(brief, user):
    return _change(brief, user, Status.IN_REVIEW, Action.SEND_TO_REVIEW)


def publish(brief, user, at=None):
    """Publish `brief` now, or at `at`; a later time schedules it, and it goes public at
    that minute by itself. A brief dated in the past keeps its date."""
    now = timezone.now()
    if at is not None:
        brief.published_at = at
    elif brief.published_at is None or brief.published_at > now:
        brief.published_at = now
    problems = publishing_problems(brief)
    if problems:
        raise ValidationError(problems)
    brief.status = Status.PUBLISHED
    return _change(brief, user, Status.PUBLISHED, _action_for(brief))


def withdraw(brief, user, reason=""):
    """Take `brief` down, saying why; it is kept, with its address, for publishing again."""
    brief.status = Status.WITHDRAWN
    return _save(brief, user, [(Action.WITHDRAW, "")], note=reason)


def send_arabic_to_review(brief, user):
    """Mark the Arabic version ready: someone who may publish approves it."""
    return _change_arabic(brief, user, ArabicStatus.IN_REVIEW, Action.SEND_TO_REVIEW)


def approve_arabic(brief, user):
    """Let readers see the Arabic version, with the brief (now, if the brief is public)."""
    problems = arabic_problems(brief)
    if problems:
        raise ValidationError(problems)
    return _change_arabic(brief, user, ArabicStatus.APPROVED, Action.APPROVE)


def withdraw_arabic(brief, user, reason=""):
    """Take the Arabic version down, back to an Arabic draft, saying why; the English stays."""
    brief.arabic_status = ArabicStatus.DRAFT
    return _save(brief, user, [(Action.WITHDRAW, ARABIC)], note=reason)


def receive_translation(brief, user, language):
    """Save Arabic text brought from outside the admin (a translator's XLIFF file) and
    send it to review: it is finished work, and goes public once approved."""
    if language != ARABIC:
        raise ValueError(f"Briefs are translated into {ARABIC!r} only, not {language!r}")
    return _change_arabic(brief, user, ArabicStatus.IN_REVIEW, Action.SEND_TO_REVIEW)


def import_published(briefs, links_for, user=None):
    """Bring in new `briefs` already published elsewhere (an archive import), in bulk: each
    as `publish` would leave it, its Arabic version approved where it has one, with the
    link rows `links_for(brief)` gives (authors, topics, regions) and a record of each.

    For large imports: slugs must be set and free, and no revision is kept (a brief's
    history starts with its first edit).
    """
    for brief in briefs:
        brief.status = Status.PUBLISHED
        written = brief.is_written_in(ARABIC)
        brief.arabic_status = ArabicStatus.APPROVED if written else ArabicStatus.DRAFT
        brief.set_in_arabic()
    user = user if user and user.pk else None
    with transaction.atomic():
        created = Brief.objects.bulk_create(briefs)
        links, records = {}, []
        for brief in created:
            copied = BriefLink.copied_from(brief)
            for link in links_for(brief):
                for field, value in copied.items():
                    setattr(link, field, value)
                links.setdefault(type(link), []).append(link)
            records.append(PublishingRecord(content_object=brief, action=_action_for(brief)))
            if brief.in_arabic:
                records.append(
                    PublishingRecord(content_object=brief, action=Action.APPROVE, language=ARABIC)
                )
        for link_model, rows in links.items():
            link_model.objects.bulk_create(rows)
        for record in records:
            record.user = user
        PublishingRecord.objects.bulk_create(records)
        announce(created)  # bulk_create() skips save(), which would have announced them
    return created


def save(brief, user, previous_status=None, arabic_edited=False, note="", edited=True):
    """Save an edit from a validated form (the admin's), recording the changes of state it
    made, if any (with `note`, why: a withdrawal's reason); an edit to a published brief
    (`edited`: the form changed something) is recorded too. Returns the steps taken, as
    (action, language) pairs, for describe().

    An edit to the Arabic text by someone who may not publish (a translator) is an Arabic
    draft, unless the same step sent it to review: nothing unapproved reaches readers.
    """
    arabic_step_taken = brief.arabic_status != (brief.stored_arabic_status or ArabicStatus.DRAFT)
    if arabic_edited and not may_publish(user) and not arabic_step_taken:
        brief.arabic_status = ArabicStatus.DRAFT
    if brief.status != previous_status:
        actions = [(_action_for(brief), "")]
    else:
        published = brief.status == Status.PUBLISHED
        actions = [(Action.EDIT, "")] if published and edited else []
    arabic_action = _arabic_action(brief.stored_arabic_status, brief.arabic_status)
    if arabic_action:
        actions.append((arabic_action, ARABIC))
    _save(brief, user, actions, note=note)
    return actions


def publishing_problems(brief):
    """What keeps `brief` from being published, as messages for the editor."""
    problems = []
    if not brief.body_en:
        problems.append(_("A published brief needs an English body."))
    if brief.pk and not brief.authorships.exists():
        problems.append(_("A published brief needs at least one author."))
    return problems


def arabic_problems(brief):
    """What keeps `brief`'s Arabic version from being approved, as messages."""
    if brief.is_written_in(ARABIC):
        return []
    return [_("An Arabic version needs an Arabic title and an Arabic body to be approved.")]


def _action_for(brief):
    if brief.status == Status.PUBLISHED:
        return Action.SCHEDULE if brief.is_scheduled else Action.PUBLISH
    return {
        Status.DRAFT: Action.SAVE_DRAFT,
        Status.IN_REVIEW: Action.SEND_TO_REVIEW,
        Status.WITHDRAWN: Action.WITHDRAW,
    }[brief.status]


def _arabic_action(before, after):
    """The action that took the Arabic version from state `before` to `after`, if any."""
    before = before or ArabicStatus.DRAFT
    if before == after:
        return None
    if before == ArabicStatus.APPROVED:
        return Action.WITHDRAW  # taken down, whoever did it
    return {
        ArabicStatus.DRAFT: Action.SAVE_DRAFT,
        ArabicStatus.IN_REVIEW: Action.SEND_TO_REVIEW,
        ArabicStatus.APPROVED: Action.APPROVE,
    }[after]


def _change(brief, user, status, action):
    brief.status = status
    return _save(brief, user, [(action, "")])


def _change_arabic(brief, user, arabic_status, action):
    brief.arabic_status = arabic_status
    return _save(brief, user, [(action, ARABIC)])


def _save(brief, user, actions, note=""):
    """Save `brief`, keeping a revision and a record of each (action, language)."""
    user = user if user and user.pk else None
    with transaction.atomic(), reversion.create_revision():
        brief.save()
        reversion.set_user(user)
        if actions:
            reversion.set_comment(describe(actions, brief, note))
        for action, language in actions:
            PublishingRecord.objects.create(
                content_object=brief, action=action, language=language, user=user, note=note
            )
    return brief


def describe(actions, brief, note=""):
    """The steps `actions` took `brief` through, as the history says them: "Sent to
    review", "Scheduled for 7 December 2026, 14:30 (UTC)", "Withdrawn: <why>"."""
    said = clauses(_label(action, language, brief) for action, language in actions)
    return _("%(steps)s: %(note)s") % {"steps": said, "note": note} if note and said else said


def _label(action, language, brief):
    if action == Action.SCHEDULE:
        label = _("scheduled for %(moment)s") % {"moment": moment(brief.published_at)}
    else:
        label = Action(action).label
    if language == ARABIC:
        return _("Arabic: %(action)s") % {"action": label}
    return label[:1].upper() + label[1:]
