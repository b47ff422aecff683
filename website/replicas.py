"""Read replicas (DATABASE_REPLICA_URLS): what anonymous readers ask is read from a replica;
everything else from the primary: the admin and everything staff do (they have a session),
every write and whatever a writing request reads, management commands, and every read
for a few seconds after public content changes, while the replicas catch up (otherwise a
page rendered from a lagging replica would be kept by the page cache as the new one).
"""

import contextvars
import random
import time

from django.conf import settings
from django.core.cache import cache
from django.dispatch import receiver

from publishing.signals import public_content_changed

CHANGED_AT = "replicas:public-change-at"
_read_from_replica = contextvars.ContextVar("read_from_replica", default=False)


@receiver(public_content_changed, dispatch_uid="website:replicas")
def note_the_change(change, **kwargs):
    if settings.DATABASE_REPLICAS:
        cache.set(CHANGED_AT, time.time(), timeout=settings.DATABASE_REPLICA_LAG_SECONDS)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _read_from_replica.get():
            return random.choice(settings.DATABASE_REPLICAS)
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replicas hold the primary's rows


class ReplicaReadsMiddleware:
    """Lets an anonymous reader's GET read from a replica; placed first, so that whatever
    the request does, the page cache included, reads where it should."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _read_from_replica.set(_may_read_a_replica(request))
        try:
            return self.get_response(request)
        finally:
            _read_from_replica.reset(token)


def _may_read_a_replica(request):
    return bool(
        settings.DATABASE_REPLICAS
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and cache.get(CHANGED_AT) is None  # no public change in the last few seconds
    )
