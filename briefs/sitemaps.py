from editorial.sitemaps import LanguageVersionsSitemap

from .models import Brief


class BriefSitemap(LanguageVersionsSitemap):
    def items(self):
        fields = ["slug_en", "slug_ar", "in_arabic", "updated_at"]
        return Brief.objects.published().order_by("-published_at", "-pk").only(*fields)

    def lastmod(self, brief):
        return brief.updated_at
