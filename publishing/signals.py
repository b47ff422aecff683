"""The one announcement that what the public sees has changed.

Sent after the change is committed, with `change`, a PublicChange. The page cache, a CDN
purge and the search index listen to it; none of them works out visibility itself.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal

public_content_changed = Signal()


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
    transaction.on_commit(
        lambda: public_content_changed.send(sender=PublicChange, change=change), robust=False
    )
