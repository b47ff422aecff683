from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BriefsConfig(AppConfig):
    """Policy analysis: briefs, their publication types, authors and recommendations."""

    name = "briefs"
    verbose_name = _("Policy analysis")

    def ready(self):
        from . import search  # noqa: F401  (its receiver keeps the search index)
