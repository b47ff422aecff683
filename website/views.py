import json
import logging
import time

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView

from briefs.models import Brief, PublicationType
from editorial.languages import LanguageVersionsMixin

from .proxies import client_address
from .sitemaps import sitemaps_with_pages

LATEST_ON_HOME = 10


class HomeView(LanguageVersionsMixin, TemplateView):
    """/: the latest analysis and the kinds of publication."""

    template_name = "website/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            briefs=Brief.objects.live().for_listing()[:LATEST_ON_HOME],
            publication_types=PublicationType.objects.in_language(),
            **kwargs,
        )


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("seo:sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def sitemap_index(request):
    return sitemap_views.index(
        request, sitemaps_with_pages(), sitemap_url_name="seo:sitemap_section"
    )


def sitemap_section(request, section):
    return sitemap_views.sitemap(request, sitemaps_with_pages(), section=section)


def locked_out(request, original_response=None, credentials=None):
    """What django-axes answers once a user name has failed too often from one address."""
    context = {
        **admin.site.each_context(request),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    # Rendered now: axes answers from its middleware, after any view's response is done.
    return render(request, "registration/locked_out.html", context, status=429)


CSP_REPORT_MAX_BYTES = 16 * 1024
# Reports logged a minute from one address at most: a page the policy breaks sends a few;
# more would only fill the log.
CSP_REPORTS_PER_MINUTE = 30
csp_log = logging.getLogger("website.csp")


@csrf_exempt
@require_POST
def csp_report(request):
    """Browsers report here what the Content-Security-Policy blocked: logged, one line each,
    so that a page the policy breaks is known."""
    if int(request.META.get("CONTENT_LENGTH") or 0) > CSP_REPORT_MAX_BYTES:
        return HttpResponse(status=413)
    if _too_many_reports(client_address(request)):
        return HttpResponse(status=429)
    try:
        report = json.loads(request.body).get("csp-report", {})
    except (ValueError, AttributeError):
        return HttpResponse(status=400)
    if not isinstance(report, dict):
        return HttpResponse(status=400)
    csp_log.warning(
        "Content-Security-Policy blocked %s on %s (%s)",
        str(report.get("blocked-uri", ""))[:200],
        str(report.get("document-uri", ""))[:200],
        str(report.get("violated-directive", ""))[:100],
    )
    return HttpResponse(status=204)


def _too_many_reports(address):
    """Whether `address` has sent more than CSP_REPORTS_PER_MINUTE reports this minute."""
    key = f"csp-reports:{address}:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=120)
    try:
        return cache.incr(key) > CSP_REPORTS_PER_MINUTE
    except ValueError:  # gone between add() and incr(): count this one alone
        return False
