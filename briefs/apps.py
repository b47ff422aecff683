from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BriefsConfig(AppConfig):
    """Policy analysis: briefs, their publication types, authors and recommendations."""

    name = "briefs"
    verbose_name = _("Policy analysis")

    def ready(self):
        # Their receivers keep the search index and the filters' choices.
        from . import forms, search  # noqa: F401
