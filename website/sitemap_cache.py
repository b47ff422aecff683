"""The sitemaps' cache: kept until public content changes or a scheduled brief is due.

Building a sitemap reads every public brief, so the answer is cached; it subscribes to
the publishing path's announcement, and holds no longer than the next scheduled brief's
minute, so it never lists what is no longer public nor misses what has just become so.
"""

from functools import wraps

from django.core.cache import cache
from django.db.models import Min
from django.dispatch import receiver
from django.utils import timezone

from briefs.models import Brief
from publishing.signals import public_content_changed

MAX_SECONDS = 60 * 60
GENERATION_KEY = "sitemaps:generation"


@receiver(public_content_changed, dispatch_uid="website:sitemaps")
def forget_sitemaps(change, **kwargs):
    cache.set(GENERATION_KEY, cache.get(GENERATION_KEY, 0) + 1, None)


def _seconds_to_keep():
    now = timezone.now()
    due = Brief.objects.scheduled().aggregate(next=Min("published_at"))["next"]
    if due is None:
        return MAX_SECONDS
    return max(1, min(MAX_SECONDS, int((due - now).total_seconds())))


def cached_sitemap(view):
    """Cache `view`'s rendered answer per address, until the content changes."""

    @wraps(view)
    def cached(request, *args, **kwargs):
        key = f"sitemaps:{cache.get(GENERATION_KEY, 0)}:{request.get_full_path()}"
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200:
                response.render()
                cache.set(key, response, _seconds_to_keep())
        return response

    return cached
