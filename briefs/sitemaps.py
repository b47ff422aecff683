from editorial.sitemaps import LanguageVersionsSitemap

from .models import Brief


class BriefSitemap(LanguageVersionsSitemap):
    def items(self):
        return Brief.objects.published().order_by("-published_at", "-pk")

    def lastmod(self, brief):
        return brief.updated_at
