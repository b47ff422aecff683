"""Scheduled go-live and expiry: carried out by the `publish_due` task (django-tasks; a
database backend's `db_worker` runs it at each scheduled minute) and by the
`publish_scheduled` command (for cron). Either flips the stored state through the
actions, which announce the change; the public site never compares anything with the
time. A run that comes late still publishes what was due, dated as scheduled."""

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from django_tasks import default_task_backend, task

from . import actions
from .models import LanguageState, Status

logger = logging.getLogger(__name__)
SYSTEM = "the scheduled job"  # who took a step no user took, in the records


def publish_due(now=None, user=None, actor=SYSTEM):
    """Make live each version scheduled for `now` or earlier and take down each whose
    expiry has come, as `user` (None: the system, named `actor`); returns the actions
    taken. Each object's step is its own transaction: one that fails is logged and left
    for the next run, the others go ahead."""
    now = now or timezone.now()
    taken = []
    for state, action_class in [
        *((state, actions.GoLive) for state in LanguageState.objects.due_to_go_live(now)),
        *((state, actions.Expire) for state in LanguageState.objects.due_to_expire(now)),
    ]:
        obj = state.content_object
        if obj is None:  # the object is gone
            state.delete()
            continue
        action = action_class(obj, user, state.language, actor=actor)
        try:
            with transaction.atomic():
                action.run()
        except PermissionDenied:
            raise  # a user without the permission: nothing is theirs to take
        except Exception:
            logger.exception("Could not take %s on %s", action_class.__name__, state)
            continue
        taken.append(action)
    return taken


def next_due():
    """The next time a scheduled go-live or expiry is due, or None."""
    states = LanguageState.objects
    return min(
        filter(
            None,
            [
                states.filter(status=Status.SCHEDULED).aggregate(at=Min("go_live_at"))["at"],
                states.filter(status=Status.LIVE).aggregate(at=Min("expire_at"))["at"],
            ],
        ),
        default=None,
    )


@task()
def run_due():
    """The task: publish what is due, then wait for the next scheduled time."""
    publish_due()
    wake_at_next()


def wake_at_next():
    """Have the task run at the next scheduled time, where the task backend can defer
    (the database backend, with `db_worker`); otherwise cron's `publish_scheduled` does."""
    due = next_due()
    if due is not None and default_task_backend.supports_defer:
        transaction.on_commit(lambda: run_due.using(run_after=due).enqueue())
