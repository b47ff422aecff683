"""The one announcement that what the public sees has changed.

Sent after the change is committed, with `change`, a PublicChange. The page cache, a CDN
purge and the search index listen to it; none of them works out visibility itself.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal

public_content_changed = Signal()

# Announcements kept back while a save is settled (publishing.drafts): an edit kept as
# unpublished changes changes nothing readers see, and forgets no cached page.
_held = ContextVar("publishing_held_announcements", default=None)


@dataclass(frozen=True)
class PublicChange:
    """What changed: objects as (model label, primary key) pairs, in which languages."""

    objects: frozenset
    languages: frozenset


def announce(objects, languages=None):
    """Announce, once the current transaction commits, that `objects` changed publicly in
    `languages` (default: every language)."""
    announce_keys({(obj._meta.label_lower, obj.pk) for obj in objects}, languages)


def announce_keys(keys, languages=None):
    """announce() for rows known by (model label, primary key) pairs."""
    objects = frozenset(keys)
    if not objects:
        return
    languages = frozenset(languages or [code for code, _name in settings.LANGUAGES])
    change = PublicChange(objects, languages)
    held = _held.get()
    if held is not None:
        held.append(change)
        return
    _send_on_commit(change)


@contextmanager
def holding():
    """Within this block, announcements are kept in the list it gives, not sent; send()
    them if what readers see changed after all."""
    held = []
    token = _held.set(held)
    try:
        yield held
    finally:
        _held.reset(token)


def send(held):
    for change in held:
        _send_on_commit(change)


def _send_on_commit(change):
    transaction.on_commit(
        lambda: public_content_changed.send(sender=PublicChange, change=change), robust=False
    )
