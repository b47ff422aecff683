from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from briefs import views as briefs_views
from editorial import views as editorial_views
from translations import views as translations_views

admin.site.site_header = admin.site.site_title = _("Briefing Room")
# The changelists need the width: the home page and the breadcrumbs lead everywhere.
admin.site.enable_nav_sidebar = False

urlpatterns = [
    path("", include("website.seo_urls")),
]

# English pages are unprefixed; Arabic pages live under /ar/, the admin too (/ar/admin/),
# so that translators may work in an Arabic, right-to-left admin.
urlpatterns += i18n_patterns(
    path(
        "admin/translations/import/",
        admin.site.admin_view(translations_views.import_xliff),
        name="translations_import",
    ),
    path(
        "admin/link-chooser/",
        admin.site.admin_view(editorial_views.link_chooser),
        name="link_chooser",
    ),
    path("admin/", admin.site.urls),
    path("", include("website.urls")),
    path("", include("briefs.feed_urls")),
    path("policy-analysis/", include("briefs.urls")),
    path("search/", briefs_views.SearchView.as_view(), name="search"),
    path("preview/<str:token>", briefs_views.shared_preview, name="shared_preview"),
    path("experts/", include("experts.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
