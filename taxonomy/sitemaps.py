from editorial.sitemaps import LanguageVersionsSitemap

from .models import Region, Topic


class TopicSitemap(LanguageVersionsSitemap):
    def items(self):
        return Topic.objects.order_by("pk")


class RegionSitemap(LanguageVersionsSitemap):
    def items(self):
        return Region.objects.order_by("pk")
