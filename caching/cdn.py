"""Purging a CDN when public content changes (CDN_PURGE; off by default).

The page cache calls it once it has forgotten its pages (so that the CDN cannot fetch an
old page again), and, like it, it forgets every page of the site's hosts at once (see
caching.page_cache for why nothing narrower is safe).
Changes close together make one purge: the first of a batch enqueues a task
CDN_PURGE_BATCH_SECONDS later (django-tasks; with its database backend and
`manage.py db_worker` in the background, retried with growing delays when the CDN does
not answer).

Adapters: "ban", an HTTP BAN for Varnish-style proxies; "cloudflare" and "cloudfront",
their APIs.
"""

import json
import logging
import urllib.error
import urllib.request
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django_tasks import task

log = logging.getLogger("caching.cdn")
PENDING = "cdn:purge-pending"


class PurgeFailed(Exception):
    pass


def _send(request):
    try:
        with urllib.request.urlopen(request, timeout=settings.CDN_PURGE_TIMEOUT) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        raise PurgeFailed(f"{request.full_url} answered {error.code}") from error
    except OSError as error:
        raise PurgeFailed(f"{request.full_url} did not answer: {error}") from error


def ban_everything():
    """Varnish-style: BAN each host's pages; the proxy bans on X-Ban-Url (docs/deploy.md
    has the VCL)."""
    for host in settings.CDN_PURGE_HOSTS:
        _send(
            urllib.request.Request(
                settings.CDN_PURGE_URL,
                method="BAN",
                headers={"Host": host, "X-Ban-Host": host, "X-Ban-Url": "^/"},
            )
        )


def cloudflare_purge_everything():
    request = urllib.request.Request(
        f"{settings.CLOUDFLARE_API_URL}/zones/{settings.CLOUDFLARE_ZONE_ID}/purge_cache",
        method="POST",
        data=json.dumps({"purge_everything": True}).encode(),
        headers={
            "Authorization": f"Bearer {settings.CLOUDFLARE_API_TOKEN}",
            "Content-Type": "application/json",
        },
    )
    _status, body = _send(request)
    if not json.loads(body or b"{}").get("success"):
        raise PurgeFailed(f"Cloudflare refused the purge: {body[:200]!r}")


def cloudfront_invalidate_everything():
    import boto3
    from botocore.exceptions import BotoCoreError, ClientError

    client = boto3.client("cloudfront", endpoint_url=settings.CLOUDFRONT_ENDPOINT_URL or None)
    try:
        client.create_invalidation(
            DistributionId=settings.CLOUDFRONT_DISTRIBUTION_ID,
            InvalidationBatch={
                "Paths": {"Quantity": 1, "Items": ["/*"]},
                "CallerReference": uuid.uuid4().hex,
            },
        )
    except (BotoCoreError, ClientError) as error:
        raise PurgeFailed(f"CloudFront refused the invalidation: {error}") from error


ADAPTERS = {
    "ban": ban_everything,
    "cloudflare": cloudflare_purge_everything,
    "cloudfront": cloudfront_invalidate_everything,
}


def purge_soon():
    """The first change of a batch enqueues the purge; the others ride along with it."""
    if not settings.CDN_PURGE:
        return
    if cache.add(PENDING, True, timeout=settings.CDN_PURGE_BATCH_SECONDS + 300):
        _enqueue(attempt=1, delay=settings.CDN_PURGE_BATCH_SECONDS)


def _enqueue(attempt, delay):
    deferred = purge_cdn.get_backend().supports_defer
    when = timezone.now() + timedelta(seconds=delay)
    (purge_cdn.using(run_after=when) if deferred else purge_cdn).enqueue(attempt=attempt)


@task()
def purge_cdn(attempt=1):
    cache.delete(PENDING)  # a change from now on starts a new batch
    try:
        ADAPTERS[settings.CDN_PURGE]()
    except PurgeFailed as error:
        # Without a worker (the immediate backend) a retry would hold up the editor's save.
        deferred = purge_cdn.get_backend().supports_defer
        if attempt >= settings.CDN_PURGE_ATTEMPTS or not deferred:
            log.error("CDN purge failed, attempt %s, giving up: %s", attempt, error)
            raise
        delay = settings.CDN_PURGE_BATCH_SECONDS * 2**attempt
        log.warning("CDN purge failed, attempt %s, again in %ss: %s", attempt, delay, error)
        _enqueue(attempt=attempt + 1, delay=delay)
    else:
        log.info("CDN purged (%s), attempt %s", settings.CDN_PURGE, attempt)
