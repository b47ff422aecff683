from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    """The fellows who write the analysis."""

    name = "experts"
    verbose_name = _("Experts")
