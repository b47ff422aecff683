from editorial.sitemaps import LanguageVersionsSitemap

from .models import Expert


class ExpertSitemap(LanguageVersionsSitemap):
    def items(self):
        return Expert.objects.order_by("pk")
