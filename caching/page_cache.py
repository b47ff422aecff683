"""The public page cache: what anonymous readers are sent is kept in the shared cache
(Redis when REDIS_URL is set) until public content next changes.

It works out nothing about visibility. The publishing path announces every change
(`publishing.signals.public_content_changed`) and the page cache forgets every page at
once, by moving on to a new generation: a newly published brief can appear on any list,
in any other article's rail, on its authors', topics' and regions' pages, so nothing
narrower is safe, and editors change far less often than readers read. A scheduled
brief goes live by the scheduled job, which announces it like any other change: the
cache never asks the time of anything.

Readers with a session (staff) always get a fresh page, marked private. What anonymous
readers get sets no cookie, varies by nothing but its address (each language has its
own), and carries an ETag, a Last-Modified and a Cache-Control for a CDN.
"""

import hashlib
import time
import uuid
from functools import lru_cache
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.dispatch import receiver
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

from publishing.signals import public_content_changed

from .cdn import purge_soon

GENERATION = "pages:generation"
PRIVATE = ("private", "no-cache", "no-store")


@receiver(public_content_changed, dispatch_uid="website:page-cache")
def forget_pages(change, **kwargs):
    """Every cached page is out of date: the next request for each renders it again; then
    a CDN's copies are purged."""
    # A value never used before, set in one step: add() then incr() raised when the key
    # went in between (another process clearing the cache, a Redis restart).
    cache.set(GENERATION, uuid.uuid4().hex, timeout=None)
    purge_soon()


class PublicPageCacheMiddleware:
    """Serve and keep anonymous readers' pages (settings.PAGE_CACHE_SECONDS at most)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if not _is_anonymous(request):
            response = self.get_response(request)
            patch_cache_control(response, private=True)
            return response
        try:
            key = _page_key(request)
        except DisallowedHost:  # refused by the views' stack (400), never from the cache
            return self.get_response(request)
        if key is None:  # a query its view does not say it reads: never kept nor served
            return self.get_response(request)
        found = cache.get_many([GENERATION, key]) if settings.PAGE_CACHE else {}
        generation, entry = found.get(GENERATION, 0), found.get(key)
        now = time.time()
        if entry and entry["generation"] == generation and entry["until"] > now:
            response = HttpResponse(entry["content"], status=entry["status"])
            for header, value in entry["headers"]:
                response[header] = value
            response["X-Page-Cache"] = "hit"
        else:
            response = self.get_response(request)
            if not _keepable(response):
                return response
            entry = _entry(response, generation, now)
            _for_everyone(response, entry)
            response["X-Page-Cache"] = "miss" if settings.PAGE_CACHE else "off"
            # Kept only as its own address renders it: parameters the page does not read
            # (a newsletter's tracking tags) may still show in its links.
            read = getattr(response, "content_parameters", ())
            kept = set(request.GET) <= set(read) and getattr(response, "cacheable", True)
            if settings.PAGE_CACHE and kept:
                cache.set(key, entry, timeout=max(1, int(entry["until"] - now)))
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=max(0, min(settings.PAGE_CACHE_CDN_SECONDS, int(entry["until"] - now))),
            stale_while_revalidate=settings.PAGE_CACHE_STALE_SECONDS,
        )
        return response


def _page_key(request):
    """The page's key: its validated host, its path and the query parameters its view may
    read (`content_parameters`), hashed as Django's own cache middleware does, so that a
    query string of any length makes a key of one length, and parameters no page reads
    make no new one. None for a query to a view that names no parameters (a sitemap's
    pages): it is never kept. A page is kept only when it reads all of its query (the
    response's `content_parameters`, set by editorial.languages.LanguageVersionsMixin).

    Raises DisallowedHost for a host the site does not serve."""
    read = _parameters_read(request.path_info)
    if (read is None and request.GET) or not _host_as_served(request):
        return None
    kept = sorted((name, values) for name, values in request.GET.lists() if name in (read or ()))
    address = f"{request.get_host()}{request.path}?{urlencode(kept, doseq=True)}"
    hashed = hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()
    return f"pages:{request.method}:{hashed}"


def _host_as_served(request):
    """Whether the request names the host as the site serves it: in lower case, with no
    trailing dot and no port but the server's own. Pages build absolute addresses from
    the host, so "LOCALHOST" or "localhost:12345" (which ALLOWED_HOSTS lets through) are
    answered afresh, never kept: they would be a copy per spelling."""
    host = request.get_host()  # validated: DisallowedHost otherwise
    name, _colon, port = host.rpartition(":") if not host.endswith("]") else (host, "", "")
    if not name:
        name, port = host, ""
    return name == name.lower().rstrip(".") and port in ("", request.META.get("SERVER_PORT"))


@lru_cache(maxsize=4096)
def _parameters_read(path):
    """The query parameters the view at `path` reads, or None when it names none."""
    with translation.override(translation.get_language_from_path(path)):
        try:
            match = resolve(path)
        except Resolver404:
            return None
    view = getattr(match.func, "view_class", match.func)
    return getattr(view, "content_parameters", None)


def _is_anonymous(request):
    """No session (staff have one; readers never get one) and no credentials."""
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _keepable(response):
    """A whole 200 page that sets no cookie and that its view did not mark private."""
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in PRIVATE)
    )


def _for_everyone(response, entry):
    """The same page for every anonymous reader: it varies by nothing but its address."""
    if response.has_header("Vary"):
        del response["Vary"]
    set_response_etag(response)
    response["Last-Modified"] = http_date(entry["made"])
    entry["headers"] = list(response.items())


def _entry(response, generation, now):
    return {
        "generation": generation,
        "until": now + settings.PAGE_CACHE_SECONDS,
        "made": now,
        "status": response.status_code,
        "content": response.content,
        "headers": [],
    }
