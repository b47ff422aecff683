"""What a load balancer asks before sending readers here: can this app server reach its
database (and replicas), its cache and its file storage?"""

import logging
import time
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

log = logging.getLogger("website.health")


def _database():
    for alias in connections:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")


def _cache():
    key, value = f"healthz:{uuid.uuid4().hex}", str(time.time())
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise RuntimeError("what was written could not be read back")
    cache.delete(key)


def _storage():
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as stored:
            if stored.read() != b"ok":
                raise RuntimeError("what was written could not be read back")
    finally:
        default_storage.delete(name)


CHECKS = {"database": _database, "cache": _cache, "storage": _storage}


@never_cache
@require_GET
def healthz(request):
    """200 with {"database": "ok", …} when every service answers; 503 naming the one that
    does not (the reason goes to the log, not to whoever asked)."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:  # any failure of the service is the answer, never a 500
            log.exception("Health check failed: %s", name)
            results[name] = "failing"
        else:
            results[name] = "ok"
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse(results, status=200 if healthy else 503)
