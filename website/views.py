from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from briefs.models import Brief, PublicationType
from editorial.languages import LanguageVersionsMixin

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
    sitemap = request.build_absolute_uri(reverse("django.contrib.sitemaps.views.index"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
