from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from briefs.models import Brief, PublicationType
from editorial.languages import LanguageVersionsMixin

from .sitemap_cache import cached_sitemap
from .sitemaps import sitemaps_with_pages

LATEST_ON_HOME = 10


class HomeView(LanguageVersionsMixin, TemplateView):
    """/: the latest analysis and the kinds of publication."""

    template_name = "website/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            briefs=Brief.objects.published().in_language().for_listing()[:LATEST_ON_HOME],
            publication_types=PublicationType.objects.in_language(),
            **kwargs,
        )


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("seo:sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@cached_sitemap
def sitemap_index(request):
    return sitemap_views.index(
        request, sitemaps_with_pages(), sitemap_url_name="seo:sitemap_section"
    )


@cached_sitemap
def sitemap_section(request, section):
    return sitemap_views.sitemap(request, sitemaps_with_pages(), section=section)
