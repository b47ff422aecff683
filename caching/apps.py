from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    """The public page cache and the CDN purge, both following the publishing core's
    announcement that what readers see has changed."""

    name = "caching"
    verbose_name = _("Caching")

    def ready(self):
        # Connected at start-up, so that a command publishing elsewhere still clears it.
        from . import checks, page_cache  # noqa: F401
