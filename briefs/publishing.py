"""The one way a brief's state changes: save as draft, send to review, publish (now, or
scheduled for later), withdraw. Each records who did it and when.

The admin's form and bulk actions, management commands and importers call these. What
the public then sees changes with the brief's save, which keeps the links' copies in
line and announces the change (publishing.PublicContentModel); `update()` on briefs does
the same. Whether a brief is public is answered by `Brief.objects.published()` and
`Brief.is_public` alone.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from publishing.models import PublishingRecord

from .models import Brief

Action = PublishingRecord.Action
Status = Brief.Status


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


def withdraw(brief, user):
    """Take `brief` down; it is kept, with its address, for publishing again."""
    return _change(brief, user, Status.WITHDRAWN, Action.WITHDRAW)


def save(brief, user, previous_status=None):
    """Save an edit from a validated form (the admin's), recording the change of state it
    made, if any; an edit to a published brief is recorded too."""
    if brief.status != previous_status:
        action = _action_for(brief)
    else:
        action = Action.EDIT if brief.status == Status.PUBLISHED else None
    with transaction.atomic():
        brief.save()
        if action:
            _record(brief, user, action)
    return brief


def publishing_problems(brief):
    """What keeps `brief` from being published, as messages for the editor."""
    problems = []
    if not brief.body_en:
        problems.append(_("A published brief needs an English body."))
    if brief.pk and not brief.authorships.exists():
        problems.append(_("A published brief needs at least one author."))
    return problems


def _action_for(brief):
    if brief.status == Status.PUBLISHED:
        return Action.SCHEDULE if brief.is_scheduled else Action.PUBLISH
    return {
        Status.DRAFT: Action.SAVE_DRAFT,
        Status.IN_REVIEW: Action.SEND_TO_REVIEW,
        Status.WITHDRAWN: Action.WITHDRAW,
    }[brief.status]


def _change(brief, user, status, action):
    brief.status = status
    with transaction.atomic():
        brief.save()
        _record(brief, user, action)
    return brief


def _record(brief, user, action):
    PublishingRecord.objects.create(
        content_object=brief, action=action, user=user if user and user.pk else None
    )
