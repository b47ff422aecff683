from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    """The public site's frame: home page, sitemaps, robots.txt."""

    name = "website"
    verbose_name = _("Website")
