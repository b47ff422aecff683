from editorial.sitemaps import LanguageVersionsSitemap
from publishing.models import LANGUAGE_CODES, live_field

from .models import SLUG_FIELDS, Brief


class BriefSitemap(LanguageVersionsSitemap):
    def items(self):
        fields = [*SLUG_FIELDS, *(live_field(code) for code in LANGUAGE_CODES), "updated_at"]
        return Brief.objects.live_anywhere().order_by("-published_at", "-pk").only(*fields)

    def lastmod(self, brief):
        return brief.updated_at
