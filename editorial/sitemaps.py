from django.conf import settings
from django.contrib.sitemaps import Sitemap


class LanguageVersionsSitemap(Sitemap):
    """Lists each object once per language version, with the others as hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True

    def get_languages_for_item(self, item):
        return [code for code, _name in settings.LANGUAGES if item.has_version_in(code)]
