from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    """The public site's frame: home page, sitemaps, robots.txt, health, request logs."""

    name = "website"
    verbose_name = _("Website")

    def ready(self):
        # Connected at start-up, so that a command publishing elsewhere still clears it.
        from . import replicas  # noqa: F401
