from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from briefs.sitemaps import BriefSitemap
from experts.sitemaps import ExpertSitemap
from taxonomy.sitemaps import RegionSitemap, TopicSitemap


class SectionSitemap(Sitemap):
    """The pages that list briefs and experts, in every language."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["website:home", "briefs:list", "experts:list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "sections": SectionSitemap,
    "briefs": BriefSitemap,
    "experts": ExpertSitemap,
    "topics": TopicSitemap,
    "regions": RegionSitemap,
}


def sitemaps_with_pages():
    """The sections that have pages: an empty <urlset> is not a valid sitemap."""
    with_pages = {}
    for name, sitemap_class in SITEMAPS.items():
        items = sitemap_class().items()
        if items.exists() if hasattr(items, "exists") else items:
            with_pages[name] = sitemap_class
    return with_pages
