from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_page

from website.sitemaps import SITEMAPS
from website.views import robots_txt

admin.site.site_header = admin.site.site_title = _("Briefing Room")

SITEMAP_CACHE_SECONDS = 60 * 60

urlpatterns = [
    path("admin/", admin.site.urls),
    path("robots.txt", robots_txt),
    path(
        "sitemap.xml",
        cache_page(SITEMAP_CACHE_SECONDS)(sitemap_views.index),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.index",
    ),
    path(
        "sitemap-<section>.xml",
        cache_page(SITEMAP_CACHE_SECONDS)(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]

# English pages are unprefixed; Arabic pages live under /ar/.
urlpatterns += i18n_patterns(
    path("", include("website.urls")),
    path("", include("briefs.feed_urls")),
    path("policy-analysis/", include("briefs.urls")),
    path("experts/", include("experts.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
